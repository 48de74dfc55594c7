import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tally } from '../../../cli/tally';
import { fuzzRuns, fuzzSeed } from './runs';

/*
 * test/unit/tally/input.fuzz.test.ts fuzzes the scenario's validation (parseRound). This covers
 * what is around it on the command line: the file itself — not UTF-8, a BOM, not JSON, JSON that
 * is not an object, a scenario with something odd in it. `tally <file>` answers 0 with one JSON
 * object on stdout, or 2 with exactly one line on stderr and nothing on stdout; it never throws.
 */

const dir = mkdtempSync(join(tmpdir(), 'ct-fuzz-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenario = {
  profile: 'party-grassroots',
  round: 'formal',
  office: 'committee',
  seats: 2,
  candidates: ['王芳', '石磊', '朱红'],
  electorate: { entitled: 10, present: 10 },
  issued: 10,
  returned: 10,
  ballots: [
    { n: 6, marks: 'OO-' },
    { n: 4, marks: 'O-O' },
  ],
};

/** The scenario with one value somewhere replaced by a random one. */
const oddScenario = fc
  .tuple(
    fc.constantFrom(
      ...Object.keys(scenario),
      'ballots.0.n',
      'ballots.1.marks',
      'electorate.present',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  )
  .map(([path, value]) => {
    const copy = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at: unknown = copy;
    for (const key of keys) at = (at as Record<string, unknown>)[key];
    (at as Record<string, unknown>)[last] = value;
    return new TextEncoder().encode(JSON.stringify(copy));
  });

const content = fc.oneof(
  oddScenario,
  fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 200 }),
  oddScenario.map((bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])),
  oddScenario.map((bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))),
);

describe('the tally command, given a random scenario file', () => {
  it('answers 0 with one JSON object, or 2 with one line; never throws', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(content, async (bytes) => {
        const file = join(dir, `scenario-${(n += 1)}.json`);
        writeFileSync(file, bytes);
        const out: string[] = [];
        const err: string[] = [];
        const code = await tally([file], {
          stdout: (line) => out.push(line),
          stderr: (line) => err.push(line),
        });
        if (code === 0) {
          expect(err).toEqual([]);
          expect(typeof JSON.parse(out.join('\n'))).toBe('object');
        } else {
          expect(code).toBe(2);
          expect(out).toEqual([]);
          expect(err).toHaveLength(1);
          expect(err[0]).not.toContain('\n');
          expect(err[0]).toMatch(/\p{Script=Han}/u);
        }
      }),
      { seed: fuzzSeed, numRuns: fuzzRuns },
    );
  });
});
