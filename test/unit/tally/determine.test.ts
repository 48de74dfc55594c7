import { describe, expect, it } from 'vitest';
import { tallyRound, type RoundInput, type RoundResult } from '../../../shared/tally';
import { makeRound, namesOf, singleVotes } from './rounds';

function elect(round: Partial<RoundInput> & Pick<RoundInput, 'candidates' | 'seats'>): RoundResult {
  return tallyRound(makeRound(round));
}

function outcomes(result: RoundResult): Record<string, string> {
  return Object.fromEntries(result.results.map((r) => [r.name, r.outcome]));
}

function votes(result: RoundResult): Record<string, number> {
  return Object.fromEntries(result.results.map((r) => [r.name, r.for]));
}

describe('threshold base', () => {
  const round = {
    candidates: ['王芳', '石磊', '朱红'],
    seats: 2,
    electorate: { entitled: 60, present: 50 },
    ballots: [
      { n: 28, marks: 'OO-' },
      { n: 22, marks: 'O-O' },
    ],
  };

  it('entitled (default): more than half of 应到会 — 28 of 60 fails, the seat stays vacant', () => {
    const result = elect(round);
    expect(result.threshold).toEqual({ minVotes: 31 });
    expect(outcomes(result)).toEqual({ 王芳: 'elected', 石磊: 'not-elected', 朱红: 'not-elected' });
    expect(result.vacancies).toBe(1);
    expect(result.supplementary).toEqual({ seats: 1, candidates: ['石磊', '朱红'] });
  });

  it('present (1990 option): more than half of 实到会 — 28 of 50 passes', () => {
    const result = elect({ ...round, options: { thresholdBase: 'present' } });
    expect(result.threshold).toEqual({ minVotes: 26 });
    expect(result.elected).toEqual(['王芳', '石磊']);
    expect(result.determinations.find((d) => d.kind === 'threshold')?.rule).toContain('第二十二条');
  });

  it('the threshold base is the same for party-local', () => {
    const local = elect({
      ...round,
      profile: 'party-local',
      options: { thresholdBase: 'present' },
    });
    expect(local.elected).toEqual(['王芳', '石磊']);
  });

  it('village and 人大: half of those who voted, invalid ballots included; exactly half fails', () => {
    for (const profile of ['village', 'peoples-congress'] as const) {
      const result = elect({
        profile,
        office: profile === 'village' ? 'village-committee' : 'deputy',
        candidates: ['王芳', '石磊', '朱红'],
        seats: 2,
        electorate: { entitled: 100 },
        ballots: [
          { n: 30, marks: 'OO-' },
          { n: 20, marks: 'O-O' },
          { n: 10, invalid: true },
        ],
      });
      expect(result.threshold).toEqual({ minVotes: 31 });
      expect(votes(result)).toMatchObject({ 王芳: 50, 石磊: 30 });
      expect(result.elected).toEqual(['王芳']);
    }
  });
});

describe('ranking and ties', () => {
  it('equal votes inside the elected block need no runoff', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红', '李华'],
      seats: 3,
      ballots: [
        { n: 40, marks: 'OOO-' },
        { n: 10, marks: 'O--O' },
      ],
    });
    expect(result.elected).toEqual(['王芳', '石磊', '朱红']);
    expect(result.runoff).toBeNull();
    expect(result.vacancies).toBe(0);
  });

  it('several tied across the last seats: those above are elected, the tied go to a runoff', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红', '李华'],
      seats: 3,
      ballots: [
        { n: 20, marks: 'OOO-' },
        { n: 20, marks: 'OO-O' },
        { n: 20, marks: 'O-OO' },
      ],
    });
    expect(votes(result)).toEqual({ 王芳: 60, 石磊: 40, 朱红: 40, 李华: 40 });
    expect(result.elected).toEqual(['王芳']);
    expect(result.runoff).toEqual({ seats: 2, candidates: ['石磊', '朱红', '李华'] });
    expect(outcomes(result)).toEqual({
      王芳: 'elected',
      石磊: 'runoff',
      朱红: 'runoff',
      李华: 'runoff',
    });
    expect(result.vacancies).toBe(0);
    expect(result.supplementary).toBeNull();
  });

  it('a tie below the threshold is no runoff: those seats are vacant', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红'],
      seats: 2,
      electorate: { entitled: 40, present: 40 },
      ballots: [
        { n: 20, marks: 'OO-' },
        { n: 20, marks: 'O-O' },
      ],
    });
    expect(result.elected).toEqual(['王芳']);
    expect(result.runoff).toBeNull();
    expect(result.vacancies).toBe(1);
  });
});

describe('runoff rounds', () => {
  const runoff = (ballots: RoundInput['ballots'], seats = 1, candidates = ['白雪', '刘强']) =>
    elect({
      round: 'runoff',
      candidates,
      seats,
      electorate: { entitled: 100, present: 90 },
      ballots,
    });

  it('most votes wins, with no threshold', () => {
    const result = runoff(singleVotes([6, 4]));
    expect(result.status).toBe('valid');
    expect(result.threshold).toBeNull();
    expect(result.elected).toEqual(['白雪']);
    expect(outcomes(result)).toEqual({ 白雪: 'elected', 刘强: 'not-elected' });
    expect(result.slate).toBeNull();
  });

  it('tied again: another runoff', () => {
    const result = runoff(singleVotes([40, 40], 7));
    expect(result.elected).toEqual([]);
    expect(result.runoff).toEqual({ seats: 1, candidates: ['白雪', '刘强'] });
    expect(result.vacancies).toBe(0);
  });

  it('three tied for two seats, tied again', () => {
    const result = runoff(
      [
        { n: 30, marks: 'OO-' },
        { n: 30, marks: 'O-O' },
        { n: 30, marks: '-OO' },
      ],
      2,
      ['白雪', '刘强', '石磊'],
    );
    // Listed in stroke order, as the runoff ballot will print them.
    expect(result.runoff).toEqual({ seats: 2, candidates: ['石磊', '白雪', '刘强'] });
  });
});

describe('shortfall and the proposed 另行选举', () => {
  it('party: max(seats + 1, ceil(1.2·seats)) names, most votes first', () => {
    const candidates = namesOf(14);
    const result = elect({
      candidates,
      seats: 10,
      ballots: singleVotes([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
    });
    expect(result.elected).toEqual([]);
    expect(result.vacancies).toBe(10);
    expect(result.supplementary).toEqual({ seats: 10, candidates: candidates.slice(0, 12) });
  });

  it('peoples-congress: max(seats + 1, ceil(4/3·seats)) names', () => {
    const candidates = namesOf(8);
    const round = {
      profile: 'peoples-congress' as const,
      office: 'deputy' as const,
      candidates,
      ballots: singleVotes([8, 7, 6, 5, 4, 3, 2, 1]),
    };
    expect(elect({ ...round, seats: 4 }).supplementary).toEqual({
      seats: 4,
      candidates: candidates.slice(0, 6),
    });
    expect(elect({ ...round, seats: 3 }).supplementary).toEqual({
      seats: 3,
      candidates: candidates.slice(0, 4),
    });
    expect(elect({ ...round, seats: 1 }).supplementary).toEqual({
      seats: 1,
      candidates: candidates.slice(0, 2),
    });
  });

  it('village: seats + 1 names; all names tied at the end of the list are proposed', () => {
    const result = elect({
      profile: 'village',
      office: 'village-committee',
      candidates: ['王芳', '石磊', '朱红', '李华'],
      seats: 1,
      ballots: singleVotes([10, 8, 8, 5]),
    });
    expect(result.vacancies).toBe(1);
    expect(result.supplementary).toEqual({ seats: 1, candidates: ['王芳', '石磊', '朱红'] });
  });

  it('the proposal is limited to the names there are', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红'],
      seats: 2,
      ballots: singleVotes([3, 2, 1]),
    });
    expect(result.supplementary).toEqual({ seats: 2, candidates: ['王芳', '石磊', '朱红'] });
  });

  it('the shortfall determination names the proposal and the rule', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红'],
      seats: 2,
      ballots: singleVotes([3, 2, 1]),
    });
    const shortfall = result.determinations.find((d) => d.kind === 'shortfall');
    expect(shortfall?.text).toContain('缺额 2 名');
    expect(shortfall?.text).toContain('王芳、石磊、朱红');
  });
});

describe('另行选举 rounds', () => {
  it.each(['party-grassroots', 'party-local'] as const)(
    '%s: the formal threshold applies',
    (profile) => {
      const round = {
        profile,
        round: 'supplementary' as const,
        candidates: ['李华', '吴斌'],
        seats: 1,
        electorate: { entitled: 50, present: 42 },
      };
      const passes = elect({ ...round, ballots: singleVotes([26, 16]) });
      expect(passes.threshold).toEqual({ minVotes: 26 });
      expect(passes.elected).toEqual(['李华']);
      const fails = elect({ ...round, ballots: singleVotes([25, 17]) });
      expect(fails.elected).toEqual([]);
      expect(fails.vacancies).toBe(1);
      expect(fails.supplementary).toEqual({ seats: 1, candidates: ['李华', '吴斌'] });
    },
  );

  it.each(['village', 'peoples-congress'] as const)(
    '%s: most votes wins with at least a third of the ballots returned',
    (profile) => {
      const round = {
        profile,
        office: profile === 'village' ? ('village-committee' as const) : ('deputy' as const),
        round: 'supplementary' as const,
        candidates: ['石磊', '朱红'],
        seats: 1,
        electorate: { entitled: 1000 },
      };
      const exactlyThird = elect({ ...round, ballots: singleVotes([200, 190], 210) });
      expect(exactlyThird.threshold).toEqual({ minVotes: 200 });
      expect(exactlyThird.elected).toEqual(['石磊']);
      const below = elect({ ...round, ballots: singleVotes([199, 190], 211) });
      expect(below.elected).toEqual([]);
      expect(below.vacancies).toBe(1);
      const both = elect({ ...round, ballots: singleVotes([250, 220], 130) });
      expect(both.elected).toEqual(['石磊']);
      expect(outcomes(both)).toEqual({ 石磊: 'elected', 朱红: 'not-elected' });
      const tied = elect({ ...round, ballots: singleVotes([250, 250], 100) });
      expect(tied.runoff).toEqual({ seats: 1, candidates: ['石磊', '朱红'] });
    },
  );

  it('has no slate check', () => {
    const result = elect({
      round: 'supplementary',
      candidates: ['李华'],
      seats: 1,
      ballots: singleVotes([5]),
    });
    expect(result.slate).toBeNull();
  });
});

describe('preliminary rounds', () => {
  const candidates = ['王芳', '石磊', '朱红', '李华', '吴斌'];
  const ballots = [
    { n: 5, marks: 'OOO--' },
    { n: 5, marks: 'OO-O-' },
    { n: 4, marks: 'O-OO-' },
    { n: 1, marks: 'O---O' },
    { n: 2, marks: '-OO-O' },
    { n: 2, marks: '-O-OO' },
    { n: 1, marks: '--O--' },
  ];
  const preliminary = {
    profile: 'party-local' as const,
    round: 'preliminary' as const,
    candidates,
    seats: 3,
    formalCandidates: 3,
    ballots,
  };

  it('party: more than half of 应到会 qualifies; the top formalCandidates become formal', () => {
    const result = elect({ ...preliminary, electorate: { entitled: 20, present: 20 } });
    expect(votes(result)).toEqual({ 王芳: 15, 石磊: 14, 朱红: 12, 李华: 11, 吴斌: 5 });
    expect(result.threshold).toEqual({ minVotes: 11 });
    expect(outcomes(result)).toEqual({
      王芳: 'qualified',
      石磊: 'qualified',
      朱红: 'qualified',
      李华: 'not-elected',
      吴斌: 'not-elected',
    });
    expect(result.elected).toEqual(['王芳', '石磊', '朱红']);
    expect(result.slate).toBeNull();
  });

  it('party: the base is 应到会 even where formal rounds use 实到会; shortfall as in step 7', () => {
    const result = elect({
      ...preliminary,
      electorate: { entitled: 24, present: 20 },
      options: { thresholdBase: 'present' },
    });
    expect(result.threshold).toEqual({ minVotes: 13 });
    expect(result.elected).toEqual(['王芳', '石磊']);
    expect(result.vacancies).toBe(1);
    expect(result.supplementary).toEqual({ seats: 1, candidates: ['朱红', '李华'] });
  });

  it('party: a ballot marking more than formalCandidates is invalid', () => {
    const result = elect({
      ...preliminary,
      seats: 5,
      ballots: [...ballots, { n: 1, marks: 'OOOO-' }],
      electorate: { entitled: 21, present: 21 },
    });
    expect(result.ballots).toMatchObject({ valid: 20, invalid: 1 });
  });

  it('peoples-congress: no threshold, the top names by votes; a tie at the last place is a runoff', () => {
    const round = {
      profile: 'peoples-congress' as const,
      office: 'deputy' as const,
      round: 'preliminary' as const,
      candidates: ['王芳', '石磊', '朱红', '李华'],
      seats: 1,
      formalCandidates: 2,
      electorate: { entitled: 15 },
    };
    const clear = elect({ ...round, ballots: singleVotes([6, 5, 3, 1]) });
    expect(clear.threshold).toBeNull();
    expect(clear.elected).toEqual(['王芳', '石磊']);
    expect(outcomes(clear)).toMatchObject({
      王芳: 'qualified',
      石磊: 'qualified',
      朱红: 'not-elected',
    });
    const tied = elect({ ...round, ballots: singleVotes([6, 5, 5, 1]) });
    expect(tied.elected).toEqual(['王芳']);
    expect(tied.runoff).toEqual({ seats: 1, candidates: ['石磊', '朱红'] });
  });
});

describe('announcement order', () => {
  it('alternates: by votes, most first, equal votes in stroke order', () => {
    const result = elect({
      office: 'alternate',
      candidates: ['王芳', '丁一', '石磊', '马力', '赵敏'],
      seats: 4,
      ballots: [
        { n: 30, marks: 'OOOO-' },
        { n: 5, marks: '-OOO-' },
        { n: 5, marks: '-O-O-' },
      ],
    });
    expect(votes(result)).toMatchObject({ 丁一: 40, 马力: 40, 石磊: 35, 王芳: 30 });
    expect(result.elected).toEqual(['丁一', '马力', '石磊', '王芳']);
  });

  it.each(['secretary', 'deputy-secretary'] as const)('%s: in ballot order', (office) => {
    const ballots = [{ n: 9, marks: 'OO' }];
    const result = elect({ office, candidates: ['石磊', '丁一'], seats: 2, ballots });
    expect(result.elected).toEqual(['石磊', '丁一']);
    expect(result.slate).toEqual({ minCandidates: 2, maxCandidates: null, ok: true });
  });

  it('other offices: 姓氏笔画, not votes', () => {
    const result = elect({
      candidates: ['石磊', '王芳', '丁一', '马力'],
      seats: 3,
      ballots: [
        { n: 30, marks: 'OOO-' },
        { n: 5, marks: 'O---' },
      ],
    });
    expect(result.elected).toEqual(['丁一', '王芳', '石磊']);
  });
});

describe('determinations', () => {
  it('every name carries an outcome, and every line names its rule', () => {
    const result = elect({
      candidates: ['王芳', '石磊', '朱红'],
      seats: 2,
      ballots: [
        { n: 6, marks: 'OO-', writeIns: [] },
        { n: 2, marks: 'O--', writeIns: [{ name: '周涛', mark: 'O' }] },
      ],
    });
    const outcomeNames = result.determinations
      .filter((d) => d.kind === 'outcome')
      .map((d) => d.name);
    expect(outcomeNames.sort()).toEqual(['周涛', '朱红', '王芳', '石磊'].sort());
    for (const determination of result.determinations) {
      expect(determination.text).toContain(`（${determination.rule}）`);
      expect(determination.text).not.toContain('\n');
    }
    const kinds = new Set(result.determinations.map((d) => d.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'quorum',
        'accounting',
        'ballots',
        'threshold',
        'outcome',
        'slate',
        'order',
      ]),
    );
    const fail = result.determinations.find((d) => d.name === '朱红');
    expect(fail?.text).toBe(
      '朱红 赞成票 0，未超过应到会有选举权人数 8 的半数，不能当选（《中国共产党基层组织选举工作条例》）',
    );
  });
});
