import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { certifiedCongress, tempDir } from './fixture';

/*
 * A package that does not fit leaves nothing behind: not in a folder whose disk is full (a small
 * tmpfs, where this machine lets the test mount one), not when the write fails half-way (a
 * file-size limit on a child process, which needs no privilege).
 */

let child = '';
let small = '';
let mounted = false;

beforeAll(async () => {
  const dir = tempDir('ct-full-');
  child = join(dir, 'full-disk-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'full-disk-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
    packages: 'external',
  });
  small = join(dir, 'stick');
  mkdirSync(small);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', small], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
});

describe('a package that does not fit', () => {
  it('fails half-way with a clear message and leaves no file', () => {
    const folder = tempDir('ct-full-');
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -f 512; exec "${process.execPath}" "${child}" "${folder}"`],
      {
        encoding: 'utf8',
        cwd: join(import.meta.dirname, '../../..'),
      },
    );
    const result = JSON.parse(run.stdout) as Result<unknown>;
    expect(result.ok || result.error.message).toContain('结果包没有写入');
    expect(result.ok || result.error.message).toContain('文件超过');
    expect(readdirSync(folder)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'on a full disk says so and leaves no file (needs permission to mount a tmpfs)',
    async (context) => {
      if (!mounted) {
        context.skip('此机器不允许测试挂载 tmpfs，跳过真正“磁盘已满”的一项');
        return;
      }
      const c = await certifiedCongress();
      const refused = await c.h.call(
        'export.package',
        { congressId: c.h.congress.id, folder: small },
        c.h.chief.token,
      );
      expect(refused.ok || refused.error.message).toContain('磁盘已满');
      expect(readdirSync(small)).toEqual([]);
      expect(c.h.auditActions()).not.toContain('export.package');
    },
  );
});
