import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hostApi,
  seedPeople,
  serve,
  signedIn,
  signInByKeyboard,
  startApp,
  type AppUnderTest,
  type Served,
} from './harness';

/*
 * The laptop is lost: its backups on the stick carry the signing key, sealed with the passphrase
 * the 总监票人 set on it; another laptop restores one with that passphrase and signs with the
 * fingerprint the county registered.
 */

const chiefPin = '2468';
const passphrase = '东湖镇监票 2025 春季';

describe('签名密钥随备份恢复到另一台电脑', () => {
  let app: AppUnderTest;
  let stick: string;
  let other: { dir: string; served: Served } | null = null;
  beforeEach(async () => {
    app = await startApp();
    stick = mkdtempSync(join(tmpdir(), 'ct-e2e-stick-'));
  });
  afterEach(async () => {
    await app.screenshot('backup-key-last');
    if (other && other.served.process.exitCode === null) {
      const exited = new Promise((done) => other?.served.process.once('exit', done));
      other.served.process.kill('SIGTERM');
      await exited;
    }
    if (other) rmSync(other.dir, { recursive: true, force: true });
    await app.close();
    rmSync(stick, { recursive: true, force: true });
  });

  it('the 总监票人 sets the passphrase; another laptop restores the key with it', async () => {
    await seedPeople(app, [{ name: '钱总监', role: 'chief-scrutineer', pin: chiefPin }]);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '钱总监', chiefPin);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '7. 报送' }).waitFor();
    const registered = (await page.getByTestId('key-fingerprint').textContent()) ?? '';
    expect(registered).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByText('尚未设置备份口令').waitFor();
    await page.getByLabel('备份文件夹').fill(stick);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText(`每 15 分钟备份到 ${stick}`).waitFor();
    await page.getByLabel('备份口令', { exact: true }).fill(passphrase);
    await page.getByLabel('再次输入口令').fill(`${passphrase}！`);
    await page.getByLabel('您的 PIN').fill(chiefPin);
    await page.getByRole('button', { name: '设置口令' }).click();
    await page.getByText('两次输入的口令不一致').waitFor();
    await page.getByLabel('再次输入口令').fill(passphrase);
    await page.getByRole('button', { name: '设置口令' }).click();
    await page.getByTestId('passphrase-set').getByText(registered).waitFor();
    await app.screenshot('backup-key-1-passphrase-set');
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByRole('cell', { name: '含（已加密）' }).waitFor();
    expect(readdirSync(stick).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
    const audited = app.query<{ payload: string }>(
      "SELECT payload FROM audit WHERE action = 'backup.passphrase'",
    );
    expect(audited?.payload).toContain(registered);
    expect(audited?.payload).not.toContain(passphrase);

    // Another laptop: its own database and key folder, a first administrator, nothing else.
    const dir = mkdtempSync(join(tmpdir(), 'ct-e2e-laptop-'));
    other = { dir, served: await serve(join(dir, 'congress.sqlite')) };
    const created = await hostApi(other.served)('session.createFirstAdmin', {
      name: '孙管理',
      pin: '135790',
    });
    expect(created.ok).toBe(true);
    await page.goto(other.served.url);
    await signedIn(page, '孙管理', '135790');
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '7. 报送' }).waitFor();
    const own = (await page.getByTestId('key-fingerprint').textContent()) ?? '';
    expect(own).not.toBe(registered);
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByLabel('备份文件夹').fill(stick);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByRole('cell', { name: '其他电脑' }).waitFor();
    await page.getByRole('button', { name: '恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await dialog.getByLabel('请输入您的 PIN 确认').fill('135790');
    // Without the passphrase it asks first, and says what not restoring the key means.
    await dialog.getByRole('button', { name: '校验并恢复' }).click();
    const ask = page.getByRole('dialog', { name: '不输入口令，只恢复数据？' });
    await ask.getByText('须把新的公钥文件交上级组织部门重新登记').waitFor();
    await ask.getByRole('button', { name: '返回输入口令' }).click();
    await ask.waitFor({ state: 'hidden' });
    await dialog.getByLabel('备份口令（恢复签名密钥）').fill('不是这个口令 2025');
    await dialog.getByRole('button', { name: '校验并恢复' }).click();
    await dialog.getByText('备份口令不对').waitFor();
    await app.screenshot('backup-key-2-wrong-passphrase');
    await dialog.getByLabel('备份口令（恢复签名密钥）').fill(passphrase);
    await dialog.getByRole('button', { name: '校验并恢复' }).click();
    const done = page.getByTestId('restore-key');
    await done.getByText(registered).waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain('签名密钥已恢复');
    await app.screenshot('backup-key-3-restored');
    await page.getByRole('button', { name: /OK|确定|知道了/ }).click();

    // The restored database's people; the key the county registered.
    await signInByKeyboard(page, '钱总监', chiefPin);
    await page.getByText('当前：钱总监').waitFor();
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '7. 报送' }).waitFor();
    await page.getByTestId('key-fingerprint').getByText(registered).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
