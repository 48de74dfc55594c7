import { describe, expect, it } from 'vitest';
import { tallyRound, type RoundInput } from '../../../shared/tally';
import { makeRound, namesOf, singleVotes } from './rounds';

const candidates = namesOf(3);

/** A party round with `present` of `entitled` attending and voting. */
function party(entitled: number, present: number, extra: Partial<RoundInput> = {}) {
  return tallyRound(
    makeRound({
      candidates,
      seats: 2,
      electorate: { entitled, present },
      ballots: [{ n: present, marks: 'OO-' }],
      ...extra,
    }),
  );
}

/** A village or 人大 round with `returned` of `entitled` registered voters voting. */
function turnout(profile: 'village' | 'peoples-congress', entitled: number, returned: number) {
  return tallyRound(
    makeRound({
      profile,
      office: profile === 'village' ? 'village-committee' : 'deputy',
      candidates,
      seats: 2,
      electorate: { entitled },
      issued: entitled,
      ballots: singleVotes([returned, 0, 0]),
    }),
  );
}

describe('validity of the round (quorum)', () => {
  it('party-grassroots: at least four fifths present, exactly 4/5 is enough', () => {
    expect(party(200, 160).quorum).toEqual({ required: 160, present: 160, met: true });
    const short = party(200, 159);
    expect(short.quorum).toEqual({ required: 160, present: 159, met: false });
    expect(short.status).toBe('invalid');
    expect(short.invalidReason).toBe('quorum');
  });

  it('party-grassroots: the required figure rounds up when 4/5 is not whole', () => {
    // 5·p ≥ 4·201 = 804 first holds at p = 161.
    expect(party(201, 161).quorum.met).toBe(true);
    expect(party(201, 160).quorum).toEqual({ required: 161, present: 160, met: false });
  });

  it('party-grassroots, 1990 wording: more than four fifths, exactly 4/5 fails', () => {
    const options = { options: { quorum: 'more-than-4/5' as const } };
    expect(party(200, 160, options).quorum).toEqual({ required: 161, present: 160, met: false });
    expect(party(200, 161, options).quorum.met).toBe(true);
  });

  it('party-local congress: more than half present, exactly half fails', () => {
    const local = { profile: 'party-local' as const };
    expect(party(300, 150, local).quorum).toEqual({ required: 151, present: 150, met: false });
    expect(party(300, 151, local).status).toBe('valid');
    expect(party(301, 151, local).quorum).toEqual({ required: 151, present: 151, met: true });
  });

  it('party-local plenary: more than two thirds present, exactly 2/3 fails', () => {
    const plenary = { profile: 'party-local' as const, options: { meeting: 'plenary' as const } };
    expect(party(300, 200, plenary).quorum).toEqual({ required: 201, present: 200, met: false });
    expect(party(300, 201, plenary).status).toBe('valid');
    expect(party(301, 201, plenary).quorum).toEqual({ required: 201, present: 201, met: true });
  });

  it.each(['village', 'peoples-congress'] as const)(
    '%s: more than half of registered voters must vote, exactly half fails',
    (profile) => {
      expect(turnout(profile, 1200, 600).quorum).toEqual({
        required: 601,
        present: 600,
        met: false,
      });
      expect(turnout(profile, 1200, 601).status).toBe('valid');
      expect(turnout(profile, 1201, 601).quorum).toEqual({
        required: 601,
        present: 601,
        met: true,
      });
      expect(turnout(profile, 1201, 600).status).toBe('invalid');
    },
  );

  it('an invalid round counts nothing but still reports quorum and slate', () => {
    const result = party(200, 100);
    expect(result.status).toBe('invalid');
    expect(result.results).toEqual([]);
    expect(result.elected).toEqual([]);
    expect(result.threshold).toBeNull();
    expect(result.ballots).toEqual({ issued: 100, returned: 100, valid: null, invalid: null });
    expect(result.slate).toEqual({ minCandidates: 3, maxCandidates: null, ok: true });
    expect(result.determinations.map((d) => d.kind)).toEqual(['quorum', 'slate']);
    expect(result.determinations[0]?.text).toContain('选举无效');
  });
});

describe('ballot accounting', () => {
  it('more ballots returned than issued voids the round, even with the quorum met', () => {
    const result = party(100, 90, { issued: 89 });
    expect(result.quorum.met).toBe(true);
    expect(result.status).toBe('invalid');
    expect(result.invalidReason).toBe('returned-exceeds-issued');
    expect(result.results).toEqual([]);
    expect(result.determinations.find((d) => d.kind === 'accounting')?.text).toContain('重新选举');
  });

  it('fewer returned than issued is fine', () => {
    const result = party(100, 90, { issued: 95 });
    expect(result.status).toBe('valid');
    expect(result.ballots).toMatchObject({ issued: 95, returned: 90 });
  });

  it('the quorum is checked before the accounting', () => {
    expect(party(200, 100, { issued: 50 }).invalidReason).toBe('quorum');
  });
});
