import { describe, expect, it } from 'vitest';
import {
  BOX_STATES,
  boxCounts,
  boxTransitions,
  nextBoxState,
  type BoxEvent,
} from '../../../shared/domain/boxes';
import { ballot, enterAll, entryHarness, openBox } from './fixture';

const events: BoxEvent[] = [
  'finish-first',
  'send-back',
  'start-second',
  'finish-second',
  'resolve-last',
  'reopen',
];

describe('the box state machine as data', () => {
  it('allows exactly the listed moves, and no second-entry move without double entry', () => {
    const allowed: string[] = [];
    for (const doubleEntry of [false, true]) {
      for (const from of BOX_STATES) {
        for (const event of events) {
          const to = nextBoxState(from, event, doubleEntry);
          if (to) allowed.push(`${doubleEntry ? 2 : 1}: ${from} -${event}-> ${to}`);
        }
      }
    }
    expect(allowed).toEqual([
      '1: entering -finish-first-> entered',
      '1: entered -send-back-> entering',
      '2: entering -finish-first-> entered',
      '2: entered -send-back-> entering',
      '2: entered -start-second-> second-entry',
      '2: second-entry -send-back-> entering',
      '2: second-entry -finish-second-> comparing',
      '2: comparing -resolve-last-> reconciled',
      '2: reconciled -reopen-> entering',
    ]);
    expect(boxTransitions).toHaveLength(7);
  });

  it('counts a box once entered, or once reconciled under double entry', () => {
    expect(BOX_STATES.filter((s) => boxCounts(s, false))).toEqual(['entered']);
    expect(BOX_STATES.filter((s) => boxCounts(s, true))).toEqual(['reconciled']);
  });
});

describe('the entry service enforces the machine', () => {
  it('refuses to finish a pass short of the box’s count, and to send back a box still entering', async () => {
    const h = await entryHarness({ seats: 9 });
    const boxId = await openBox(h, '一号箱', 2);
    await enterAll(h, boxId, h.tellerA.token, [ballot('OOOOOOOOO--')]);

    const early = await h.call('entry.finishPass', { boxId }, h.tellerA.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!early.ok) expect(early.error.message).toContain('还差 1 张');
    const back = await h.call('entry.sendBack', { boxId, reason: '核对' }, h.scrutineer.token);
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!back.ok) expect(back.error.message).toBe('票箱“一号箱”正在录入，不能退回更正');
    expect(h.store.ballots.boxById(boxId)?.state).toBe('entering');
  });

  it('has no second pass without double entry, and takes no ballot into a finished box', async () => {
    const h = await entryHarness({ doubleEntry: false });
    const boxId = await openBox(h, '一号箱', 1);
    await enterAll(h, boxId, h.tellerA.token, [ballot('-----------')]);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);

    const second = await h.call('entry.open', { boxId }, h.tellerB.token);
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const more = await h.call(
      'entry.commit',
      { boxId, seq: 2, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(more).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!more.ok) expect(more.error.message).toContain('如需更正，请监票人退回');
    const again = await h.call('entry.finishPass', { boxId }, h.tellerA.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(h.store.ballots.boxById(boxId)?.state).toBe('entered');
  });

  it('reopens a finished box for its teller when a scrutineer sends it back', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 1);
    await enterAll(h, boxId, h.tellerA.token, [ballot('OOOOOOOOO--')]);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);

    const box = await h.must('entry.sendBack', { boxId, reason: '第1张有误' }, h.chief.token);
    expect(box.state).toBe('entering');
    expect(box.passes[0]).toMatchObject({ pass: 1, done: false, tellerName: '张计票' });
    const progress = await h.must(
      'entry.void',
      { boxId, seq: 1, reason: '第1名应为×' },
      h.tellerA.token,
    );
    expect(progress).toMatchObject({ nextSeq: 1, reentry: true, live: 0 });
    await enterAll(h, boxId, h.tellerA.token, [ballot('XOOOOOOOO--')]);
    expect((await h.must('entry.finishPass', { boxId }, h.tellerA.token)).state).toBe('entered');
    expect(h.auditActions().filter((a) => a.startsWith('box.'))).toEqual([
      'box.create',
      'box.open-pass',
      'box.finish-pass',
      'box.send-back',
      'box.finish-pass',
    ]);
  });

  it('refuses to reconcile a box that is not being compared', async () => {
    const h = await entryHarness({ doubleEntry: true });
    const boxId = await openBox(h, '一号箱', 1);
    const refused = await h.call(
      'entry.resolve',
      { boxId, seq: 1, choice: 'first', note: '' },
      h.chief.token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const differences = await h.call('entry.differences', { boxId }, h.chief.token);
    expect(differences).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });

  it('lets the hand count change only while the first pass is open, never below what is entered', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 3);
    await enterAll(h, boxId, h.tellerA.token, [ballot('-----------'), ballot('-----------')]);
    const below = await h.call('entry.setExpected', { boxId, expected: 1 }, h.scrutineer.token);
    expect(below).toMatchObject({ ok: false, error: { code: 'conflict', field: 'expected' } });
    expect(
      (await h.must('entry.setExpected', { boxId, expected: 2 }, h.scrutineer.token)).expected,
    ).toBe(2);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    const late = await h.call('entry.setExpected', { boxId, expected: 5 }, h.scrutineer.token);
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(h.store.ballots.boxById(boxId)?.expected).toBe(2);
  });

  it('removes only a box nothing was entered into', async () => {
    const h = await entryHarness();
    const used = await openBox(h, '一号箱', 1);
    await enterAll(h, used, h.tellerA.token, [ballot('-----------')]);
    await h.must('entry.void', { boxId: used, seq: 1, reason: '录错' }, h.tellerA.token);
    const refused = await h.call('entry.removeBox', { boxId: used }, h.scrutineer.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const spare = await h.must(
      'entry.createBox',
      { roundId: h.round.id, label: '备用箱', expected: 0 },
      h.scrutineer.token,
    );
    await h.must('entry.removeBox', { boxId: spare.id }, h.scrutineer.token);
    expect(h.store.ballots.boxesOf(h.round.id).map((b) => b.label)).toEqual(['一号箱']);
  });
});
