import { describe, expect, it } from 'vitest';
import { checkIn, congressWith, dayHarness } from '../checkin/fixture';
import { resultsHarness, times } from '../results/fixture';
import { printedElection } from './fixture';

const reason = '收回张数误录，经两名监票人复点更正';

/** Ten delegates present, and a round whose ten ballots the scrutineer of `role` issued. */
async function issuedRound(role: 'scrutineer' | 'chief-scrutineer') {
  const h = await dayHarness();
  const { congressId, ids } = await congressWith(h, 10);
  await checkIn(h, await h.person('teller'), ids);
  const token = await h.person(role);
  const { roundId } = await printedElection(h, congressId);
  await h.must('issuance.issue', { roundId, issued: 10 }, token);
  return { h, token, roundId };
}

describe('correcting the ballots issued and returned', () => {
  it('lets a scrutineer correct a number typed wrong, with the reason, audited before and after', async () => {
    const { h, token: scrutineer, roundId } = await issuedRound('scrutineer');
    const others = [await h.person('teller'), h.admin];
    const writes = () => h.count('SELECT count(*) AS n FROM audit');
    const before = writes();

    // While voting only 发出 can be corrected; 收回 is still to be recorded.
    const early = await h.call('issuance.correct', { roundId, returned: 9, reason }, scrutineer);
    expect(early.ok || early.error).toMatchObject({ code: 'invalid-state', field: 'returned' });
    const same = await h.call('issuance.correct', { roundId, issued: 10, reason }, scrutineer);
    expect(same.ok || same.error.message).toContain('张数与原登记相同');
    const noReason = await h.call(
      'issuance.correct',
      { roundId, issued: 11, reason: ' ' },
      scrutineer,
    );
    expect(noReason.ok || noReason.error).toMatchObject({ field: 'reason' });
    for (const token of others) {
      const refused = await h.call('issuance.correct', { roundId, issued: 11, reason }, token);
      expect(refused.ok || refused.error.code).toBe('forbidden');
    }
    expect(writes()).toBe(before);

    const issued = await h.must(
      'issuance.correct',
      { roundId, issued: 11, reason: '一张污损换发的选票漏记' },
      scrutineer,
    );
    expect(issued).toMatchObject({ state: 'voting', issued: 11, returned: null, present: 10 });
    await h.must('issuance.return', { roundId, returned: 10 }, scrutineer);
    const returned = await h.must('issuance.correct', { roundId, returned: 9, reason }, scrutineer);
    expect(returned).toMatchObject({ state: 'counting', issued: 11, returned: 9, unreturned: 2 });

    const corrections = h.audit().filter((a) => a.action === 'round.correctCounts');
    expect(
      corrections.map((a) => [a.role, a.payload.before, a.payload.after, a.payload.reason]),
    ).toEqual([
      [
        'scrutineer',
        { issued: 10, returned: null },
        { issued: 11, returned: null },
        '一张污损换发的选票漏记',
      ],
      ['scrutineer', { issued: 11, returned: 10 }, { issued: 11, returned: 9 }, reason],
    ]);
  });

  it('asks before a correction leaving more returned than issued voids the round', async () => {
    const { h, token: chief, roundId } = await issuedRound('chief-scrutineer');
    await h.must('issuance.return', { roundId, returned: 10 }, chief);
    const before = h.count('SELECT count(*) AS n FROM audit');

    const asked = await h.call('issuance.correct', { roundId, issued: 9, reason }, chief);
    expect(asked.ok || asked.error).toMatchObject({ code: 'invalid-state', field: 'confirmVoid' });
    expect(asked.ok || asked.error.message).toContain('多于发出的 9 张');
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(before);
    expect(h.services.store.elections.roundById(roundId)).toMatchObject({
      state: 'counting',
      issued: 10,
    });

    const voided = await h.must(
      'issuance.correct',
      { roundId, issued: 9, reason, confirmVoid: true },
      chief,
    );
    expect(voided).toMatchObject({ state: 'void', issued: 9, returned: 10 });
    expect(voided.voidReason).toContain('更正后收回选票 10 张，多于发出的 9 张');
    expect(
      h
        .audit()
        .slice(-2)
        .map((a) => a.action),
    ).toEqual(['round.correctCounts', 'round.void']);
    const after = await h.call('issuance.correct', { roundId, issued: 10, reason }, chief);
    expect(after.ok || after.error.message).toContain('已作废');
  });

  it('refuses once entry is closed, until the 总监票人 sends the round back to counting', async () => {
    const h = await resultsHarness({
      seats: 2,
      candidates: ['丁建国', '王芳', '李华'],
      entitled: 10,
      present: 10,
    });
    const roundId = h.formalRoundId;
    await h.vote(roundId, 10, 10);
    await h.enter(roundId, times(10, 'OO-'));
    const correct = (returned: number) =>
      h.call('issuance.correct', { roundId, returned, reason }, h.scrutineer.token);

    const closed = await correct(9);
    expect(closed.ok || closed.error.message).toContain('录入已结束');
    expect(closed.ok || closed.error.message).toContain('退回重新计票');
    expect(h.store.elections.roundById(roundId)?.returned).toBe(10);

    await h.must('results.recount', { roundId, reason: '复点发现收回张数有误' }, h.chief.token);
    expect((await correct(9)).ok).toBe(true);
    // Entry cannot close again while the boxes hold more than the corrected count.
    const finish = await h.call('entry.finish', { roundId }, h.scrutineer.token);
    expect(finish.ok || finish.error.message).toContain('收回选票 9 张');
  });
});
