import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../reports/pdfTools';
import { resultsHarness, times, type ResultsHarness } from './fixture';

/*
 * An election that starts with a 预选, set up, printed, voted, entered and certified through the
 * services, then its formal round opened from the result and held in turn.
 */

/** In 姓氏笔画 order, checked by hand (see test/unit/setup/fixture.ts's committeeInStrokeOrder). */
const nominees = ['丁建国', '卜秀英', '刁明华', '于洋', '王芳', '石磊'];

/**
 * Ten delegates, four marks at most each: 丁建国 10, 卜秀英 9, 刁明华 8, 于洋 7, 王芳 4, 石磊 2.
 * A name qualifies with more than half of the 10 entitled (6 or more): the first four, who are
 * exactly the four formal candidates wanted.
 */
const preliminaryBallots = [
  ...times(4, 'OOOO--'),
  ...times(2, 'OOO-O-'),
  ...times(2, 'OO-OO-'),
  ...times(1, 'O-OO-O'),
  ...times(1, 'OOO--O'),
];
const qualified = ['丁建国', '卜秀英', '刁明华', '于洋'];

/** The formal round among the four: 丁建国 10, 卜秀英 8, 刁明华 6, 于洋 4; three are elected. */
const formalBallots = [
  ...times(4, 'OOO-'),
  ...times(2, 'OOXO'),
  ...times(2, 'OOOX'),
  ...times(2, 'O-XO'),
];

const title = '选举中国共产党东湖镇第十六届纪律检查委员会委员';

async function preliminaryElection(h: ResultsHarness, formalCandidates = 4) {
  const created = await h.call(
    'elections.create',
    {
      congressId: h.congress.id,
      title,
      office: 'discipline',
      seats: 3,
      formalCandidates,
      doubleEntry: false,
    },
    h.admin.token,
  );
  return created;
}

/** Ten delegates, all present; the harness's own election is not used here. */
const congressOfTen = () =>
  resultsHarness({ seats: 2, candidates: ['甲', '乙', '丙'], entitled: 10, present: 10 });

async function withPreliminary() {
  const h = await congressOfTen();
  const made = await preliminaryElection(h);
  if (!made.ok) throw new Error(made.error.message);
  return { h, created: made };
}

describe('a 预选 held from set-up to the formal round', () => {
  it('is set up with the number of formal candidates, printed, counted and followed by the formal round', async () => {
    const { h, created } = await withPreliminary();
    const [round] = created.value.rounds;
    expect(round).toMatchObject({ kind: 'preliminary', seats: 3, formalCandidates: 4 });
    if (!round) return;
    const roundId = round.id;

    // Four names for four formal candidates: nothing to choose from, so the ballot cannot print.
    await h.must(
      'elections.setCandidates',
      { roundId, candidates: nominees.slice(0, 4).map((name) => ({ name })) },
      h.admin.token,
    );
    const early = await h.call('printouts.pdf', { kind: 'ballot', roundId }, h.admin.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!early.ok) expect(early.error.message).toMatch(/预选候选人须多于拟产生的正式候选人数 4 名/);

    const shuffled = [...nominees].reverse().map((name) => ({ name }));
    const listed = await h.must(
      'elections.setCandidates',
      { roundId, candidates: shuffled },
      h.admin.token,
    );
    expect(listed.rounds[0]?.candidates.map((c) => c.name)).toEqual(nominees);
    const printed = await h.must('printouts.pdf', { kind: 'ballot', roundId }, h.admin.token);
    const ballot = inspectPdf('preliminary-ballot', Buffer.from(printed.pdf, 'base64'));
    const words = ballot.text.replace(/\s+/g, '');
    expect(words).toContain(`${title}（预选）`);
    expect(words).toContain('预选产生正式候选人4名候选人6名');
    expect(words).toContain('等于或少于拟产生的正式候选人数的为有效票');

    await h.vote(roundId);
    // The 预选 cannot open the formal round before its result is certified.
    const uncertified = await h.call('results.openFormal', { roundId }, h.chief.token);
    expect(uncertified).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    await h.enter(roundId, preliminaryBallots);
    const certified = await h.certify(roundId);
    expect(certified.elected).toEqual(qualified);
    expect(certified.followUp).toMatchObject({
      kind: 'formal',
      qualified,
      round: null,
      blocked: null,
    });
    const overview = await h.must(
      'results.overview',
      { electionId: created.value.id },
      h.chief.token,
    );
    expect(overview.elected).toEqual([]);
    expect(overview.pending).toBe('预选结果已签核，尚未用预选结果开启正式选举');

    const byTeller = await h.call('results.openFormal', { roundId }, h.teller.token);
    expect(byTeller).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const opened = await h.must('results.openFormal', { roundId }, h.chief.token);
    expect(opened.followUp).toMatchObject({
      kind: 'formal',
      round: { kind: 'formal', seats: 3, state: 'draft' },
    });
    const again = await h.call('results.openFormal', { roundId }, h.chief.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const election = await h.must('elections.get', { electionId: created.value.id }, h.admin.token);
    const formal = election.rounds[1];
    expect(formal).toMatchObject({
      kind: 'formal',
      seats: 3,
      formalCandidates: null,
      printBlocked: null,
    });
    expect(formal?.candidates.map((c) => c.name)).toEqual(qualified);
    const audited = h.store.db
      .prepare<[], string>("SELECT payload FROM audit WHERE action = 'round.formal'")
      .pluck()
      .all();
    expect(audited.map((p) => JSON.parse(p) as unknown)).toEqual([
      expect.objectContaining({
        parentRoundId: roundId,
        roundId: formal?.id,
        qualified,
        candidates: qualified,
      }),
    ]);
    if (!formal) return;
    // Set-up may not put anyone else on the formal ballot.
    const edited = await h.call(
      'elections.setCandidates',
      { roundId: formal.id, candidates: nominees.slice(2).map((name) => ({ name })) },
      h.admin.token,
    );
    expect(edited).toMatchObject({ ok: false, error: { code: 'invalid-state' } });

    await h.must('printouts.pdf', { kind: 'ballot', roundId: formal.id }, h.admin.token);
    await h.vote(formal.id);
    await h.enter(formal.id, formalBallots);
    const result = await h.certify(formal.id);
    expect(result.elected).toEqual(['丁建国', '卜秀英', '刁明华']);
    const done = await h.must('results.overview', { electionId: created.value.id }, h.chief.token);
    expect(done.elected.map((e) => e.name)).toEqual(['丁建国', '卜秀英', '刁明华']);
    expect(done.complete).toBe(true);
  });

  it('changes the number of formal candidates before the vote, within the formal 差额', async () => {
    const { h, created } = await withPreliminary();
    const electionId = created.value.id;
    const roundId = created.value.rounds[0]?.id ?? 0;
    const five = await h.must(
      'elections.update',
      { electionId, formalCandidates: 5 },
      h.admin.token,
    );
    expect(five.rounds[0]).toMatchObject({ kind: 'preliminary', formalCandidates: 5 });
    // Four seats need at least five formal candidates (20% more): four is refused, five kept.
    const tooFew = await h.call(
      'elections.update',
      { electionId, seats: 4, formalCandidates: 4 },
      h.admin.token,
    );
    expect(tooFew).toMatchObject({ ok: false, error: { field: 'formalCandidates' } });
    const four = await h.must('elections.update', { electionId, seats: 4 }, h.admin.token);
    expect(four.rounds[0]).toMatchObject({ seats: 4, formalCandidates: 5 });
    const payload = h.store.db
      .prepare<[], string>(
        "SELECT payload FROM audit WHERE action = 'election.update' ORDER BY seq LIMIT 1",
      )
      .pluck()
      .get();
    expect(JSON.parse(payload ?? '{}')).toMatchObject({
      formalCandidates: { before: 4, after: 5 },
    });

    await h.must(
      'elections.setCandidates',
      { roundId, candidates: nominees.map((name) => ({ name })) },
      h.admin.token,
    );
    await h.vote(roundId);
    const late = await h.call(
      'elections.update',
      { electionId, formalCandidates: 6 },
      h.admin.token,
    );
    expect(late).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect(h.store.elections.roundById(roundId)?.formalCandidates).toBe(5);
  });

  it('refuses a 预选 its rules do not have, or one whose formal list would break the 差额', async () => {
    const h = await congressOfTen();
    const tooFew = await preliminaryElection(h, 3);
    expect(tooFew).toMatchObject({ ok: false, error: { field: 'formalCandidates' } });
    if (!tooFew.ok) expect(tooFew.error.message).toMatch(/差额/);
    h.store.transaction(() => h.store.congresses.update(h.congress.id, { profile: 'village' }));
    const village = await h.call(
      'elections.create',
      {
        congressId: h.congress.id,
        title: '选举村民委员会委员',
        office: 'village-committee',
        seats: 3,
        formalCandidates: 4,
      },
      h.admin.token,
    );
    expect(village).toMatchObject({ ok: false, error: { field: 'formalCandidates' } });
    if (!village.ok) expect(village.error.message).toContain('不设预选');
    expect(h.store.elections.listByCongress(h.congress.id)).toHaveLength(1);
  });

  it('settles a tie at the last formal place by a runoff, whose winner joins the formal round', async () => {
    const { h, created } = await withPreliminary();
    const roundId = created.value.rounds[0]?.id ?? 0;
    await h.must(
      'elections.setCandidates',
      { roundId, candidates: nominees.map((name) => ({ name })) },
      h.admin.token,
    );
    await h.vote(roundId);
    // 丁建国 10, 卜秀英 9, 刁明华 7, 于洋 6, 王芳 6, 石磊 2: 于洋 and 王芳 both qualify (6 of 10
    // entitled is more than half) and tie for the fourth and last place.
    await h.enter(roundId, [
      ...times(3, 'OOOO--'),
      ...times(3, 'OOO-O-'),
      ...times(2, 'OO-OO-'),
      ...times(1, 'OOO--O'),
      ...times(1, 'O--OOO'),
    ]);
    const certified = await h.certify(roundId);
    expect(certified.followUp).toMatchObject({
      kind: 'runoff',
      seats: 1,
      candidates: ['于洋', '王芳'],
    });
    const early = await h.call('results.openFormal', { roundId }, h.chief.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    const runoffId = certified.followUp.kind === 'runoff' ? (certified.followUp.round?.id ?? 0) : 0;
    expect(h.store.elections.candidatesOf(runoffId).map((c) => c.name)).toEqual(['于洋', '王芳']);

    await h.vote(runoffId);
    await h.enter(runoffId, [...times(6, '-O'), ...times(4, 'O-')]);
    const settled = await h.certify(runoffId);
    expect(settled.elected).toEqual(['王芳']);
    expect(settled.followUp).toMatchObject({
      kind: 'formal',
      qualified: ['丁建国', '卜秀英', '刁明华', '王芳'],
      blocked: null,
    });
    // Neither the 预选 nor its runoff elects anyone.
    const overview = await h.must(
      'results.overview',
      { electionId: created.value.id },
      h.chief.token,
    );
    expect(overview.elected).toEqual([]);

    const opened = await h.must('results.openFormal', { roundId: runoffId }, h.admin.token);
    const formalId = opened.followUp.kind === 'formal' ? (opened.followUp.round?.id ?? 0) : 0;
    expect(h.store.elections.candidatesOf(formalId).map((c) => c.name)).toEqual([
      '丁建国',
      '卜秀英',
      '刁明华',
      '王芳',
    ]);
    const fromPreliminary = await h.call('results.openFormal', { roundId }, h.chief.token);
    expect(fromPreliminary).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
  });
});
