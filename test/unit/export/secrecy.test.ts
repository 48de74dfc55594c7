import { describe, expect, it } from 'vitest';
import type { BallotsDocument } from '../../../shared/export/ballots';
import { resultsHarness } from '../results/fixture';
import { entriesOf, json, packageIn, printWithSharedChromium, tempDir } from './fixture';

/*
 * ballots.json must not let anyone put the ballots back in the order they were entered (which
 * follows the boxes, and the boxes the hall). 200 papers, each with its own pattern of marks, are
 * entered in a known order; in the package their order must look like a fresh random one.
 */

const count = 200;
const candidates = ['丁一', '卜二', '刁三', '于四', '王五', '石六', '田七', '白八'];
/** The i-th paper: the bits of i as ○ and ×, so that every paper can be told apart. */
const paper = (i: number) => candidates.map((_name, bit) => ((i >> bit) & 1 ? 'O' : 'X')).join('');

/** Spearman's rank correlation of a permutation of 0..n-1 with the identity. */
function rankCorrelation(order: readonly number[]): number {
  const n = order.length;
  const d2 = order.reduce((sum, value, i) => sum + (value - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('the cast-vote records in a package', () => {
  it('carry no id, number, box or time, and do not follow the order of entry', async () => {
    const h = await resultsHarness({ seats: 8, candidates, entitled: count, present: count });
    printWithSharedChromium(h);
    await h.vote(h.formalRoundId);
    await h.enter(
      h.formalRoundId,
      Array.from({ length: count }, (_v, i) => ({ marks: paper(i) })),
    );
    await h.certify(h.formalRoundId);

    const orders: number[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const folder = tempDir();
      await h.must('export.package', { congressId: h.congress.id, folder }, h.chief.token);
      const ballots = json<BallotsDocument>(entriesOf(packageIn(folder).bytes), 'ballots.json');
      const round = ballots.rounds[0];
      if (!round) throw new Error('no round in ballots.json');
      expect(Object.keys(round).sort()).toEqual(['ballots', 'roundId']);
      for (const ballot of round.ballots) {
        expect(Object.keys(ballot).sort()).toEqual(['invalid', 'marks', 'writeIns']);
      }
      const entered = new Map(Array.from({ length: count }, (_v, i) => [paper(i), i]));
      const order = round.ballots.map((b) => entered.get(b.marks) ?? -1);
      // Every paper once: nothing lost, nothing made up.
      expect([...order].sort((a, b) => a - b)).toEqual([...entered.values()]);
      orders.push(order);
    }
    // For a random order of 200, |ρ| is about 0.07 give or take; 0.3 is over four of those.
    for (const order of orders) expect(Math.abs(rankCorrelation(order))).toBeLessThan(0.3);
    // Each export shuffles afresh (the chance of two equal orders by luck is 1 in 200!).
    expect(orders[0]).not.toEqual(orders[1]);
  });
});
