import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICES, PROFILES, ROUNDS, parseRound, tallyRound } from '../../../shared/tally';

const runs = { seed: 42, numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

const oddValue = fc.oneof(
  fc.integer({ min: -3, max: 400 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, '', '5', [], {}, 0, -0, 2 ** 60),
  fc.string({ maxLength: 6 }),
);

const marks = fc
  .array(fc.constantFrom('O', 'X', '-', '?', 'o', ' ', '○'), { maxLength: 7 })
  .map((list) => list.join(''));

const group = fc.oneof(
  fc.record(
    {
      n: fc.oneof(fc.integer({ min: 0, max: 60 }), oddValue),
      marks: fc.oneof(marks, oddValue),
      invalid: fc.oneof(fc.boolean(), oddValue),
      writeIns: fc.oneof(
        fc.array(
          fc.record({
            name: fc.oneof(fc.constantFrom('周涛', '王芳', ' ', ''), oddValue),
            mark: fc.constantFrom('O', '-', 'X'),
          }),
          { maxLength: 3 },
        ),
        oddValue,
      ),
    },
    { requiredKeys: ['n'] },
  ),
  oddValue,
);

const scenarioLike = fc.record(
  {
    profile: fc.oneof(fc.constantFrom(...PROFILES), oddValue),
    round: fc.oneof(fc.constantFrom(...ROUNDS), oddValue),
    office: fc.oneof(fc.constantFrom(...OFFICES), oddValue),
    seats: fc.oneof(fc.integer({ min: 0, max: 8 }), oddValue),
    formalCandidates: fc.oneof(fc.integer({ min: 0, max: 9 }), oddValue),
    candidates: fc.oneof(
      fc.array(fc.constantFrom('王芳', '石磊', '朱红', '李华', '𠮷利', '欧阳明', ' ', 'A'), {
        maxLength: 7,
      }),
      oddValue,
    ),
    electorate: fc.oneof(
      fc.record(
        {
          entitled: fc.oneof(fc.integer({ min: 0, max: 300 }), oddValue),
          present: fc.oneof(fc.integer({ min: 0, max: 300 }), oddValue),
        },
        { requiredKeys: [] },
      ),
      oddValue,
    ),
    issued: fc.oneof(fc.integer({ min: 0, max: 300 }), oddValue),
    returned: fc.oneof(fc.integer({ min: 0, max: 300 }), oddValue),
    options: fc.oneof(
      fc.record(
        {
          quorum: fc.constantFrom('at-least-4/5', 'more-than-4/5', 'x'),
          thresholdBase: fc.constantFrom('entitled', 'present'),
          meeting: fc.constantFrom('congress', 'plenary'),
          nameOrder: fc.constantFrom('party', 'npc'),
          writeInWithoutMark: fc.constantFrom('ignore', 'for'),
        },
        { requiredKeys: [] },
      ),
      oddValue,
    ),
    ballots: fc.oneof(fc.array(group, { maxLength: 6 }), oddValue),
  },
  { requiredKeys: [] },
);

const officeOf = {
  'party-grassroots': 'committee',
  'party-local': 'delegate',
  village: 'village-committee',
  'peoples-congress': 'deputy',
};

/** A well-formed round, then perhaps one field replaced by something odd. */
const nearValid = fc
  .record({
    profile: fc.constantFrom(...PROFILES),
    round: fc.constantFrom('formal', 'supplementary', 'runoff', 'preliminary'),
    candidates: fc.integer({ min: 1, max: 5 }),
    seats: fc.integer({ min: 1, max: 3 }),
    groups: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.constantFrom('O', 'X', '-', '?'), { minLength: 5, maxLength: 5 }),
      ),
      {
        maxLength: 5,
      },
    ),
    absent: fc.integer({ min: 0, max: 40 }),
    mutation: fc.option(
      fc.tuple(
        fc.constantFrom(
          'seats',
          'returned',
          'issued',
          'formalCandidates',
          'office',
          'round',
          'candidates',
        ),
        oddValue,
      ),
    ),
  })
  .map((shape) => {
    const ballots = shape.groups.map(([n, list]) => ({
      n,
      marks: list.slice(0, shape.candidates).join(''),
    }));
    const returned = ballots.reduce((sum, g) => sum + g.n, 0);
    const entitled = returned + shape.absent + 1;
    const round: Record<string, unknown> = {
      profile: shape.profile,
      round: shape.profile === 'village' && shape.round === 'preliminary' ? 'formal' : shape.round,
      office: officeOf[shape.profile],
      seats: shape.seats,
      formalCandidates: shape.seats + 1,
      candidates: ['王芳', '石磊', '朱红', '李华', '𠮷利'].slice(0, shape.candidates),
      electorate: { entitled, present: returned },
      issued: returned,
      returned,
      ballots,
    };
    if (shape.mutation) round[shape.mutation[0]] = shape.mutation[1];
    return round;
  });

describe('validating scenario-like input', () => {
  it('never throws: a tally, or one clear line naming the field', () => {
    let tallied = 0;
    fc.assert(
      fc.property(fc.oneof(nearValid, scenarioLike, fc.anything()), (data) => {
        const parsed = parseRound(data);
        if (parsed.ok) {
          tallied++;
          const result = tallyRound(parsed.value);
          expect(['valid', 'invalid']).toContain(result.status);
        } else {
          expect(parsed.error.message).toMatch(/^[^\n]+: [^\n]+$/);
        }
      }),
      runs,
    );
    // The generator must reach the engine sometimes, or the property says little.
    expect(tallied).toBeGreaterThan(0);
  });
});
