import { describe, expect, it } from 'vitest';
import { ballot, enterAll, entryHarness, openBox } from './fixture';

const ballotRows = 'SELECT count(*) AS n FROM ballot';
const auditRows = 'SELECT count(*) AS n FROM audit';

describe('committing a ballot', () => {
  it('writes the ballot with its audit row and reports where the pass stands', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 3);
    const before = h.count(auditRows);
    const committed = await h.must(
      'entry.commit',
      {
        boxId,
        seq: 1,
        ballot: ballot('OOOOOOOXX--', { writeIns: [{ name: '周 涛', mark: 'O' }] }),
      },
      h.tellerA.token,
    );
    expect(committed).toEqual({
      seq: 1,
      invalidReason: null,
      progress: { boxId, pass: 1, live: 1, expected: 3, nextSeq: 2, reentry: false, lastSeq: 1 },
    });
    const pass = h.store.ballots.passOf(boxId, 1);
    expect(pass && h.store.ballots.live(pass.id)).toEqual([
      expect.objectContaining({
        seq: 1,
        marks: 'OOOOOOOXX--',
        writeIns: [{ slot: 0, name: '周涛', mark: 'O' }],
      }),
    ]);
    expect(h.count(auditRows)).toBe(before + 1);
    const row = [...h.store.audit.rows()].at(-1);
    expect(row).toMatchObject({ actor: '张计票', role: 'teller', action: 'ballot.enter' });
    expect(JSON.parse(row?.payload ?? '{}')).toMatchObject({ seq: 1, marks: 'OOOOOOOXX--' });
  });

  it('stores an over-vote as invalid with the engine’s reason, write-ins counted', async () => {
    const h = await entryHarness({ seats: 9 });
    const boxId = await openBox(h, '一号箱', 2);
    const over = await h.must(
      'entry.commit',
      {
        boxId,
        seq: 1,
        ballot: ballot('OOOOOOOOOX-', { writeIns: [{ name: '周涛', mark: 'O' }] }),
      },
      h.tellerA.token,
    );
    expect(over.invalidReason).toBe('超选：赞成 10 人，应选 9 人');
    // A written name without its ○ is no vote (writeInWithoutMark: ignore), so nine is fine.
    const fine = await h.must(
      'entry.commit',
      {
        boxId,
        seq: 2,
        ballot: ballot('OOOOOOOOOX-', { writeIns: [{ name: '周涛', mark: '-' }] }),
      },
      h.tellerA.token,
    );
    expect(fine.invalidReason).toBeNull();
  });

  it('keeps only the reason of a ballot the scrutineers rejected', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 1);
    await h.must(
      'entry.commit',
      {
        boxId,
        seq: 1,
        ballot: ballot('OOX--------', {
          writeIns: [{ name: '周涛', mark: 'O' }],
          declaredInvalid: '无法辨认',
        }),
      },
      h.tellerA.token,
    );
    const pass = h.store.ballots.passOf(boxId, 1);
    expect(pass && h.store.ballots.live(pass.id)).toEqual([
      expect.objectContaining({ marks: '-----------', invalidReason: '无法辨认', writeIns: [] }),
    ]);
  });

  it('refuses a ballot beyond the box’s count, and writes nothing', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 2);
    await enterAll(h, boxId, h.tellerA.token, [ballot('-----------'), ballot('-----------')]);
    const ballots = h.count(ballotRows);
    const audits = h.count(auditRows);
    const third = await h.call(
      'entry.commit',
      { boxId, seq: 3, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(third).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!third.ok) {
      expect(third.error.message).toBe(
        '票箱“一号箱”清点为 2 张，已录入 2 张，不能再录入；如清点张数有误，请监票人更正本箱张数',
      );
    }
    expect([h.count(ballotRows), h.count(auditRows)]).toEqual([ballots, audits]);
  });

  it('refuses a retried commit at a place already taken, so nothing is entered twice', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 5);
    await enterAll(h, boxId, h.tellerA.token, [ballot('O----------')]);
    const retried = await h.call(
      'entry.commit',
      { boxId, seq: 1, ballot: ballot('O----------') },
      h.tellerA.token,
    );
    expect(retried).toMatchObject({ ok: false, error: { code: 'conflict', field: 'seq' } });
    const skipped = await h.call(
      'entry.commit',
      { boxId, seq: 3, ballot: ballot('O----------') },
      h.tellerA.token,
    );
    expect(skipped).toMatchObject({ ok: false, error: { code: 'conflict', field: 'seq' } });
    expect(h.count(ballotRows)).toBe(1);
  });

  it('voids a ballot with its reason and takes its re-entry at the same place', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 3);
    await enterAll(h, boxId, h.tellerA.token, [
      ballot('O----------'),
      ballot('XX---------'),
      ballot('OOO--------'),
    ]);
    const progress = await h.must(
      'entry.void',
      { boxId, seq: 2, reason: '第2名应为○' },
      h.tellerA.token,
    );
    expect(progress).toMatchObject({ live: 2, nextSeq: 2, reentry: true, lastSeq: 3 });
    const elsewhere = await h.call(
      'entry.commit',
      { boxId, seq: 4, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!elsewhere.ok) expect(elsewhere.error.message).toContain('下一张应为第 2 张');
    const redone = await h.must(
      'entry.commit',
      { boxId, seq: 2, ballot: ballot('XO---------') },
      h.tellerA.token,
    );
    expect(redone.progress).toMatchObject({ live: 3, nextSeq: 4, reentry: false, lastSeq: 2 });

    const listed = await h.must('entry.ballots', { boxId }, h.tellerA.token);
    expect(listed.map((b) => [b.seq, b.marks, b.voidedReason])).toEqual([
      [1, 'O----------', null],
      [2, 'XX---------', '第2名应为○'],
      [2, 'XO---------', null],
      [3, 'OOO--------', null],
    ]);
    const voided = [...h.store.audit.rows()].find((r) => r.action === 'ballot.void');
    expect(voided).toMatchObject({ actor: '张计票', role: 'teller' });
    expect(JSON.parse(voided?.payload ?? '{}')).toMatchObject({
      seq: 2,
      reason: '第2名应为○',
      ballot: { marks: 'XX---------' },
    });
    // The re-entry made the box whole again: it can be finished.
    expect((await h.must('entry.finishPass', { boxId }, h.tellerA.token)).state).toBe('entered');
  });

  it('finishes no pass while a voided place is still empty', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 2);
    await enterAll(h, boxId, h.tellerA.token, [ballot('O----------'), ballot('X----------')]);
    await h.must('entry.void', { boxId, seq: 1, reason: '录错' }, h.tellerA.token);
    await h.must('entry.setExpected', { boxId, expected: 1 }, h.scrutineer.token);
    const refused = await h.call('entry.finishPass', { boxId }, h.tellerA.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('第 1 张已作废，尚未重新录入');
  });

  it('refuses malformed arguments and writes nothing', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 5);
    const ballots = h.count(ballotRows);
    const audits = h.count(auditRows);
    const bad: unknown[] = [
      { boxId, seq: 1, ballot: ballot('OOO') },
      { boxId, seq: 1, ballot: ballot('OOOOOOOOOOA') },
      { boxId, seq: 0, ballot: ballot('-----------') },
      { boxId, seq: 1, ballot: { ...ballot('-----------'), extra: 1 } },
      { boxId, seq: 1, ballot: { marks: '-----------', writeIns: [] } },
      {
        boxId,
        seq: 1,
        ballot: ballot('-----------', {
          writeIns: ['甲', '乙', '丙', '丁'].map((name) => ({ name, mark: 'O' as const })),
        }),
      },
      { boxId, seq: 1, ballot: ballot('-----------', { writeIns: [{ name: ' ', mark: 'O' }] }) },
      { boxId: -1, seq: 1, ballot: ballot('-----------') },
      'not an object',
    ];
    for (const input of bad) {
      const result = await h.services.dispatch('entry.commit', input, h.tellerA.token);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    const wrongLength = await h.services.dispatch('entry.commit', bad[0], h.tellerA.token);
    if (!wrongLength.ok) {
      expect(wrongLength.error).toMatchObject({
        field: 'ballot.marks',
        message: '选票上有 11 名候选人，录入了 3 个符号',
      });
    }
    expect([h.count(ballotRows), h.count(auditRows)]).toEqual([ballots, audits]);
  });

  it('takes nothing once the round has been counted', async () => {
    const h = await entryHarness();
    const boxId = await openBox(h, '一号箱', 5);
    h.store.transaction(() => h.store.elections.setRoundState(h.round.id, 'counted'));
    const refused = await h.call(
      'entry.commit',
      { boxId, seq: 1, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!refused.ok) expect(refused.error.message).toContain('本轮已完成计票');
    expect(h.count(ballotRows)).toBe(0);
  });
});
