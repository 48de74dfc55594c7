import { describe, expect, it } from 'vitest';
import { expectedTally, resultsHarness, times, type ResultsHarness } from './fixture';

/** 丁 (2 strokes) < 王 (4) < 李 (7: 横 …) < 张 (7: 横折 …): the ballot's and the list's order. */
const candidates = ['丁一', '王二', '李三', '张四'];
const seed = { seats: 3, candidates, entitled: 10, present: 10 };

/** 丁一 9, 王二 8, 李三 6, 张四 6: two elected, and 李三 and 张四 tie for the last seat. */
const tiedBallots = [
  ...times(3, 'OOO-'),
  ...times(3, 'OO-O'),
  ...times(2, 'O-OO'),
  ...times(1, '-OOO'),
  ...times(1, 'OO--'),
];

/** 丁一 9, 王二 8, 李三 4, 张四 3: more than half of 10 is 6, so only two are elected. */
const shortBallots = [
  ...times(4, 'OOO-'),
  ...times(3, 'OO-O'),
  ...times(1, 'OOX-'),
  ...times(1, 'O-XX'),
  ...times(1, '-XXX'),
];

async function formalRound(h: ResultsHarness, ballots: typeof tiedBallots) {
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, ballots);
  return h.certify(h.formalRoundId);
}

describe('follow-up rounds', () => {
  it('sends a tie at the last seat to a runoff among the tied, then lists all three elected', async () => {
    const h = await resultsHarness(seed);
    const expected = expectedTally({
      kind: 'formal',
      ...seed,
      issued: 10,
      ballots: tiedBallots,
    });
    expect(expected.runoff).toEqual({ seats: 1, candidates: ['李三', '张四'] });

    const certified = await formalRound(h, tiedBallots);
    expect(certified.elected).toEqual(expected.elected);
    expect(certified.followUp.kind).toBe('runoff');
    if (certified.followUp.kind !== 'runoff') return;
    const runoff = certified.followUp.round;
    expect(runoff).toMatchObject({ kind: 'runoff', seats: 1, state: 'draft' });
    expect(runoff?.parentRoundId).toBe(h.formalRoundId);
    if (!runoff) return;
    expect(h.store.elections.candidatesOf(runoff.id).map((c) => c.name)).toEqual(['李三', '张四']);
    // Set-up may not put anyone else on the runoff ballot.
    const edited = await h.call(
      'elections.setCandidates',
      { roundId: runoff.id, candidates: [{ name: '李三' }, { name: '丁一' }] },
      h.admin.token,
    );
    expect(edited).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(h.store.elections.candidatesOf(runoff.id).map((c) => c.name)).toEqual(['李三', '张四']);
    // Not complete until the runoff is certified: the list so far has the two above the tie.
    const before = await h.must('results.overview', { electionId: h.election.id }, h.admin.token);
    expect(before.complete).toBe(false);
    expect(before.elected.map((e) => e.name)).toEqual(['丁一', '王二']);
    expect(before.pending).toContain('第 2 轮（再次投票）');

    await h.vote(runoff.id);
    await h.enter(runoff.id, [...times(6, 'O-'), ...times(3, '-O'), ...times(1, '--')]);
    const decided = await h.certify(runoff.id);
    expect(decided.elected).toEqual(['李三']);

    const final = await h.must('results.overview', { electionId: h.election.id }, h.admin.token);
    expect(final.complete).toBe(true);
    expect(final.pending).toBeNull();
    expect(final.elected.map((e) => e.name)).toEqual(['丁一', '王二', '李三']);
    expect(final.elected.map((e) => e.roundId)).toEqual([
      h.formalRoundId,
      h.formalRoundId,
      runoff.id,
    ]);
    expect(h.auditActions()).toEqual(expect.arrayContaining(['round.certify', 'round.runoff']));
  });

  it('opens a 另行选举 for a shortfall with the proposed names, then lists the elected of both', async () => {
    const h = await resultsHarness(seed);
    const certified = await formalRound(h, shortBallots);
    expect(certified.elected).toEqual(['丁一', '王二']);
    expect(certified.followUp).toMatchObject({
      kind: 'shortfall',
      vacancies: 1,
      seats: 1,
      proposed: ['李三', '张四'],
      eligible: ['李三', '张四'],
      minCandidates: 2,
      round: null,
    });

    // Only this election's unelected names, and no fewer than the 差额 asks; nothing changes.
    const stranger = await h.call(
      'results.supplementary',
      { roundId: h.formalRoundId, candidates: [{ name: '李三' }, { name: '外人甲' }] },
      h.chief.token,
    );
    expect(stranger.ok || stranger.error.field).toBe('candidates.1.name');
    const elected = await h.call(
      'results.supplementary',
      { roundId: h.formalRoundId, candidates: [{ name: '丁一' }, { name: '李三' }] },
      h.chief.token,
    );
    expect(elected.ok || elected.error.message).toContain('不是本选举事项中未当选的被选举人');
    const tooFew = await h.call(
      'results.supplementary',
      { roundId: h.formalRoundId, candidates: [{ name: '李三' }] },
      h.chief.token,
    );
    expect(tooFew.ok || tooFew.error.message).toContain('至少 2 名');
    expect(h.store.elections.roundsOf(h.election.id)).toHaveLength(1);

    // Given in another order, listed on the ballot in stroke order.
    const opened = await h.must(
      'results.supplementary',
      { roundId: h.formalRoundId, candidates: [{ name: '张四' }, { name: '李三' }] },
      h.chief.token,
    );
    if (opened.followUp.kind !== 'shortfall' || !opened.followUp.round) {
      throw new Error('the 另行选举 was not opened');
    }
    const supplementary = opened.followUp.round;
    expect(supplementary).toMatchObject({ kind: 'supplementary', seats: 1, state: 'draft' });
    expect(supplementary.candidates).toEqual(['李三', '张四']);

    await h.vote(supplementary.id);
    await h.enter(supplementary.id, [...times(7, 'O-'), ...times(3, '-O')]);
    await h.certify(supplementary.id);

    const final = await h.must('results.overview', { electionId: h.election.id }, h.admin.token);
    expect(final.complete).toBe(true);
    expect(final.elected.map((e) => e.name)).toEqual(['丁一', '王二', '李三']);
    expect(h.auditActions()).toContain('round.supplementary');
  });

  it('records the chair reducing the seats, which completes the election with those elected', async () => {
    const h = await resultsHarness(seed);
    await formalRound(h, shortBallots);
    const below = await h.call(
      'results.reduceSeats',
      { roundId: h.formalRoundId, seatsAfter: 1, decidedBy: '大会主席团', reason: '得票接近' },
      h.chief.token,
    );
    expect(below.ok || below.error.field).toBe('seatsAfter');

    const reduced = await h.must(
      'results.reduceSeats',
      {
        roundId: h.formalRoundId,
        seatsAfter: 2,
        decidedBy: '大会主席团',
        reason: '当选人数接近应选名额，经主席团会议决定减少一名',
      },
      h.chief.token,
    );
    expect(reduced.followUp).toMatchObject({
      kind: 'shortfall',
      seats: 0,
      reduction: { seatsBefore: 3, seatsAfter: 2, decidedBy: '大会主席团', recordedBy: '钱总监' },
    });
    const final = await h.must('results.overview', { electionId: h.election.id }, h.admin.token);
    expect(final).toMatchObject({ seats: 2, complete: true, pending: null });
    expect(final.elected.map((e) => e.name)).toEqual(['丁一', '王二']);
    expect(h.auditActions()).toContain('round.reduceSeats');

    const again = await h.call(
      'results.supplementary',
      { roundId: h.formalRoundId, candidates: [{ name: '李三' }, { name: '张四' }] },
      h.chief.token,
    );
    expect(again.ok || again.error.message).toContain('减少名额');
  });
});
