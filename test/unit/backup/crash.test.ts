import { build, type Plugin } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { listBackups } from '../../../core/export/backup/files';
import { prepareRestore } from '../../../core/export/backup/restore';
import { rawText } from '../../../scripts/raw-text.mjs';
import { seeded } from '../db/fixtures';
import { tempDir } from '../export/fixture';

const root = resolve(import.meta.dirname, '../../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const runs = 12;

/** Packages (better-sqlite3 and its addon) are imported from this checkout by absolute URL. */
const packagesFromCheckout: Plugin = {
  name: 'packages-from-checkout',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return undefined;
      return { path: pathToFileURL(requireFromRoot.resolve(args.path)).href, external: true };
    });
  },
};

let child = '';

beforeAll(async () => {
  child = join(tempDir('ct-backup-crash-'), 'crash-child.mjs');
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

/**
 * Runs the child and SIGKILLs it `ms` after it reported its first finished backup (however long
 * a busy machine takes to get there), so that every run kills it in the middle of its backups;
 * returns the backups it reported finished.
 */
async function runAndKill(file: string, folder: string, ms: number): Promise<string[]> {
  const proc = spawn(process.execPath, [child, file, folder], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let sawBackup: () => void = () => undefined;
  const firstBackup = new Promise<void>((done) => (sawBackup = done));
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('\n')) sawBackup();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<NodeJS.Signals | null>((done) =>
    proc.on('close', (_code, signal) => done(signal)),
  );
  await Promise.race([firstBackup, closed]);
  await delay(ms);
  proc.kill('SIGKILL');
  if ((await closed) !== 'SIGKILL') throw new Error(`the child stopped by itself: ${err}`);
  return out.split('\n').slice(0, -1);
}

describe('a process killed while backing up', () => {
  it(`leaves every finished backup restorable and the database sound, ${runs} times`, async () => {
    const dir = tempDir('ct-backup-crash-');
    const file = join(dir, 'live', 'congress.sqlite');
    const folder = join(dir, 'stick');
    mkdirSync(join(dir, 'live'));
    mkdirSync(folder);
    const store = openStore(file);
    store.transaction(() => {
      store.congresses.create({
        name: '某镇第十五次党代会',
        heldOn: '2025-06-18',
        profile: 'party-grassroots',
      });
      store.audit.append({ actor: '备份测试', role: 'admin', action: 'test.start', payload: {} });
    });
    store.close();
    const random = seeded(20250618);
    const reported: string[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const ms = Math.floor(random() * 400);
      reported.push(...(await runAndKill(file, folder, ms)));
      const context = `run ${run} (killed ${ms} ms after its first backup)`;

      const live = openStore(file);
      expect(live.db.pragma('integrity_check', { simple: true }), context).toBe('ok');
      expect(live.audit.verify().ok, context).toBe(true);
      live.close();

      const listed = await listBackups(folder, '');
      const names = new Set(listed.map((b) => b.file));
      for (const finished of reported)
        expect(names.has(finished), `${context}: ${finished}`).toBe(true);
      for (const backup of listed) {
        const checked = await prepareRestore(backup.file, join(dir, 'probe.sqlite'));
        expect(checked.ok || checked.error.message, `${context}: ${backup.name}`).toBe(true);
        if (checked.ok) rmSync(checked.value.copy);
      }
    }
    // The test means something only if backups finished between kills: each run had one.
    expect(reported.length).toBeGreaterThanOrEqual(runs);
    expect(readdirSync(dir).sort()).toEqual(['live', 'stick']);
  });
});
