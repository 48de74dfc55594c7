import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewBallot } from '../../../db/ballots';
import { openStore, type Store } from '../../../db/store';
import { congressWithRound, tickingClock, useTempDir } from './fixtures';

const tempDir = useTempDir();

function setUp(options: { doubleEntry?: boolean } = {}) {
  const store = openStore(join(tempDir(), 'ballots.sqlite'), { now: tickingClock() });
  return { store, ...congressWithRound(store, options) };
}

function enter(store: Store, ballot: NewBallot) {
  return store.transaction(() => store.ballots.insert(ballot));
}

const contentOf = (b: { marks: string; invalidReason: string | null; writeIns: unknown[] }) => ({
  marks: b.marks,
  invalidReason: b.invalidReason,
  writeIns: b.writeIns,
});

describe('ballots', () => {
  it('are stored whole with their write-ins, or not at all', () => {
    const { store, round, teller } = setUp();
    const box = store.ballots.createBox(round.id, { label: '一号箱', expected: 3 });
    const pass = store.ballots.openPass(box.id, 1, teller.id);
    expect(store.ballots.nextSeq(pass.id)).toBe(1);

    const written = enter(store, {
      passId: pass.id,
      seq: 1,
      marks: 'OXO-X',
      writeIns: [
        { slot: 2, name: '欧阳明', mark: 'O' },
        { slot: 0, name: '司马光', mark: '-' },
      ],
    });
    expect(store.ballots.byId(written.id)).toEqual({
      id: written.id,
      passId: pass.id,
      seq: 1,
      marks: 'OXO-X',
      invalidReason: null,
      voidedReason: null,
      writeIns: [
        { slot: 0, name: '司马光', mark: '-' },
        { slot: 2, name: '欧阳明', mark: 'O' },
      ],
    });
    enter(store, { passId: pass.id, seq: 2, marks: 'OOOOO', invalidReason: '超过应选人数' });
    expect(store.ballots.nextSeq(pass.id)).toBe(3);

    const rejected: [string, NewBallot, RegExp][] = [
      ['too few marks', { passId: pass.id, seq: 3, marks: 'OX' }, /do not match the candidates/],
      ['a foreign mark', { passId: pass.id, seq: 3, marks: 'OXOVX' }, /CHECK/],
      ['a taken seq', { passId: pass.id, seq: 2, marks: 'OXO-X' }, /UNIQUE/],
      [
        'a bad write-in',
        { passId: pass.id, seq: 3, marks: 'OXO-X', writeIns: [{ slot: 0, name: '  ', mark: 'O' }] },
        /CHECK/,
      ],
    ];
    for (const [why, ballot, error] of rejected) {
      expect(() => enter(store, ballot), why).toThrow(error);
    }
    expect(store.ballots.liveCount(pass.id)).toBe(2);
    expect(store.db.prepare('SELECT count(*) FROM ballot_write_in').pluck().get()).toBe(2);
    store.close();
  });

  it('are voided, never changed, and re-entered at the same seq', () => {
    const { store, round, teller } = setUp();
    const box = store.ballots.createBox(round.id, { label: '一号箱', expected: 3 });
    const pass = store.ballots.openPass(box.id, 1, teller.id);
    const ballots = ['OOXX-', 'XXXXX', '-----'].map((marks, i) =>
      enter(store, { passId: pass.id, seq: i + 1, marks }),
    );
    const wrong = ballots[1];
    if (!wrong) throw new Error('three ballots');

    expect(() =>
      store.db.prepare("UPDATE ballot SET marks = 'OOOOO' WHERE id = ?").run(wrong.id),
    ).toThrow(/never changed/);
    expect(() => store.db.prepare('DELETE FROM ballot WHERE id = ?').run(wrong.id)).toThrow(
      /never deleted/,
    );

    expect(store.transaction(() => store.ballots.voidBallot(wrong.id, '录错，重新录入'))).toBe(
      true,
    );
    expect(store.ballots.voidBallot(wrong.id, '再次作废')).toBe(false);
    expect(() =>
      store.db.prepare('UPDATE ballot SET voided_reason = NULL WHERE id = ?').run(wrong.id),
    ).toThrow(/never changed/);
    expect(store.ballots.liveAt(pass.id, 2)).toBeUndefined();
    expect(store.ballots.liveCount(pass.id)).toBe(2);

    const again = enter(store, {
      passId: pass.id,
      seq: 2,
      marks: 'XXOXX',
      writeIns: [{ slot: 0, name: '上官婉', mark: 'O' }],
    });
    expect(store.ballots.liveAt(pass.id, 2)?.id).toBe(again.id);
    expect(store.ballots.byId(wrong.id)).toMatchObject({
      seq: 2,
      marks: 'XXXXX',
      voidedReason: '录错，重新录入',
    });
    expect(store.ballots.live(pass.id).map((b) => [b.seq, b.marks, b.writeIns.length])).toEqual([
      [1, 'OOXX-', 0],
      [2, 'XXOXX', 1],
      [3, '-----', 0],
    ]);
    expect(store.ballots.nextSeq(pass.id)).toBe(4);
    expect(store.ballots.passCounts(round.id)).toEqual([
      { boxId: box.id, passId: pass.id, pass: 1, live: 3 },
    ]);

    // Entered ballots cannot disappear with their election.
    expect(() => store.elections.remove(round.electionId)).toThrow(/never deleted|cannot change/);
    expect(store.ballots.byId(wrong.id)).toBeDefined();
    store.close();
  });

  it('keep boxes and passes with their states', () => {
    const { store, round, teller } = setUp();
    const box = store.ballots.createBox(round.id, { label: '二号箱', expected: 40 });
    expect(box).toMatchObject({ state: 'entering', expected: 40 });
    expect(store.ballots.setBoxExpected(box.id, 41)?.expected).toBe(41);
    expect(store.ballots.setBoxState(box.id, 'entered')?.state).toBe('entered');
    expect(() => store.ballots.createBox(round.id, { label: '二号箱', expected: 1 })).toThrow(
      /UNIQUE/,
    );
    const first = store.ballots.openPass(box.id, 1, teller.id);
    expect(first).toMatchObject({ pass: 1, done: false, tellerId: teller.id });
    expect(store.ballots.setPassDone(first.id, true)?.done).toBe(true);
    expect(store.ballots.passOf(box.id, 1)?.id).toBe(first.id);
    expect(store.ballots.passOf(box.id, 2)).toBeUndefined();
    expect(() => store.ballots.openPass(box.id, 1, teller.id)).toThrow(/UNIQUE/);
    expect(store.ballots.boxesOf(round.id).map((b) => b.label)).toEqual(['二号箱']);
    store.close();
  });
});

describe('the counted ballots of a round', () => {
  function countedOf(store: Store, roundId: number) {
    return store.read(() => [...store.ballots.counted(roundId)]);
  }

  it('are every box’s first-pass ballots that stand, without double entry', () => {
    const { store, round, teller } = setUp({ doubleEntry: false });
    const [one, two] = ['一号箱', '二号箱'].map((label) =>
      store.ballots.openPass(
        store.ballots.createBox(round.id, { label, expected: 2 }).id,
        1,
        teller.id,
      ),
    );
    if (!one || !two) throw new Error('two boxes');
    const voided = enter(store, { passId: one.id, seq: 1, marks: 'XXXXX' });
    store.ballots.voidBallot(voided.id, '录错');
    enter(store, { passId: one.id, seq: 1, marks: 'OOOO-' });
    enter(store, {
      passId: one.id,
      seq: 2,
      marks: 'X----',
      writeIns: [{ slot: 0, name: '欧阳明', mark: 'O' }],
    });
    enter(store, { passId: two.id, seq: 1, marks: 'OOOOO', invalidReason: '超过应选人数' });

    expect(countedOf(store, round.id)).toEqual([
      { marks: 'OOOO-', invalidReason: null, writeIns: [] },
      { marks: 'X----', invalidReason: null, writeIns: [{ name: '欧阳明', mark: 'O' }] },
      { marks: 'OOOOO', invalidReason: '超过应选人数', writeIns: [] },
    ]);
    store.close();
  });

  it('are only the reconciled boxes’ ballots with double entry, as decided', () => {
    const { store, round, teller, chief } = setUp({ doubleEntry: true });
    const boxA = store.ballots.createBox(round.id, { label: 'A', expected: 3 });
    const boxB = store.ballots.createBox(round.id, { label: 'B', expected: 1 });
    const a1 = store.ballots.openPass(boxA.id, 1, teller.id);
    const a2 = store.ballots.openPass(boxA.id, 2, chief.id);
    const b1 = store.ballots.openPass(boxB.id, 1, teller.id);
    const firstA = ['OOXX-', 'XXXX-', '-----'];
    const secondA = ['OOXX-', 'XXXXO', '-----'];
    firstA.forEach((marks, i) => enter(store, { passId: a1.id, seq: i + 1, marks }));
    secondA.forEach((marks, i) =>
      enter(store, {
        passId: a2.id,
        seq: i + 1,
        marks,
        writeIns: i === 1 ? [{ slot: 1, name: '诸葛亮', mark: 'O' }] : [],
      }),
    );
    enter(store, { passId: b1.id, seq: 1, marks: 'OOOO-' });

    // Entered twice but not yet reconciled: nothing counts, not even pass 1.
    store.ballots.setBoxState(boxA.id, 'comparing');
    expect(countedOf(store, round.id)).toEqual([]);

    // The paper shows the second teller was right at seq 2.
    store.transaction(() => {
      const differing = store.ballots.liveAt(a1.id, 2);
      const decided = store.ballots.liveAt(a2.id, 2);
      if (!differing || !decided) throw new Error('both passes have seq 2');
      store.ballots.voidBallot(differing.id, '核对：以第二遍为准');
      store.ballots.insert({ ...decided, passId: a1.id });
      store.ballots.recordReconciliation({
        boxId: boxA.id,
        seq: 2,
        choice: 'second',
        note: '对照原票',
        resolvedBy: chief.id,
      });
      store.ballots.setBoxState(boxA.id, 'reconciled');
    });
    expect(store.ballots.reconciliationsOf(boxA.id)).toEqual([
      expect.objectContaining({ seq: 2, choice: 'second', resolvedBy: chief.id }),
    ]);
    expect(countedOf(store, round.id)).toEqual(
      secondA.map((marks, i) => ({
        marks,
        invalidReason: null,
        writeIns: i === 1 ? [{ name: '诸葛亮', mark: 'O' }] : [],
      })),
    );
    expect(store.ballots.live(a1.id).map(contentOf)).toEqual(
      store.ballots.live(a2.id).map(contentOf),
    );

    // Box B (one pass only) counts once it is reconciled too.
    store.ballots.setBoxState(boxB.id, 'reconciled');
    expect(countedOf(store, round.id)).toHaveLength(4);
    store.close();
  });
});
