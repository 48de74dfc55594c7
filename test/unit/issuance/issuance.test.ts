import { describe, expect, it } from 'vitest';
import { checkIn, congressWith, dayHarness } from '../checkin/fixture';
import { printedElection } from './fixture';

describe('issuing ballots', () => {
  it('freezes 应到 and 实到 into the round; later check-ins and undos do not move them', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 20);
    const teller = await h.person('teller');
    const scrutineer = await h.person('scrutineer');
    const { roundId } = await printedElection(h, congressId);
    await checkIn(h, teller, ids.slice(0, 17));

    const issued = await h.must('issuance.issue', { roundId, issued: 17 }, scrutineer);
    expect(issued).toMatchObject({ state: 'voting', entitled: 20, present: 17, issued: 17 });
    expect(issued.validity?.text).toBe('实到 17 ≥ 应到 20 的五分之四 16，符合选举要求');

    await checkIn(h, teller, ids.slice(17, 20));
    await h.must('checkin.undo', { delegateId: ids[0] ?? 0, reason: '代表离会' }, teller);
    await h.must('checkin.undo', { delegateId: ids[1] ?? 0, reason: '代表离会' }, teller);
    await h.must('delegates.excuse', { delegateId: ids[2] ?? 0, reason: '因病住院' });

    const { live, elections } = await h.must('issuance.list', { congressId }, scrutineer);
    expect(live).toMatchObject({ entitled: 19, present: 17 });
    expect(elections[0]?.rounds[0]).toMatchObject({ entitled: 20, present: 17, issued: 17 });
    const row = h.services.store.elections.roundById(roundId);
    expect(row).toMatchObject({ entitled: 20, present: 17, issued: 17, state: 'voting' });
    expect(h.audit().find((a) => a.action === 'round.issue')?.payload).toMatchObject({
      roundId,
      entitled: 20,
      present: 17,
      issued: 17,
      reason: null,
    });
  });

  it('needs the ballots printed, a valid meeting, and a reason for a number other than 实到', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    const teller = await h.person('teller');
    const scrutineer = await h.person('scrutineer');
    const draft = await h.must('elections.create', {
      congressId,
      title: '选举出席县第十五次党代会代表',
      office: 'delegate',
      seats: 1,
    });
    const draftRound = draft.rounds[0]?.id ?? 0;
    const { roundId } = await printedElection(h, congressId);
    const writes = () => h.count('SELECT count(*) AS n FROM audit');

    await checkIn(h, teller, ids.slice(0, 7));
    const before = writes();
    const unprinted = await h.call(
      'issuance.issue',
      { roundId: draftRound, issued: 7 },
      scrutineer,
    );
    expect(unprinted.ok || unprinted.error.message).toContain('选票尚未印制，不能发票');
    const short = await h.call('issuance.issue', { roundId, issued: 7 }, scrutineer);
    expect(short.ok || short.error.message).toBe(
      '实到 7 < 应到 10 的五分之四 8，不符合选举要求（至少需 8 人），不能发票。请先核实报到情况（《中国共产党基层组织选举工作条例》）',
    );

    await checkIn(h, teller, ids.slice(7, 8));
    const checkedIn = writes();
    const differs = await h.call('issuance.issue', { roundId, issued: 9 }, scrutineer);
    expect(differs.ok || differs.error).toMatchObject({
      code: 'invalid-argument',
      field: 'reason',
    });
    expect(differs.ok || differs.error.message).toContain('发出选票 9 张与实到 8 人不一致');
    expect(writes()).toBe(checkedIn);
    expect(checkedIn).toBe(before + 1);
    expect(h.services.store.elections.roundById(roundId)?.state).toBe('printed');

    const withReason = await h.must(
      'issuance.issue',
      { roundId, issued: 9, reason: '一张选票污损后换发' },
      scrutineer,
    );
    expect(withReason).toMatchObject({ issued: 9, present: 8, state: 'voting' });
    const twice = await h.call('issuance.issue', { roundId, issued: 8 }, scrutineer);
    expect(twice.ok || twice.error.message).toMatch(/已于 .+ 发出选票 9 张，不能重复登记/);
  });
});

describe('collecting ballots', () => {
  it('moves the round to counting when no more came back than went out', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    await checkIn(h, await h.person('teller'), ids.slice(0, 9));
    const chief = await h.person('chief-scrutineer');
    const { roundId } = await printedElection(h, congressId);
    await h.must('issuance.issue', { roundId, issued: 9 }, chief);
    const early = await h.call('issuance.return', { roundId, returned: 8 }, h.admin);
    expect(early.ok || early.error.code).toBe('forbidden');
    const back = await h.must('issuance.return', { roundId, returned: 8 }, chief);
    expect(back).toMatchObject({ state: 'counting', returned: 8, unreturned: 1, voidReason: null });
    const again = await h.call('issuance.return', { roundId, returned: 9 }, chief);
    expect(again.ok || again.error.message).toContain('已于');
    expect(h.services.store.elections.roundById(roundId)?.returned).toBe(8);
  });

  it('voids the round when more came back than went out, once confirmed, and opens the re-vote', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    await checkIn(h, await h.person('teller'), ids);
    const scrutineer = await h.person('scrutineer');
    const { electionId, roundId } = await printedElection(h, congressId);
    await h.must('issuance.issue', { roundId, issued: 10 }, scrutineer);
    const before = h.count('SELECT count(*) AS n FROM audit');

    const unconfirmed = await h.call('issuance.return', { roundId, returned: 11 }, scrutineer);
    expect(unconfirmed.ok || unconfirmed.error).toMatchObject({
      code: 'invalid-state',
      field: 'confirmVoid',
    });
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(before);
    expect(h.services.store.elections.roundById(roundId)?.state).toBe('voting');

    const voided = await h.must(
      'issuance.return',
      { roundId, returned: 11, confirmVoid: true },
      scrutineer,
    );
    expect(voided).toMatchObject({ state: 'void', returned: 11, unreturned: null, revote: null });
    expect(voided.voidReason).toBe('收回选票 11 张，多于发出的 10 张，本轮选举无效，应重新选举');
    expect(
      h
        .audit()
        .slice(-2)
        .map((a) => a.action),
    ).toEqual(['round.return', 'round.void']);

    const revote = await h.must('issuance.revote', { roundId }, scrutineer);
    expect(revote).toMatchObject({
      number: 2,
      kind: 'formal',
      seats: 2,
      state: 'draft',
      revoteOf: roundId,
      candidates: 3,
      issued: null,
    });
    const names = h.services.store.elections.candidatesOf(revote.id).map((c) => c.name);
    expect(names).toEqual(['丁建国', '王芳', '李华']);
    expect(h.services.store.elections.roundById(revote.id)?.parentRoundId).toBe(roundId);
    const twice = await h.call('issuance.revote', { roundId }, scrutineer);
    expect(twice.ok || twice.error.message).toContain('已开启重新选举（第 2 轮（重新选举））');
    const notVoid = await h.call('issuance.revote', { roundId: revote.id }, scrutineer);
    expect(notVoid.ok || notVoid.error.code).toBe('invalid-state');

    // The re-vote is printed and held like any round, with attendance frozen anew.
    await h.must('printouts.pdf', { kind: 'ballot', roundId: revote.id });
    const held = await h.must('issuance.issue', { roundId: revote.id, issued: 10 }, scrutineer);
    expect(held).toMatchObject({ state: 'voting', entitled: 10, present: 10 });
    const listed = await h.must('issuance.list', { congressId }, scrutineer);
    const rounds = listed.elections.find((e) => e.id === electionId)?.rounds ?? [];
    expect(rounds.map((r) => [r.number, r.state, r.revote])).toEqual([
      [1, 'void', revote.id],
      [2, 'voting', null],
    ]);
  });
});

describe('who may issue and collect', () => {
  it('only the scrutineers; a malformed call writes nothing', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 5);
    const teller = await h.person('teller');
    await checkIn(h, teller, ids);
    const { roundId } = await printedElection(h, congressId);
    for (const token of [teller, h.admin]) {
      const issue = await h.call('issuance.issue', { roundId, issued: 5 }, token);
      expect(issue.ok || issue.error.code).toBe('forbidden');
      const revote = await h.call('issuance.revote', { roundId }, token);
      expect(revote.ok || revote.error.code).toBe('forbidden');
      expect((await h.call('issuance.list', { congressId }, token)).ok).toBe(true);
    }
    const scrutineer = await h.person('scrutineer');
    const before = h.count('SELECT count(*) AS n FROM audit');
    const calls: [string, unknown][] = [
      ['issuance.issue', { roundId, issued: 0 }],
      ['issuance.issue', { roundId, issued: 4.5 }],
      ['issuance.issue', { roundId, issued: '5' }],
      ['issuance.issue', { roundId, issued: 5, reason: '因'.repeat(101) }],
      ['issuance.issue', { roundId: 0, issued: 5 }],
      ['issuance.issue', { roundId: 4242, issued: 5 }],
      ['issuance.return', { roundId, returned: -1 }],
      ['issuance.return', { roundId, returned: 5, confirmVoid: 'yes' }],
      ['issuance.revote', { roundId, kind: 'runoff' }],
    ];
    for (const [method, input] of calls) {
      const result = await h.services.dispatch(method, input, scrutineer);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
    }
    expect(h.count('SELECT count(*) AS n FROM audit')).toBe(before);
    expect(h.services.store.elections.roundById(roundId)).toMatchObject({
      state: 'printed',
      issued: null,
    });
  });
});

describe('turnout rules (village)', () => {
  it('freezes the electorate only, and judges validity by the ballots returned', async () => {
    const h = await dayHarness();
    const { congressId } = await congressWith(h, 10, 'village');
    const scrutineer = await h.person('scrutineer');
    const election = await h.must('elections.create', {
      congressId,
      title: '选举东湖村第十二届村民委员会成员',
      office: 'village-committee',
      seats: 1,
    });
    const roundId = election.rounds[0]?.id ?? 0;
    await h.must('elections.setCandidates', {
      roundId,
      candidates: [{ name: '王芳' }, { name: '李华' }],
    });
    await h.must('printouts.pdf', { kind: 'ballot', roundId });
    // Nobody checked in at a hall: the ballots went out at the polling stations.
    const issued = await h.must('issuance.issue', { roundId, issued: 8 }, scrutineer);
    expect(issued).toMatchObject({ entitled: 10, present: null, issued: 8 });
    expect(issued.validity).toMatchObject({ basis: 'turnout', met: null, required: 6 });
    const back = await h.must('issuance.return', { roundId, returned: 5 }, scrutineer);
    expect(back.state).toBe('counting');
    expect(back.validity?.text).toBe('收回选票 5 张 ≤ 登记选民 10 人的半数 5，选举无效');
  });
});
