import { describe, expect, it } from 'vitest';
import type { RoundInput } from '../../../shared/tally';
import { elect, outcomes, votes } from './elect';
import { singleVotes } from './rounds';

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
