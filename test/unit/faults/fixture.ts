import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { verifyAuditChain } from '../../../db/audit';
import { rawText } from '../../../scripts/raw-text.mjs';

export const root = resolve(import.meta.dirname, '../../..');

const dirs: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const point of mounts.splice(0)) execFileSync('umount', [point]);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ct-faults-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/**
 * A small RAM disk at `point` (a USB stick with little room left), or false where this machine
 * does not let the test mount one (not root, or no CAP_SYS_ADMIN in a container).
 */
export function smallDisk(point: string, size: string): boolean {
  mkdirSync(point, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', point], {
      stdio: 'ignore',
    });
  } catch {
    return false;
  }
  mounts.push(point);
  return true;
}

/** `folder` again at `point`, read-only (a write-protected stick); false where mounts are refused. */
export function readOnlyView(folder: string, point: string): boolean {
  mkdirSync(point, { recursive: true });
  try {
    execFileSync('mount', ['--bind', folder, point], { stdio: 'ignore' });
  } catch {
    return false;
  }
  mounts.push(point);
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', point], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return true;
}

/** Bytes left on the file system that holds `path`. */
export function freeBytes(path: string): number {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
}

/**
 * Bundles a child script of this folder (TypeScript, with the services) to run with `node`. It is
 * written under node_modules/.cache so that its packages (better-sqlite3 and its addon) resolve
 * from this checkout as they do for the tests.
 */
export async function bundleChild(name: string): Promise<string> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'ct-faults-'));
  dirs.push(dir);
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
    define: { __APP_VERSION__: '"0.0.0-test"' },
    packages: 'external',
    plugins: [rawText],
  });
  return outfile;
}

/**
 * Runs `node <script> …args` with the size of any file it writes limited to `kb` kilobytes
 * (RLIMIT_FSIZE, set by the shell's ulimit): a write past it fails with EFBIG, as on a stick
 * whose file system allows no bigger file. Node ignores SIGXFSZ, so the process sees the error.
 */
export function runLimited(kb: number, script: string, args: readonly string[]) {
  const quoted = [process.execPath, script, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  return spawnSync('bash', ['-c', `ulimit -f ${kb}; exec ${quoted.join(' ')}`], {
    cwd: root,
    encoding: 'utf8',
  });
}

/** The command line as built by `npm run build` (npm test builds before the unit tests). */
export function congressTally(args: readonly string[]) {
  if (!existsSync(join(root, 'dist/cli/main.mjs'))) {
    throw new Error('dist/ 中没有构建产物：请先运行 npm run build');
  }
  return spawnSync(process.execPath, [join(root, 'bin/congress-tally.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** What a damaged file would show: integrity, the audit chain, and the counts that must agree. */
export function inspect(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? -1;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      audit: verifyAuditChain(db),
      ballots: count('SELECT count(*) AS n FROM ballot'),
      entered: count("SELECT count(*) AS n FROM audit WHERE action = 'ballot.enter'"),
      exports: count("SELECT count(*) AS n FROM audit WHERE action = 'export.package'"),
    };
  } finally {
    db.close();
  }
}
