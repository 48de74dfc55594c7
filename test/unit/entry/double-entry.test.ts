import { describe, expect, it } from 'vitest';
import { ballot, enterAll, entryHarness, openBox, type Seeded } from './fixture';

/** Ten ballots of a 9-of-11 round, as the first teller reads them. */
const paper = [
  ballot('OOOOOOOOO--'),
  ballot('OOOOOOOOXX-'),
  ballot('OXOXOXOXOX-'),
  ballot('-----------'),
  ballot('OOOOOOOO--X', { writeIns: [{ name: '周涛', mark: 'O' }] }),
  ballot('OOOOOOOO---', { writeIns: [{ name: '欧阳明', mark: 'O' }] }),
  ballot('XXXXXXXXXXX'),
  ballot('OOOO?OOOO--'),
  ballot('OOOOOOOOOO-'),
  ballot('-----------', { declaredInvalid: '无法辨认' }),
];

/** The second teller's reading differs at seqs 3, 6 and 9 only. */
const secondReading = paper.map((b, i) => {
  if (i === 2) return ballot('OXOXOXOXOO-');
  if (i === 5) return ballot('OOOOOOOO---', { writeIns: [{ name: '欧阳鸣', mark: 'O' }] });
  if (i === 8) return ballot('-----------', { declaredInvalid: '有其他标记' });
  return b;
});

async function enteredTwice(h: Seeded) {
  const boxId = await openBox(h, '一号箱', paper.length);
  await enterAll(h, boxId, h.tellerA.token, paper);
  await h.must('entry.finishPass', { boxId }, h.tellerA.token);
  await enterAll(h, boxId, h.tellerB.token, secondReading);
  const box = await h.must('entry.finishPass', { boxId }, h.tellerB.token);
  return { boxId, box };
}

const counted = (h: Seeded) => h.store.read(() => [...h.store.ballots.counted(h.round.id)]);

describe('double entry', () => {
  it('refuses the first teller for the second pass, and keeps each pass from the other teller', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 10 });
    const boxId = await openBox(h, '一号箱', 1);
    await enterAll(h, boxId, h.tellerA.token, [ballot('OOOOOOOOO--')]);

    // While pass 1 is open, nobody else may type into it.
    const intruder = await h.call(
      'entry.commit',
      { boxId, seq: 2, ballot: ballot('-----------') },
      h.tellerB.token,
    );
    expect(intruder).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);

    const same = await h.call('entry.open', { boxId }, h.tellerA.token);
    expect(same).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!same.ok) {
      expect(same.error.message).toBe(
        '第二遍须由另一名计票人独立录入：票箱“一号箱”的第一遍是您录入的',
      );
    }
    const second = await h.must('entry.open', { boxId }, h.tellerB.token);
    expect(second.progress).toMatchObject({ pass: 2, live: 0, nextSeq: 1 });
    expect(second.box.state).toBe('second-entry');

    // The second teller cannot read the first pass, nor the first teller the second.
    const peek = await h.call('entry.ballots', { boxId, pass: 1 }, h.tellerB.token);
    expect(peek).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.must('entry.ballots', { boxId }, h.tellerB.token)).toEqual([]);
    const back = await h.call('entry.ballots', { boxId, pass: 2 }, h.tellerA.token);
    expect(back).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stray = await h.call(
      'entry.commit',
      { boxId, seq: 1, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(stray).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists exactly the planted differences, side by side, in seq order', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 10 });
    const { boxId, box } = await enteredTwice(h);
    expect(box).toMatchObject({ state: 'comparing', unresolved: 3 });

    const comparison = await h.must('entry.differences', { boxId }, h.scrutineer.token);
    expect(comparison.firstTeller).toBe('张计票');
    expect(comparison.secondTeller).toBe('李计票');
    expect(
      comparison.differences.map((d) => ({ seq: d.seq, first: d.first, second: d.second })),
    ).toEqual([
      {
        seq: 3,
        first: { marks: 'OXOXOXOXOX-', invalidReason: null, writeIns: [] },
        second: { marks: 'OXOXOXOXOO-', invalidReason: null, writeIns: [] },
      },
      {
        seq: 6,
        first: {
          marks: 'OOOOOOOO---',
          invalidReason: null,
          writeIns: [{ name: '欧阳明', mark: 'O' }],
        },
        second: {
          marks: 'OOOOOOOO---',
          invalidReason: null,
          writeIns: [{ name: '欧阳鸣', mark: 'O' }],
        },
      },
      {
        seq: 9,
        first: { marks: 'OOOOOOOOOO-', invalidReason: '超选：赞成 10 人，应选 9 人', writeIns: [] },
        second: { marks: '-----------', invalidReason: '有其他标记', writeIns: [] },
      },
    ]);
    expect(comparison.differences.every((d) => d.resolution === null)).toBe(true);
  });

  it('counts a box only once every difference is settled, with the decided ballots', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 10 });
    const { boxId } = await enteredTwice(h);
    expect(counted(h)).toEqual([]);

    await h.must(
      'entry.resolve',
      { boxId, seq: 3, choice: 'second', note: '对照原票' },
      h.chief.token,
    );
    await h.must('entry.resolve', { boxId, seq: 6, choice: 'first', note: '' }, h.scrutineer.token);
    expect(counted(h)).toEqual([]);
    const settled = await h.must(
      'entry.resolve',
      {
        boxId,
        seq: 9,
        choice: 'other',
        ballot: ballot('OOOOOOOOO--'),
        note: '原票第10名未画，为有效票',
      },
      h.chief.token,
    );
    expect(settled.box.state).toBe('reconciled');
    expect(
      settled.differences.map((d) => [d.seq, d.resolution?.choice, d.resolution?.resolvedBy]),
    ).toEqual([
      [3, 'second', '钱总监'],
      [6, 'first', '赵监票'],
      [9, 'other', '钱总监'],
    ]);

    const decided = paper.map((b, i) => {
      if (i === 2) return secondReading[2];
      if (i === 8) return ballot('OOOOOOOOO--');
      return b;
    });
    const expected = decided.map((b) => ({
      marks: b?.declaredInvalid ? '-----------' : (b?.marks ?? ''),
      invalidReason: b?.declaredInvalid ?? null,
      writeIns: b?.writeIns ?? [],
    }));
    expect(counted(h)).toEqual(expected);

    // The first teller's entries at 3 and 9 stay, voided by the reconciliation, never deleted.
    const first = await h.must('entry.ballots', { boxId, pass: 1 }, h.chief.token);
    expect(
      first.filter((b) => b.voidedReason !== null).map((b) => [b.seq, b.voidedReason]),
    ).toEqual([
      [3, '核对：以第二遍录入为准'],
      [9, '核对：以核对时录入的内容为准'],
    ]);
    const settledAgain = await h.call(
      'entry.resolve',
      { boxId, seq: 3, choice: 'first', note: '' },
      h.chief.token,
    );
    expect(settledAgain).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });

  it('reconciles at once when both passes agree', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 10 });
    const boxId = await openBox(h, '一号箱', paper.length);
    await enterAll(h, boxId, h.tellerA.token, paper);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    await enterAll(h, boxId, h.tellerB.token, paper);
    const box = await h.must('entry.finishPass', { boxId }, h.tellerB.token);
    expect(box.state).toBe('reconciled');
    expect(counted(h)).toHaveLength(10);
  });

  it('sends a box back to its first teller while the second pass waits', async () => {
    const h = await entryHarness({ doubleEntry: true, returned: 10 });
    const boxId = await openBox(h, '一号箱', 2);
    await enterAll(h, boxId, h.tellerA.token, [ballot('O----------'), ballot('X----------')]);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    await enterAll(h, boxId, h.tellerB.token, [ballot('O----------')]);

    const back = await h.must('entry.sendBack', { boxId, reason: '第2张看错' }, h.chief.token);
    expect(back.state).toBe('entering');
    const waiting = await h.call(
      'entry.commit',
      { boxId, seq: 2, ballot: ballot('O----------') },
      h.tellerB.token,
    );
    expect(waiting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await h.must('entry.void', { boxId, seq: 2, reason: '看错' }, h.tellerA.token);
    await enterAll(h, boxId, h.tellerA.token, [ballot('O----------')]);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);

    const resumed = await h.must('entry.open', { boxId }, h.tellerB.token);
    expect(resumed.progress).toMatchObject({ pass: 2, live: 1, nextSeq: 2 });
    await enterAll(h, boxId, h.tellerB.token, [ballot('O----------')]);
    expect((await h.must('entry.finishPass', { boxId }, h.tellerB.token)).state).toBe('reconciled');
    const late = await h.call('entry.sendBack', { boxId, reason: '再看' }, h.chief.token);
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });
});
