import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  ballotRules,
  countGroups,
  countsOf,
  createCounter,
  tallyRound,
  type Ballot,
  type BallotGroup,
  type RoundInput,
  type RoundKind,
} from '../../../shared/tally';
import {
  AT_LEAST_FOUR_FIFTHS,
  AT_LEAST_ONE_THIRD,
  MORE_THAN_FOUR_FIFTHS,
  MORE_THAN_HALF,
  MORE_THAN_TWO_THIRDS,
  meets,
  smallestMeeting,
} from '../../../shared/tally/shares';
import { makeRound, namesOf } from './rounds';

const runs = { seed: 42, numRuns: Number(process.env.FUZZ_RUNS ?? 200) };

const WRITTEN = ['周涛', '赵敏', '王芳', '丁一'];

function ballotOf(candidates: number, writeIns: boolean): fc.Arbitrary<Ballot> {
  const marks = fc
    .array(fc.constantFrom('O', 'O', 'X', '-', '?'), {
      minLength: candidates,
      maxLength: candidates,
    })
    .map((list) => list.join(''));
  const written = writeIns
    ? fc.array(
        fc.record({
          name: fc.constantFrom(...WRITTEN),
          mark: fc.constantFrom('O' as const, '-' as const),
        }),
        {
          maxLength: 2,
        },
      )
    : fc.constant([]);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Ballot>({ invalid: true }) },
    { weight: 9, arbitrary: fc.record({ marks, writeIns: written }) },
  );
}

const roundArbitrary: fc.Arbitrary<RoundInput> = fc
  .record({
    profile: fc.constantFrom(...PROFILES),
    round: fc.constantFrom<RoundKind>('formal', 'formal', 'supplementary', 'runoff', 'preliminary'),
    candidates: fc.integer({ min: 1, max: 6 }),
    seats: fc.integer({ min: 1, max: 4 }),
    extraFormal: fc.integer({ min: 0, max: 2 }),
    writeInWithoutMark: fc.constantFrom('ignore' as const, 'for' as const),
  })
  .chain((shape) => {
    const round =
      shape.profile === 'village' && shape.round === 'preliminary' ? 'formal' : shape.round;
    const ballot = ballotOf(shape.candidates, round !== 'runoff');
    const groups = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 5 }), ballot).map(([n, b]): BallotGroup => ({ ...b, n })),
      { maxLength: 12 },
    );
    return groups.map((ballots) =>
      makeRound({
        profile: shape.profile,
        round,
        office:
          shape.profile === 'village'
            ? 'village-committee'
            : shape.profile === 'peoples-congress'
              ? 'deputy'
              : 'committee',
        candidates: namesOf(shape.candidates),
        seats: shape.seats,
        ...(round === 'preliminary' ? { formalCandidates: shape.seats + shape.extraFormal } : {}),
        options: { writeInWithoutMark: shape.writeInWithoutMark },
        ballots,
      }),
    );
  });

function places(round: RoundInput): number {
  return round.round === 'preliminary' ? (round.formalCandidates ?? 0) : round.seats;
}

function singles(groups: readonly BallotGroup[]): BallotGroup[] {
  return groups.flatMap((group) => Array.from({ length: group.n }, () => ({ ...group, n: 1 })));
}

describe('properties of a tally', () => {
  it('never elects more than the seats; elected, runoff seats and vacancies add up to them', () => {
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const result = tallyRound(round);
        if (result.status === 'invalid') return;
        expect(result.elected.length).toBeLessThanOrEqual(places(round));
        expect(result.elected.length + (result.runoff?.seats ?? 0) + result.vacancies).toBe(
          places(round),
        );
        expect(new Set(result.elected).size).toBe(result.elected.length);
      }),
      runs,
    );
  });

  it('for + against + abstain = valid ballots for every candidate', () => {
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const result = tallyRound(round);
        if (result.status === 'invalid') return;
        expect((result.ballots.valid ?? 0) + (result.ballots.invalid ?? 0)).toBe(round.returned);
        for (const entry of result.results) {
          if (entry.writeIn) {
            expect(entry.for).toBeGreaterThan(0);
            continue;
          }
          expect(entry.abstain).toBeGreaterThanOrEqual(0);
          expect(entry.for + entry.against + entry.abstain).toBe(result.ballots.valid);
        }
      }),
      runs,
    );
  });

  it('an over-limit ballot changes no count but the invalid ones', () => {
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const limit = places(round);
        const marked = Math.min(round.candidates.length, limit + 1);
        const over: Ballot = {
          marks: 'O'.repeat(marked) + '-'.repeat(round.candidates.length - marked),
          writeIns: Array.from({ length: limit + 1 - marked }, (_, i) => ({
            name: `另选${i}`,
            mark: 'O',
          })),
        };
        const rules = ballotRules(round.candidates, limit, round.options?.writeInWithoutMark);
        const before = countsOf(countGroups(rules, round.ballots), rules);
        const after = countsOf(countGroups(rules, [...round.ballots, { ...over, n: 1 }]), rules);
        expect(after).toEqual({ ...before, invalid: before.invalid + 1 });
      }),
      runs,
    );
  });

  it('the order of the ballots, and how they are grouped, changes nothing', () => {
    const withOrder = roundArbitrary.chain((round) =>
      fc
        .shuffledSubarray(singles(round.ballots), {
          minLength: round.returned,
          maxLength: round.returned,
        })
        .map((shuffled) => [round, shuffled] as const),
    );
    fc.assert(
      fc.property(withOrder, ([round, shuffled]) => {
        expect(tallyRound({ ...round, ballots: shuffled })).toEqual(tallyRound(round));
      }),
      runs,
    );
  });
});

describe('the live counter', () => {
  it('equals the full tally after any adds and removes', () => {
    const session = roundArbitrary.chain((round) => {
      const ballots = singles(round.ballots);
      const steps = fc.array(fc.record({ add: fc.boolean(), pick: fc.nat() }), {
        maxLength: ballots.length * 2 + 5,
      });
      return steps.map((list) => [round, ballots, list] as const);
    });
    fc.assert(
      fc.property(session, ([round, ballots, steps]) => {
        const counter = createCounter(round.candidates, places(round), round.options);
        const kept: Ballot[] = [];
        for (const step of steps) {
          if (step.add && ballots.length > 0) {
            const ballot = ballots[step.pick % ballots.length];
            if (ballot === undefined) continue;
            counter.add(ballot);
            kept.push(ballot);
          } else if (kept.length > 0) {
            const [ballot] = kept.splice(step.pick % kept.length, 1);
            if (ballot !== undefined) counter.remove(ballot);
          }
        }
        const counts = counter.counts();
        if (kept.length === 0) {
          expect(counts.valid + counts.invalid).toBe(0);
          expect(counts.candidates.every((c) => c.for + c.against + c.abstain === 0)).toBe(true);
          expect(counts.writeIns).toEqual([]);
          return;
        }
        const full = tallyRound({
          ...round,
          issued: kept.length,
          returned: kept.length,
          electorate: { entitled: kept.length, present: kept.length },
          ballots: kept.map((ballot) => ({ ...ballot, n: 1 })),
        });
        if (full.status === 'invalid')
          throw new Error('the full tally should count an all-present round');
        expect(counts.valid).toBe(full.ballots.valid);
        expect(counts.invalid).toBe(full.ballots.invalid);
        expect(counts.candidates).toEqual(
          full.results
            .filter((r) => !r.writeIn)
            .map(({ name, ...r }) => ({
              name,
              for: r.for,
              against: 'against' in r ? r.against : null,
              abstain: 'abstain' in r ? r.abstain : null,
            })),
        );
        expect(counts.writeIns).toEqual(
          full.results.filter((r) => r.writeIn).map((r) => ({ name: r.name, for: r.for })),
        );
      }),
      runs,
    );
  });
});

describe('integer shares', () => {
  const shares = [
    MORE_THAN_HALF,
    AT_LEAST_FOUR_FIFTHS,
    MORE_THAN_FOUR_FIFTHS,
    MORE_THAN_TWO_THIRDS,
    AT_LEAST_ONE_THIRD,
  ];

  it('smallestMeeting is the smallest count that meets the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...shares),
        (base, share) => {
          const smallest = smallestMeeting(base, share);
          expect(meets(smallest, base, share)).toBe(true);
          if (smallest > 0) expect(meets(smallest - 1, base, share)).toBe(false);
        },
      ),
      runs,
    );
  });
});
