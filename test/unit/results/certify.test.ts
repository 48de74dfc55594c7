import { describe, expect, it } from 'vitest';
import { buildResultSheet } from '../../../core/reports/result-sheets';
import { chiefPin, resultsHarness, times, type ResultsHarness } from './fixture';

const candidates = ['丁一', '王二', '李三', '张四'];
const seed = { seats: 3, candidates, entitled: 10, present: 10 };
const clearBallots = [...times(7, 'OOO-'), ...times(3, 'OO-O')];

async function counted(h: ResultsHarness) {
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, clearBallots);
}

const state = (h: ResultsHarness) => h.store.elections.roundById(h.formalRoundId)?.state;
const failed = (h: ResultsHarness) => h.store.people.byId(h.chief.id)?.failedAttempts;

describe('certification', () => {
  it('refuses a wrong PIN (counted toward the lock-out) and locks the round with the right one', async () => {
    const h = await resultsHarness(seed);
    await counted(h);
    const wrong = await h.call(
      'results.certify',
      { roundId: h.formalRoundId, pin: '0000' },
      h.chief.token,
    );
    expect(wrong.ok || wrong.error.code).toBe('wrong-pin');
    expect(state(h)).toBe('counted');
    expect(failed(h)).toBe(1);

    // Two more and the 总监票人 is paused: even the right PIN waits, as at sign-in.
    await h.call('results.certify', { roundId: h.formalRoundId, pin: '1111' }, h.chief.token);
    const third = await h.call(
      'results.certify',
      { roundId: h.formalRoundId, pin: '2222' },
      h.chief.token,
    );
    expect(third.ok || third.error.code).toBe('locked-out');
    const paused = await h.call(
      'results.certify',
      { roundId: h.formalRoundId, pin: chiefPin },
      h.chief.token,
    );
    expect(paused.ok || paused.error.code).toBe('locked-out');
    expect(state(h)).toBe('counted');

    h.advance(31_000);
    const right = await h.must(
      'results.certify',
      { roundId: h.formalRoundId, pin: chiefPin },
      h.chief.token,
    );
    expect(right.certified?.by).toBe('钱总监');
    expect(state(h)).toBe('certified');
    expect(failed(h)).toBe(0);
    expect(h.auditActions()).toEqual(
      expect.arrayContaining(['session.wrongPin', 'session.lockedOut', 'round.certify']),
    );
  });

  it('lets only the 总监票人 certify', async () => {
    const h = await resultsHarness(seed);
    await counted(h);
    const scrutineer = await h.call(
      'results.certify',
      { roundId: h.formalRoundId, pin: chiefPin },
      h.scrutineer.token,
    );
    expect(scrutineer.ok || scrutineer.error.code).toBe('forbidden');
    expect(state(h)).toBe('counted');
  });

  it('refuses every write to a certified round', async () => {
    const h = await resultsHarness(seed);
    await counted(h);
    const [box] = h.store.ballots.boxesOf(h.formalRoundId);
    if (!box) throw new Error('no box');
    await h.certify(h.formalRoundId);
    const roundId = h.formalRoundId;
    const ballot = { marks: 'OOO-', writeIns: [], declaredInvalid: null };
    const attempts = [
      await h.call('entry.open', { boxId: box.id }, h.teller.token),
      await h.call('entry.commit', { boxId: box.id, seq: 11, ballot }, h.teller.token),
      await h.call('entry.createBox', { roundId, label: '补箱', expected: 1 }, h.scrutineer.token),
      await h.call('entry.sendBack', { boxId: box.id, reason: '复核' }, h.scrutineer.token),
      await h.call('entry.finish', { roundId }, h.scrutineer.token),
      await h.call('issuance.return', { roundId, returned: 9 }, h.scrutineer.token),
      await h.call(
        'elections.setCandidates',
        { roundId, candidates: [{ name: '丁一' }, { name: '王二' }, { name: '李三' }] },
        h.admin.token,
      ),
      await h.call('elections.update', { electionId: h.election.id, seats: 2 }, h.admin.token),
      await h.call('results.recount', { roundId, reason: '复核' }, h.chief.token),
    ];
    for (const attempt of attempts) {
      expect(attempt.ok || attempt.error.code).toBe('invalid-state');
    }
    expect(state(h)).toBe('certified');
    expect(h.store.ballots.passCounts(roundId).map((p) => p.live)).toEqual([10]);
    expect(h.store.elections.candidatesOf(roundId)).toHaveLength(4);
  });

  it('unlocks with the PIN and a reason, logged and printed on every later sheet', async () => {
    const h = await resultsHarness(seed);
    await counted(h);
    await h.certify(h.formalRoundId);
    await h.must('results.announce', { roundId: h.formalRoundId }, h.scrutineer.token);
    expect(await h.must('results.announcement', {}, h.scrutineer.token)).toMatchObject({
      elected: ['丁一', '王二', '李三'],
    });

    const noReason = await h.call(
      'results.unlock',
      { roundId: h.formalRoundId, pin: chiefPin, reason: '  ' },
      h.chief.token,
    );
    expect(noReason.ok || noReason.error.field).toBe('reason');
    const wrong = await h.call(
      'results.unlock',
      { roundId: h.formalRoundId, pin: '9999', reason: '复核第一票箱' },
      h.chief.token,
    );
    expect(wrong.ok || wrong.error.code).toBe('wrong-pin');
    expect(state(h)).toBe('certified');

    await h.must(
      'results.unlock',
      { roundId: h.formalRoundId, pin: chiefPin, reason: '复核第一票箱' },
      h.chief.token,
    );
    expect(state(h)).toBe('counting');
    expect(h.store.elections.unlocksOf(h.formalRoundId)).toMatchObject([
      { byPerson: h.chief.id, reason: '复核第一票箱' },
    ]);
    const logged = h.store.db
      .prepare<[], { payload: string }>("SELECT payload FROM audit WHERE action = 'round.unlock'")
      .get();
    expect(JSON.parse(logged?.payload ?? '{}')).toMatchObject({ reason: '复核第一票箱' });
    // A result being checked again is off the hall's screen at once.
    expect(await h.must('results.announcement', {}, h.scrutineer.token)).toBeNull();

    // Counted again (nothing needed correcting) and certified again: the sheet says what happened.
    await h.must('entry.finish', { roundId: h.formalRoundId }, h.scrutineer.token);
    await h.certify(h.formalRoundId);
    const sheet = buildResultSheet(h.store, { electionId: h.election.id });
    if (!sheet.ok) throw new Error(sheet.error.message);
    expect(sheet.value.report.html).toMatch(
      /本结果曾于 2025年6月18日 \d\d:\d\d 解锁重核，理由：复核第一票箱（钱总监）/,
    );
    const results = await h.roundResults(h.formalRoundId);
    expect(results.unlocks).toMatchObject([{ by: '钱总监', reason: '复核第一票箱' }]);
  });

  it('holds back certification until an elected written-in name is confirmed eligible', async () => {
    const h = await resultsHarness(seed);
    await h.vote(h.formalRoundId);
    const writeIn = { name: '孙五', mark: 'O' as const };
    await h.enter(h.formalRoundId, [
      ...times(7, { marks: 'OO--', writeIns: [writeIn] }),
      ...times(3, 'O-O-'),
    ]);
    const results = await h.roundResults(h.formalRoundId);
    expect(results.elected).toEqual(['丁一', '王二', '孙五']);
    expect(results.eligibility).toEqual([{ name: '孙五', confirmed: null }]);
    expect(results.certifyBlocked).toContain('孙五');

    const early = await h.call(
      'results.certify',
      { roundId: h.formalRoundId, pin: chiefPin },
      h.chief.token,
    );
    expect(early.ok || early.error.code).toBe('invalid-state');
    // Refused before the PIN is checked: nothing counts toward a lock-out.
    expect(failed(h)).toBe(0);

    const notElected = await h.call(
      'results.confirmEligibility',
      { roundId: h.formalRoundId, name: '李三', note: '核对' },
      h.scrutineer.token,
    );
    expect(notElected.ok || notElected.error.field).toBe('name');
    const confirmed = await h.must(
      'results.confirmEligibility',
      { roundId: h.formalRoundId, name: '孙五', note: '经核对党员名册，系本镇正式党员' },
      h.scrutineer.token,
    );
    expect(confirmed.eligibility[0]?.confirmed).toMatchObject({
      by: '赵监票',
      note: '经核对党员名册，系本镇正式党员',
    });
    expect(confirmed.certifyBlocked).toBeNull();
    await h.certify(h.formalRoundId);
    expect(state(h)).toBe('certified');
    expect(h.auditActions()).toContain('round.eligibility');
  });

  it('announces only a certified result', async () => {
    const h = await resultsHarness(seed);
    await counted(h);
    const early = await h.call(
      'results.announce',
      { roundId: h.formalRoundId },
      h.scrutineer.token,
    );
    expect(early.ok || early.error.code).toBe('invalid-state');
    expect(await h.must('results.announcement', {}, h.scrutineer.token)).toBeNull();
    await h.certify(h.formalRoundId);
    await h.must('results.announce', { roundId: h.formalRoundId }, h.scrutineer.token);
    const shown = await h.call('results.announcement', {}, null);
    expect(shown.ok && shown.value).toMatchObject({
      electionTitle: '选举中国共产党东湖镇第十六届委员会委员',
      ballots: { issued: 10, returned: 10, valid: 10, invalid: 0 },
      elected: ['丁一', '王二', '李三'],
      pending: null,
    });
  });
});
