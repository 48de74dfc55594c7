import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root } from './harness';

/** The Electron binary inside ELECTRON_OVERRIDE_DIST_PATH, as the electron package would find it. */
function electronBinary(dist: string): string {
  if (process.platform === 'win32') return join(dist, 'electron.exe');
  if (process.platform === 'darwin')
    return join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  return join(dist, 'electron');
}

const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const binary = dist ? electronBinary(dist) : undefined;
const skipReason = !dist
  ? '未设置 ELECTRON_OVERRIDE_DIST_PATH，本机没有可用的 Electron'
  : binary && !existsSync(binary)
    ? `在 ${dist} 中找不到 Electron 可执行文件`
    : undefined;
if (skipReason) console.warn(`Electron 冒烟测试已跳过：${skipReason}`);

describe('Electron window', () => {
  it.skipIf(skipReason !== undefined)(
    skipReason
      ? `Electron 冒烟测试（已跳过：${skipReason}）`
      : 'Electron 冒烟测试：窗口、隔离与版本',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ct-electron-'));
      const version = (
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
      ).version;
      const asRoot = process.getuid?.() === 0;
      const app = await _electron.launch({
        executablePath: binary,
        args: [...(asRoot ? ['--no-sandbox'] : []), root, '--db', join(dir, 'congress.sqlite')],
        cwd: root,
      });
      try {
        const page = await app.firstWindow();
        await page.getByRole('heading', { name: '首次使用：设置管理员' }).waitFor();
        expect(page.url()).toMatch(/^app:\/\/congress-tally\//);
        const isolated = await page.evaluate(() => ({
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          bridge: typeof window.congressTally?.invoke,
        }));
        expect(isolated).toEqual({
          require: 'undefined',
          process: 'undefined',
          bridge: 'function',
        });
        const status = await page.evaluate(() =>
          window.congressTally?.invoke('app.status', null, {}),
        );
        expect(status).toMatchObject({ ok: true, value: { version } });
        const remote = await page.evaluate(() =>
          fetch('https://example.com/').then(
            () => 'loaded',
            () => 'blocked',
          ),
        );
        expect(remote).toBe('blocked');
      } finally {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
