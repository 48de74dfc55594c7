import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const scenarioDir = resolve(root, '../shared/scenarios');
const cli = join(root, 'dist/cli/main.mjs');
const sources = ['cli', 'shared/tally', 'shared/names'];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestSource(join(path, entry))));
}

function cliIsStale(): boolean {
  const newest = Math.max(...sources.map((source) => newestSource(join(root, source))));
  return !existsSync(cli) || statSync(cli).mtimeMs < newest;
}

beforeAll(() => {
  if (!cliIsStale()) return;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    // The script builds the command line before the renderer; a failure in a later target
    // (someone else's work in progress) leaves a fresh cli.mjs, which is all this test needs.
    if (cliIsStale()) throw error;
  }
}, 120_000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** scenarios/README.md, "How results are compared". */
function compare(expected: { [key: string]: Json }, actual: { [key: string]: Json }): void {
  for (const [key, want] of Object.entries(expected)) {
    if (key === 'results') {
      const got = new Map(
        (Array.isArray(actual.results) ? actual.results : [])
          .filter(isObject)
          .map((r) => [r.name, r]),
      );
      const wanted = Array.isArray(want) ? want.filter(isObject) : [];
      expect([...got.keys()].sort(), 'results: names').toEqual(wanted.map((r) => r.name).sort());
      for (const entry of wanted) {
        const result = got.get(entry.name ?? '');
        for (const [field, value] of Object.entries(entry)) {
          expect(result?.[field], `results[${JSON.stringify(entry.name)}].${field}`).toEqual(value);
        }
      }
    } else if (key === 'electedSet') {
      expect(names(actual.elected).sort(), 'electedSet').toEqual(names(want).sort());
    } else if (key === 'runoff' && isObject(want)) {
      const got = actual.runoff;
      expect(isObject(got) ? got.seats : undefined, 'runoff.seats').toEqual(want.seats);
      const candidates = isObject(got) ? names(got.candidates).sort() : [];
      expect(candidates, 'runoff.candidates').toEqual(names(want.candidates).sort());
    } else {
      expect(actual[key], key).toEqual(want);
    }
  }
}

const files = readdirSync(scenarioDir).filter((file) => file.endsWith('.json'));

describe('scenarios through the command line', () => {
  it('finds the scenarios', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const scenario = JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as {
      [key: string]: Json;
    };
    const run = spawnSync(
      process.execPath,
      ['bin/congress-tally.mjs', 'tally', join(scenarioDir, file)],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = scenario.expect;
    if (!isObject(expected)) throw new Error(`${file} has no expect`);
    compare(expected, JSON.parse(run.stdout) as { [key: string]: Json });
  });
});
