import { randomFillSync } from 'node:crypto';
import { ballotsFormat, ballotsVersion, type CastVote } from '../../../shared/export/ballots';
import type { BallotGroup } from '../../../shared/tally';
import type { RoundBallots } from './results-document';

/*
 * ballots.json: one record per counted paper, each round's in a fresh random order. The records
 * come from the engine's input, where identical papers are already merged, so neither the order
 * of entry nor the box survives; the shuffle then draws from the operating system's randomness,
 * not from anything a later reader could reconstruct.
 */

/** The file's text: valid JSON with one ballot per line, so that it reads and diffs as a list. */
export function ballotsJson(rounds: readonly RoundBallots[]): string {
  const parts = rounds.map(({ roundId, groups }) => {
    const lines = shuffle(castVotes(groups)).map((vote) => JSON.stringify(vote));
    return `{"roundId":${roundId},"ballots":[\n${lines.join(',\n')}\n]}`;
  });
  const head = `{"format":${JSON.stringify(ballotsFormat)},"version":${ballotsVersion},"rounds":[\n`;
  return `${head}${parts.join(',\n')}\n]}\n`;
}

function castVotes(groups: readonly BallotGroup[]): CastVote[] {
  const votes: CastVote[] = [];
  for (const group of groups) {
    const vote: CastVote =
      group.invalid === true
        ? { marks: '', writeIns: [], invalid: true }
        : {
            marks: group.marks,
            writeIns: (group.writeIns ?? []).map(({ name, mark }) => ({ name, mark })),
            invalid: false,
          };
    for (let i = 0; i < group.n; i += 1) votes.push(vote);
  }
  return votes;
}

/** Fisher–Yates with unbiased draws from the system's cryptographic generator, in place. */
export function shuffle<T>(items: T[]): T[] {
  const random = new Uint32Array(Math.min(items.length, 4096));
  let used = random.length;
  const draw = () => {
    if (used === random.length) {
      randomFillSync(random);
      used = 0;
    }
    return random[used++] ?? 0;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const bound = i + 1;
    // Draws at or above the last whole multiple of `bound` would favour small indices.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    let r = draw();
    while (r >= limit) r = draw();
    const j = r % bound;
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
  return items;
}
