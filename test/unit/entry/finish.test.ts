import { describe, expect, it } from 'vitest';
import { ballot, enterAll, entryHarness, openBox } from './fixture';

const blank = ballot('-----------');

describe('closing entry for the tally', () => {
  it('is refused while the boxes do not add up to ballots returned, saying by how much', async () => {
    const h = await entryHarness({ returned: 5 });
    const one = await openBox(h, '一号箱', 4);
    await enterAll(h, one, h.tellerA.token, [blank, blank, blank, blank]);
    await h.must('entry.finishPass', { boxId: one }, h.tellerA.token);

    const overview = await h.must('entry.overview', { electionId: h.election.id }, h.chief.token);
    expect(overview.totals).toEqual({ expected: 4, returned: 5, difference: -1 });
    expect(overview.finish).toEqual({
      ready: false,
      blockers: ['各票箱清点合计 4 张，收回选票 5 张，少 1 张'],
    });
    const refused = await h.call('entry.finish', { roundId: h.round.id }, h.chief.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!refused.ok) expect(refused.error.message).toContain('少 1 张');
    expect(h.store.elections.roundById(h.round.id)?.state).toBe('counting');

    const two = await openBox(h, '二号箱', 1);
    const unfinished = await h.must('entry.overview', { electionId: h.election.id }, h.chief.token);
    expect(unfinished.finish.blockers).toEqual(['票箱“二号箱”正在录入']);
    await enterAll(h, two, h.tellerA.token, [blank]);
    await h.must('entry.finishPass', { boxId: two }, h.tellerA.token);

    const done = await h.must('entry.finish', { roundId: h.round.id }, h.chief.token);
    expect(done.round?.state).toBe('counted');
    expect(done.notice).toBe('本轮已完成计票，录入已结束');
    expect(h.auditActions().at(-1)).toBe('round.counted');
    const after = await h.call(
      'entry.createBox',
      { roundId: h.round.id, label: '三号箱', expected: 1 },
      h.chief.token,
    );
    expect(after).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });

  it('is refused under double entry until every box is reconciled', async () => {
    const h = await entryHarness({ returned: 1, doubleEntry: true });
    const boxId = await openBox(h, '一号箱', 1);
    await enterAll(h, boxId, h.tellerA.token, [blank]);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    const refused = await h.call('entry.finish', { roundId: h.round.id }, h.scrutineer.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!refused.ok) expect(refused.error.message).toContain('票箱“一号箱”第一遍已录完');
    await enterAll(h, boxId, h.tellerB.token, [blank]);
    await h.must('entry.finishPass', { boxId }, h.tellerB.token);
    const done = await h.must('entry.finish', { roundId: h.round.id }, h.scrutineer.token);
    expect(done.round?.state).toBe('counted');
  });

  it('tells why there is nothing to enter before ballots come back', async () => {
    const h = await entryHarness();
    h.store.transaction(() => h.store.elections.setRoundState(h.round.id, 'voting'));
    const overview = await h.must('entry.overview', { electionId: h.election.id }, h.tellerA.token);
    expect(overview.notice).toBe('本轮已开始投票；在“发票”步骤登记收回的选票后即可录入');
    const refused = await h.call(
      'entry.createBox',
      { roundId: h.round.id, label: '一号箱', expected: 1 },
      h.scrutineer.token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });
});

describe('who may do what in entry', () => {
  it('lets tellers enter, scrutineers set up and settle, and nobody else', async () => {
    const h = await entryHarness({ doubleEntry: true });
    const admin = await h.person('admin', '王管理');
    const box = { roundId: h.round.id, label: '一号箱', expected: 1 };
    for (const token of [h.tellerA.token, admin.token]) {
      expect(await h.call('entry.createBox', box, token)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const { id: boxId } = await h.must('entry.createBox', box, h.chief.token);
    for (const token of [h.scrutineer.token, h.chief.token, admin.token]) {
      expect(await h.call('entry.open', { boxId }, token)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await h.call('entry.commit', { boxId, seq: 1, ballot: blank }, token)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const method of ['entry.sendBack', 'entry.resolve', 'entry.finish'] as const) {
      const input =
        method === 'entry.sendBack'
          ? { boxId, reason: '核对' }
          : method === 'entry.resolve'
            ? { boxId, seq: 1, choice: 'first', note: '' }
            : { roundId: h.round.id };
      const result = await h.services.dispatch(method, input, h.tellerA.token);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const anonymous = await h.call('entry.commit', { boxId, seq: 1, ballot: blank }, null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(h.count('SELECT count(*) AS n FROM entry_pass')).toBe(0);
  });
});
