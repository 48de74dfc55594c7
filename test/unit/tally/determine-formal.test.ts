import { describe, expect, it } from 'vitest';
import { elect, outcomes, votes } from './elect';
import { namesOf, singleVotes } from './rounds';

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
