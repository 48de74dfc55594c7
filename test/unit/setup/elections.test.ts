import { describe, expect, it } from 'vitest';
import { committeeInStrokeOrder, setupHarness, township, type SetupHarness } from './fixture';

/** The committee's candidates as typed, in no particular order. */
const typed = [
  '吴斌',
  '田富',
  '王芳',
  '丁建国',
  '李华',
  '白雪',
  '卜秀英',
  '刘强',
  '于洋',
  '石磊',
  '刁明华',
];

async function committee(h: SetupHarness, names = typed) {
  const congress = await h.must('congress.create', township);
  const election = await h.must('elections.create', {
    congressId: congress.id,
    title: '选举中国共产党东湖镇第十六届委员会委员',
    office: 'committee',
    seats: 9,
    ballotColour: '红色',
  });
  const round = election.rounds[0];
  if (!round) throw new Error('no formal round');
  const set = await h.must('elections.setCandidates', {
    roundId: round.id,
    candidates: names.map((name) => ({ name })),
  });
  return { congress, election: set, roundId: round.id };
}

const state = (h: SetupHarness, roundId: number) =>
  h.services.store.elections.roundById(roundId)?.state;

describe('elections and candidates', () => {
  it('creates an election with its formal round and the office defaults', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const committee_ = await h.must('elections.create', {
      congressId: congress.id,
      title: '选举委员会委员',
      office: 'committee',
      seats: 9,
    });
    expect(committee_).toMatchObject({
      doubleEntry: true,
      writeInBlanks: 9,
      candidateOrder: 'strokes',
    });
    expect(committee_.rounds).toMatchObject([{ kind: 'formal', seats: 9, state: 'draft' }]);
    const delegates = await h.must('elections.create', {
      congressId: congress.id,
      title: '选举出席县第十五次党代会代表',
      office: 'delegate',
      seats: 20,
    });
    expect(delegates).toMatchObject({ doubleEntry: false, writeInBlanks: 10, position: 1 });
    const village = await h.call(
      'elections.create',
      { congressId: congress.id, title: '村委会', office: 'village-committee', seats: 5 },
      h.admin,
    );
    expect(village.ok || village.error).toMatchObject({
      code: 'invalid-argument',
      field: 'office',
    });
    const twice = await h.call(
      'elections.create',
      { congressId: congress.id, title: '选举委员会委员', office: 'committee', seats: 9 },
      h.admin,
    );
    expect(twice.ok || twice.error).toMatchObject({ code: 'conflict', field: 'title' });
    expect((await h.must('app.status', {})).elections.map((e) => e.title)).toEqual([
      '选举委员会委员',
      '选举出席县第十五次党代会代表',
    ]);
  });

  it('puts the candidates in 姓氏笔画 order whatever order they are typed in', async () => {
    const h = await setupHarness();
    const { election } = await committee(h);
    expect(election.rounds[0]?.candidates.map((c) => c.name)).toEqual(committeeInStrokeOrder);
    expect(election.rounds[0]?.slate).toMatchObject({ ok: true, minCandidates: 11 });
    expect(election.rounds[0]?.printBlocked).toBeNull();
  });

  it('orders by the congress convention, and re-sorts when it changes', async () => {
    const h = await setupHarness();
    const { congress, roundId } = await committee(h, [...typed.slice(0, 10), '田大利']);
    const names = () => h.services.store.elections.candidatesOf(roundId).map((c) => c.name);
    // party: a one-character given name sorts as if a blank stood before it: 田富 before 田大利.
    expect(names().indexOf('田富')).toBeLessThan(names().indexOf('田大利'));
    await h.must('congress.update', { congressId: congress.id, options: { nameOrder: 'npc' } });
    expect(names().indexOf('田大利')).toBeLessThan(names().indexOf('田富'));
  });

  it('shows the operator which names the collation is not sure of, without blocking', async () => {
    const h = await setupHarness();
    const { election } = await committee(h, [...typed.slice(0, 10), '张𠀀']);
    const round = election.rounds[0];
    expect(round?.collationWarnings.join('')).toContain('缺少笔画数据的字：𠀀（张𠀀）');
    expect(round?.printBlocked).toBeNull();
  });

  it('keeps 书记 in the order given, moved by the operator', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const election = await h.must('elections.create', {
      congressId: congress.id,
      title: '选举副书记',
      office: 'deputy-secretary',
      seats: 2,
    });
    const roundId = election.rounds[0]?.id ?? 0;
    const set = await h.must('elections.setCandidates', {
      roundId,
      candidates: [{ name: '吴斌' }, { name: '丁建国' }],
    });
    expect(set.candidateOrder).toBe('given');
    expect(set.rounds[0]?.candidates.map((c) => c.name)).toEqual(['吴斌', '丁建国']);
    expect(set.rounds[0]?.slate?.ok).toBe(true);
  });

  it('refuses to print a slate outside its bounds, naming the bound', async () => {
    const h = await setupHarness();
    const { election, roundId } = await committee(h, typed.slice(0, 10));
    const round = election.rounds[0];
    expect(round?.slate).toMatchObject({ ok: false, minCandidates: 11 });
    const bound = '差额不足：应选 9 名至少需要 11 名候选人（差额不少于 20%），现有 10 名';
    expect(round?.slate?.message).toBe(bound);
    expect(round?.printBlocked).toContain(bound);
    for (const method of ['printouts.preview', 'printouts.pdf'] as const) {
      const result = await h.call(method, { kind: 'ballot', roundId }, h.admin);
      expect(result.ok || result.error).toMatchObject({ code: 'invalid-state', field: 'roundId' });
      expect(result.ok || result.error.message).toContain(bound);
    }
    expect(state(h, roundId)).toBe('draft');
    expect(h.auditActions()).not.toContain('round.print');
  });

  it('names the upper bound for 常委 and the rule for a people’s congress', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const standing = await h.must('elections.create', {
      congressId: congress.id,
      title: '选举常委',
      office: 'standing',
      seats: 5,
    });
    const set = await h.must('elections.setCandidates', {
      roundId: standing.rounds[0]?.id ?? 0,
      candidates: typed.slice(0, 8).map((name) => ({ name })),
    });
    expect(set.rounds[0]?.slate?.message).toBe(
      '候选人过多：应选 5 名最多 7 名候选人（候选人多于应选 1 至 2 名），现有 8 名',
    );
  });

  it('refuses a candidate listed twice, and changes nothing', async () => {
    const h = await setupHarness();
    const { roundId } = await committee(h);
    const result = await h.call(
      'elections.setCandidates',
      { roundId, candidates: [{ name: '王芳' }, { name: '李华' }, { name: '王 芳' }] },
      h.admin,
    );
    expect(result.ok || result.error).toMatchObject({ code: 'invalid-argument' });
    expect(result.ok || result.error.message).toContain('重复');
    expect(h.services.store.elections.candidatesOf(roundId)).toHaveLength(11);
  });

  it('after printing, changes need an explicit re-print; once voting started they are refused', async () => {
    const h = await setupHarness();
    const { roundId, election } = await committee(h);
    await h.must('printouts.pdf', { kind: 'ballot', roundId });
    expect(state(h, roundId)).toBe('printed');

    const fewer = { roundId, candidates: [...typed, '孙丽'].map((name) => ({ name })) };
    const asked = await h.call('elections.setCandidates', fewer, h.admin);
    expect(asked.ok || asked.error).toMatchObject({
      code: 'invalid-state',
      field: 'confirmReprint',
    });
    expect(asked.ok || asked.error.message).toContain('已印制的选票全部作废');
    expect(h.services.store.elections.candidatesOf(roundId)).toHaveLength(11);

    const seats = await h.call('elections.update', { electionId: election.id, seats: 10 }, h.admin);
    expect(seats.ok || seats.error.field).toBe('confirmReprint');
    const confirmed = await h.must('elections.setCandidates', { ...fewer, confirmReprint: true });
    expect(confirmed.rounds[0]?.state).toBe('draft');
    expect(h.auditActions()).toEqual(
      expect.arrayContaining(['round.print', 'round.reprint', 'round.candidates']),
    );

    h.services.store.transaction(() => h.services.store.elections.setRoundState(roundId, 'voting'));
    const late = await h.call('elections.setCandidates', { roundId, candidates: [] }, h.admin);
    expect(late.ok || late.error.code).toBe('invalid-state');
    expect(late.ok || late.error.message).toContain('已开始投票，不能再更改候选人名单');
    const remove = await h.call('elections.remove', { electionId: election.id }, h.admin);
    expect(remove.ok || remove.error.code).toBe('invalid-state');
    expect(h.services.store.elections.candidatesOf(roundId)).toHaveLength(12);
  });

  it('changes the seats of the formal round with the election, and removes a draft election', async () => {
    const h = await setupHarness();
    const { election, roundId } = await committee(h);
    const updated = await h.must('elections.update', { electionId: election.id, seats: 10 });
    expect(updated.rounds[0]).toMatchObject({ seats: 10, slate: { ok: false, minCandidates: 12 } });
    expect(h.services.store.elections.roundById(roundId)?.seats).toBe(10);
    await h.must('elections.remove', { electionId: election.id });
    expect(h.count('SELECT count(*) AS n FROM round')).toBe(0);
  });
});
