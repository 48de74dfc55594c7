import { describe, expect, it } from 'vitest';
import { checkIn, congressWith, dayHarness } from './fixture';

describe('check-in at the desk', () => {
  it('checks a delegate in once, and refuses the second time with the time of the first', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 12);
    const teller = await h.person('teller');
    const [first = 0] = ids;
    const done = await h.must('checkin.checkIn', { delegateId: first, via: 'card' }, teller);
    expect(done.delegate.attendance?.status).toBe('present');
    expect(done.counts).toMatchObject({ entitled: 12, present: 1, notYet: 11 });
    const writes = h.count('SELECT count(*) AS n FROM audit');

    h.advance(60_000);
    const again = await h.call('checkin.checkIn', { delegateId: first, via: 'search' }, teller);
    expect(again.ok || again.error.code).toBe('conflict');
    expect(again.ok || again.error.message).toMatch(
      /^王建华（东湖村党总支，代表证号 DH0001）已于 \d{1,2}:\d{2}:\d{2} 报到，不能重复报到$/,
    );
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(writes);
    const overview = await h.must('checkin.overview', { congressId }, teller);
    expect(overview.counts.present).toBe(1);
    expect(overview.recent[0]?.attendance?.at).toBe('2025-06-18T00:30:00.000Z');
    const entry = h.audit().find((a) => a.action === 'checkin.present');
    expect(entry?.payload).toMatchObject({ delegateId: first, via: 'card', before: null });
  });

  it('undoes a check-in only with a reason, and records who, what and why', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 5);
    const teller = await h.person('teller');
    const [a = 0, b = 0] = ids;
    await checkIn(h, teller, [a, b]);

    const blank = await h.call('checkin.undo', { delegateId: a, reason: '   ' }, teller);
    expect(blank.ok || blank.error).toMatchObject({ code: 'invalid-argument', field: 'reason' });
    expect(h.count(`SELECT count(*) AS n FROM attendance WHERE delegate_id = ${a}`)).toBe(1);

    const undone = await h.must(
      'checkin.undo',
      { delegateId: a, reason: '误点了同名代表' },
      teller,
    );
    expect(undone.delegate.attendance).toBeNull();
    expect(undone.counts).toMatchObject({ present: 1, notYet: 4 });
    const row = h.audit().at(-1);
    expect(row).toMatchObject({ action: 'checkin.undo', role: 'teller' });
    expect(row?.payload).toMatchObject({
      delegateId: a,
      reason: '误点了同名代表',
      before: { status: 'present', at: '2025-06-18T00:30:00.000Z' },
    });

    const twice = await h.call('checkin.undo', { delegateId: a, reason: '再撤一次' }, teller);
    expect(twice.ok || twice.error.message).toContain('尚未报到，无需撤销');
    // Undone, the delegate can check in again.
    await h.must('checkin.checkIn', { delegateId: a, via: 'search' }, teller);
    expect((await h.must('checkin.overview', { congressId }, teller)).counts.present).toBe(2);
  });

  it('marks leave and absence for those counted in 应到, and not for the others', async () => {
    const h = await dayHarness();
    const { congressId, ids, rows } = await congressWith(h, 60);
    const teller = await h.person('teller');
    const noVote = ids[rows.findIndex((r) => !r.hasVote)] ?? 0;
    const [a = 0, b = 0, excused = 0] = ids;
    await h.must('delegates.excuse', { delegateId: excused, reason: '出国半年以上' });

    await h.must('checkin.mark', { delegateId: a, status: 'leave' }, teller);
    const absent = await h.must('checkin.mark', { delegateId: b, status: 'absent' }, teller);
    expect(absent.counts).toMatchObject({
      roster: 60,
      withoutVote: 1,
      excused: 1,
      entitled: 58,
      leave: 1,
      absent: 1,
      notYet: 56,
    });
    const again = await h.call('checkin.mark', { delegateId: a, status: 'leave' }, teller);
    expect(again.ok || again.error.message).toContain('请假，无需重复登记');
    const refused = await h.call('checkin.mark', { delegateId: noVote, status: 'leave' }, teller);
    expect(refused.ok || refused.error.message).toContain('没有选举权，不计入应到人数');
    const outside = await h.call('checkin.mark', { delegateId: excused, status: 'absent' }, teller);
    expect(outside.ok || outside.error.message).toContain('出国半年以上');

    // Arriving after all, a delegate on leave checks in; one without a vote attends, uncounted.
    h.advance(1000);
    const arrived = await h.must('checkin.checkIn', { delegateId: a, via: 'search' }, teller);
    expect(arrived.counts).toMatchObject({ present: 1, leave: 0 });
    h.advance(1000);
    const attends = await h.must('checkin.checkIn', { delegateId: noVote, via: 'card' }, teller);
    expect(attends.delegate.hasVote).toBe(false);
    expect(attends.counts.present).toBe(1);
    const overview = await h.must('checkin.overview', { congressId }, teller);
    expect(overview.recent.map((d) => d.id).slice(0, 2)).toEqual([noVote, a]);
  });

  it('counts per unit, adding up to the whole', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 120);
    const teller = await h.person('teller');
    await checkIn(h, teller, ids.slice(0, 50));
    const { units, counts } = await h.must('checkin.overview', { congressId }, teller);
    expect(units).toHaveLength(12);
    expect(units[0]).toMatchObject({ unit: '东湖村党总支', entitled: 10, present: 5, notYet: 5 });
    const sum = (key: 'entitled' | 'present' | 'notYet') =>
      units.reduce((total, unit) => total + unit[key], 0);
    expect([sum('entitled'), sum('present'), sum('notYet')]).toEqual([
      counts.entitled,
      counts.present,
      counts.notYet,
    ]);
    expect(counts).toMatchObject({ entitled: 118, present: 50 });
  });
});

describe('who may do what at the desk', () => {
  it('lets tellers and the administrator check in; scrutineers only watch', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 4);
    const [a = 0, b = 0, c = 0] = ids;
    const scrutineer = await h.person('scrutineer');
    const chief = await h.person('chief-scrutineer');
    for (const token of [scrutineer, chief]) {
      const denied = await h.call('checkin.checkIn', { delegateId: a, via: 'search' }, token);
      expect(denied.ok || denied.error.code).toBe('forbidden');
      const undo = await h.call('checkin.undo', { delegateId: a, reason: '试' }, token);
      expect(undo.ok || undo.error.code).toBe('forbidden');
      const mark = await h.call('checkin.mark', { delegateId: a, status: 'leave' }, token);
      expect(mark.ok || mark.error.code).toBe('forbidden');
      expect((await h.call('checkin.overview', { congressId }, token)).ok).toBe(true);
      expect((await h.call('checkin.search', { congressId, query: 'w' }, token)).ok).toBe(true);
    }
    const anonymous = await h.call('checkin.checkIn', { delegateId: a, via: 'card' });
    expect(anonymous.ok || anonymous.error.code).toBe('unauthenticated');
    expect(h.count('SELECT count(*) AS n FROM attendance')).toBe(0);

    await h.must('checkin.checkIn', { delegateId: b, via: 'card' }, h.admin);
    await h.must('checkin.checkIn', { delegateId: c, via: 'card' }, await h.person('teller'));
    // The projector has no session: it sees the counts of the current congress, and no names.
    const board = await h.call('checkin.board', {});
    expect(board.ok && board.value).toMatchObject({ congressId, counts: { present: 2 } });
    expect(JSON.stringify(board)).not.toContain('王');
  });

  it('writes nothing for a malformed call', async () => {
    const h = await dayHarness();
    const { ids } = await congressWith(h, 3);
    const teller = await h.person('teller');
    const before = h.count('SELECT count(*) AS n FROM audit');
    const calls: [string, unknown][] = [
      ['checkin.checkIn', { delegateId: '1', via: 'card' }],
      ['checkin.checkIn', { delegateId: ids[0], via: 'telepathy' }],
      ['checkin.checkIn', { delegateId: ids[0], via: 'card', at: '2025-01-01' }],
      ['checkin.checkIn', { delegateId: -3, via: 'card' }],
      ['checkin.checkIn', { delegateId: 999_999, via: 'card' }],
      ['checkin.mark', { delegateId: ids[0], status: 'present' }],
      ['checkin.undo', { delegateId: ids[0] }],
      ['checkin.undo', { delegateId: ids[0], reason: '很'.repeat(101) }],
      ['checkin.search', { congressId: 1, query: 'x'.repeat(41) }],
    ];
    for (const [method, input] of calls) {
      const result = await h.services.dispatch(method, input, teller);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/参数|没有这名代表/);
    }
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(before);
    expect(h.count('SELECT count(*) AS n FROM attendance')).toBe(0);
  });
});
