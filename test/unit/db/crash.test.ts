import { build, type Plugin } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawText } from '../../../scripts/raw-text.mjs';
import { openStore } from '../../../db/store';
import { crashBallot } from './crash-ballots';
import { seeded } from './fixtures';

const root = resolve(import.meta.dirname, '../../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const runs = 30;

/**
 * The bundle lives in a temporary folder without node_modules, so packages (better-sqlite3 and
 * its native addon) are left out of it and imported from this checkout by absolute URL.
 */
const packagesFromCheckout: Plugin = {
  name: 'packages-from-checkout',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return undefined;
      return { path: pathToFileURL(requireFromRoot.resolve(args.path)).href, external: true };
    });
  },
};

let dir = '';
let child = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congress-tally-crash-'));
  child = join(dir, 'crash-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
    plugins: [rawText, packagesFromCheckout],
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child on the file and SIGKILLs it; returns the seqs it reported as committed. */
async function runAndKill(file: string, when: { afterFirstCommit: boolean; ms: number }) {
  const proc = spawn(process.execPath, [child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let sawLine: () => void = () => undefined;
  const firstLine = new Promise<void>((done) => (sawLine = done));
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('\n')) sawLine();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<NodeJS.Signals | null>((done) =>
    proc.on('close', (_code, signal) => done(signal)),
  );
  if (when.afterFirstCommit) await Promise.race([firstLine, closed]);
  await delay(when.ms);
  proc.kill('SIGKILL');
  const signal = await closed;
  if (signal !== 'SIGKILL') throw new Error(`the child stopped by itself: ${err}`);
  // A line cut short by the kill was not reported.
  return out.split('\n').slice(0, -1).map(Number);
}

describe('a process killed while entering ballots', () => {
  it(`loses no committed ballot and leaves a sound file, ${runs} times`, async () => {
    const file = join(dir, 'congress.sqlite');
    const random = seeded(20250618);
    let entered = 0;
    let reportedTotal = 0;

    for (let run = 1; run <= runs; run += 1) {
      // Every fifth run is killed at any moment, start-up and migration included.
      const afterFirstCommit = run % 5 !== 0;
      const ms = Math.floor(random() * (afterFirstCommit ? 60 : 150));
      const reported = await runAndKill(file, { afterFirstCommit, ms });
      reportedTotal += reported.length;
      const context = `run ${run} (killed ${ms} ms after ${afterFirstCommit ? 'its first commit' : 'start'})`;

      const store = openStore(file);
      try {
        expect(store.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        expect(store.audit.verify(), context).toMatchObject({ ok: true });
        const pass = store.ballots.passById(1);
        if (!pass) {
          expect(reportedTotal, context).toBe(0);
          continue;
        }
        const live = store.ballots.live(pass.id);
        const seqs = live.map((b) => b.seq);
        expect(seqs, context).toEqual(seqs.map((_s, i) => i + 1));
        // Whole: each ballot exactly as written, write-ins included.
        expect(
          live.map(({ marks, invalidReason, writeIns }) => ({ marks, invalidReason, writeIns })),
          context,
        ).toEqual(seqs.map(crashBallot));
        // Every reported ballot is there; at most one more (committed, killed before printing).
        expect(reported, context).toEqual(reported.map((_s, i) => entered + i + 1));
        const unreported = live.length - entered - reported.length;
        expect(unreported, context).toBeGreaterThanOrEqual(0);
        expect(unreported, context).toBeLessThanOrEqual(1);
        // Each ballot committed with its audit row, and no audit row without its ballot.
        const audited = [...store.audit.rows()]
          .filter((row) => row.action === 'ballot.enter')
          .map((row) => (JSON.parse(row.payload) as { seq: number }).seq);
        expect(audited, context).toEqual(seqs);
        entered = live.length;
      } finally {
        store.close();
      }
    }
    // The test means something only if the child got to commit between kills.
    expect(reportedTotal).toBeGreaterThan(runs);
  });
});
