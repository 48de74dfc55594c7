import { describe, expect, it } from 'vitest';
import { tallyRound, type Office, type ProfileId } from '../../../shared/tally';
import { makeRound, namesOf } from './rounds';

function slate(profile: ProfileId, office: Office, seats: number, candidates: number) {
  // A void round (nobody came) still checks its slate.
  const electorate = profile.startsWith('party') ? { entitled: 1, present: 0 } : { entitled: 1 };
  const round = makeRound({ profile, office, seats, candidates: namesOf(candidates), electorate });
  return tallyRound(round).slate;
}

// [profile, office, seats, fewest candidates, most candidates]
const bounds: [ProfileId, Office, number, number, number | null][] = [
  // 差额 ≥ 20%: ceil(1.2·seats), at least seats + 1.
  ['party-grassroots', 'committee', 9, 11, null],
  ['party-grassroots', 'committee', 5, 6, null],
  ['party-grassroots', 'committee', 1, 2, null],
  ['party-grassroots', 'discipline', 7, 9, null],
  ['party-grassroots', 'delegate', 10, 12, null],
  ['party-grassroots', 'alternate', 4, 5, null],
  ['party-grassroots', 'standing', 5, 6, 7],
  ['party-grassroots', 'secretary', 1, 1, null],
  ['party-grassroots', 'deputy-secretary', 2, 2, null],
  // 地方: delegates 20%, committee, alternate, discipline 10%.
  ['party-local', 'delegate', 10, 12, null],
  ['party-local', 'committee', 10, 11, null],
  ['party-local', 'committee', 33, 37, null],
  ['party-local', 'committee', 3, 4, null],
  ['party-local', 'alternate', 5, 6, null],
  ['party-local', 'discipline', 20, 22, null],
  ['party-local', 'standing', 9, 10, 11],
  ['party-local', 'secretary', 1, 1, null],
  ['party-local', 'deputy-secretary', 3, 3, null],
  ['village', 'village-committee', 2, 3, null],
  ['village', 'village-committee', 5, 6, null],
  // 人大: a third more to twice the seats.
  ['peoples-congress', 'deputy', 1, 2, 2],
  ['peoples-congress', 'deputy', 2, 3, 4],
  ['peoples-congress', 'deputy', 3, 4, 6],
  ['peoples-congress', 'deputy', 5, 7, 10],
];

describe('slate check (差额)', () => {
  it.each(bounds)('%s %s, %i seats: %i to %s candidates', (profile, office, seats, min, max) => {
    expect(slate(profile, office, seats, min)).toEqual({
      minCandidates: min,
      maxCandidates: max,
      ok: true,
    });
    expect(slate(profile, office, seats, min - 1)?.ok).toBe(false);
    if (max !== null) expect(slate(profile, office, seats, max + 1)?.ok).toBe(false);
    else expect(slate(profile, office, seats, min + 5)?.ok).toBe(true);
  });

  it('a failing slate is reported as an error that blocks printing', () => {
    const result = tallyRound(
      makeRound({ candidates: namesOf(5), seats: 5, ballots: [{ n: 10, marks: 'OOOOO' }] }),
    );
    expect(result.slate).toEqual({ minCandidates: 6, maxCandidates: null, ok: false });
    expect(result.determinations.find((d) => d.kind === 'slate')?.text).toContain('不能印制选票');
  });
});
