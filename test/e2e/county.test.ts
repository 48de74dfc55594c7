import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKey } from '../../core/platform/keys';
import type { BallotsDocument } from '../../shared/export/ballots';
import { entriesOf, json, replaced, resigned, rezip, utf8 } from '../unit/export/fixture';
import { forgedPackage } from '../unit/export/forge';
import { townshipPackages, type TownshipPackage } from './county-fixture';
import { startApp, type AppUnderTest } from './harness';

/*
 * The county office: thirty townships' packages on a USB stick, three of them tampered with and
 * two whose signer the keyring does not vouch for (one township never registered, one package
 * forged and re-signed with a fresh key); the 报送汇总 table puts exactly those five on top, with
 * the reason. Then the forged package on the verify screen: amber, never green, until its key is
 * registered after the fingerprint comparison.
 */

let folder: string;
let packages: TownshipPackage[];
const tampered = [4, 11, 19];
const neverRegistered = 7;
const forgedAt = 23;
let forgedFile: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'ct-county-'));
  packages = await townshipPackages(folder, 30);
  const fresh = await signingKey(mkdtempSync(join(tmpdir(), 'ct-forger-')), 'ed25519');
  if (!fresh.ok) throw new Error(fresh.error.message);
  const [inPlace = '', rezipped = '', recounted = ''] = tampered.map((i) => packages[i]?.file);
  // One byte changed inside the zip; results.json edited and zipped again; the ballots changed,
  // every digest recomputed and the manifest signed again with a key of the forger's own.
  const bytes = readFileSync(inPlace);
  bytes.write('"returned": 99', bytes.indexOf(Buffer.from('"returned": ')));
  writeFileSync(inPlace, bytes);
  const edited = entriesOf(readFileSync(rezipped));
  const results = Buffer.from(edited.find((e) => e.name === 'results.json')?.data ?? []);
  const text = results.toString('utf8').replace(/"returned": \d+/, '"returned": 99');
  writeFileSync(rezipped, rezip(replaced(edited, 'results.json', utf8(text))));
  const ballots = entriesOf(readFileSync(recounted));
  const cast = json<BallotsDocument>(ballots, 'ballots.json');
  const changed = cast.rounds[0]?.ballots.find((b) => !b.invalid);
  if (changed) changed.marks = '--OO';
  writeFileSync(
    recounted,
    resigned(ballots, fresh.value.key, { 'ballots.json': utf8(JSON.stringify(cast)) }),
  );
  forgedFile = packages[forgedAt]?.file ?? '';
  writeFileSync(forgedFile, forgedPackage(entriesOf(readFileSync(forgedFile)), fresh.value.key));
}, 600_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('报送汇总 and the keyring, in Chromium', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('puts the three tampered and the two unregistered packages on top, with the reason', async () => {
    for (const [i, p] of packages.entries()) {
      if (i === neverRegistered) continue;
      const source = { kind: 'key-file' as const, content: p.publicKey };
      const added = await app.api('keyring.register', {
        organiser: p.organiser,
        source,
        by: '周核验',
        reason: '大会前由乡镇送来公钥文件',
      });
      if (!added.ok) throw new Error(added.error.message);
    }
    const { page } = app;
    await page.goto(app.served.url);
    await page.getByRole('link', { name: '核验上报的结果包（无需登录）' }).click();
    await page.getByRole('tab', { name: '报送汇总' }).click();
    await page.getByLabel('结果包所在文件夹').fill(folder);
    await page.getByRole('button', { name: '核验并汇总' }).click();
    const rows = page.getByTestId('survey-table').locator('tbody tr.ant-table-row');
    await rows.nth(29).waitFor();
    expect(await rows.count()).toBe(30);
    const tags = await rows.locator('td:first-child').allTextContents();
    const files = await rows.locator('td:last-child').allTextContents();
    const name = (i: number) => basename(packages[i]?.file ?? '');
    expect(tags.slice(0, 3)).toEqual(['未通过', '未通过', '未通过']);
    expect(new Set(files.slice(0, 3))).toEqual(new Set(tampered.map(name)));
    expect(tags.slice(3, 5)).toEqual(['签名者未登记', '签名者未登记']);
    expect(new Set(files.slice(3, 5))).toEqual(new Set([neverRegistered, forgedAt].map(name)));
    expect(tags.slice(5)).toEqual(Array.from({ length: 25 }, () => '通过'));
    const reasons = (
      await page.getByTestId('survey-table').locator('.survey-reason').allTextContents()
    ).map((r) => r.replace(/^原因：/, ''));
    expect(reasons).toHaveLength(5);
    for (const reason of reasons.slice(0, 3)) expect(reason).toMatch(/^results\.json：/);
    const broken = reasons.slice(0, 3).join('\n');
    for (const why of ['CRC', '与清单所记的摘要不符', '按 ballots.json 重新计票']) {
      expect(broken).toContain(why);
    }
    expect(reasons.slice(3, 5).join('')).toContain('签名密钥与登记的不同');
    expect(reasons.slice(3, 5).join('')).toContain(packages[neverRegistered]?.fingerprint);
    await page.getByTestId('survey-counts').getByText('未通过 3 个').waitFor();
    const passed = packages[0];
    const passedRow = rows.filter({ hasText: passed?.organiser ?? '' });
    for (const elected of passed?.elected ?? []) await passedRow.getByText(elected).waitFor();
    // Tall enough for the five on top and the first passes below them.
    await page.setViewportSize({ width: 1366, height: 1240 });
    await app.screenshot('county-survey');
    await page.setViewportSize({ width: 1366, height: 860 });

    // Printed, the page is the table: the controls and the tabs are hidden.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: '核验并汇总' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '导出 Excel' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('tab', { name: '报送汇总' }).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('survey-table').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: null });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const saved = join(folder, 'survey.xlsx');
    await (await download).saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(readFileSync(saved)).buffer);
    const column = workbook.getWorksheet('报送汇总')?.getColumn(1).values.slice(2) ?? [];
    expect(column.slice(0, 5)).toEqual([
      '未通过',
      '未通过',
      '未通过',
      '签名者未登记',
      '签名者未登记',
    ]);
    expect(column).toHaveLength(30);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows the forged package amber, never green, until its key is registered after the comparison', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '核验结果包' }).click();
    await page.getByTestId('verify-package').setInputFiles(forgedFile);
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-unregistered').waitFor();
    expect(await page.getByTestId('verify-passed').count()).toBe(0);
    await page.getByTestId('verify-reason').getByText('签名密钥与登记的不同').waitFor();
    await expect(page.getByRole('button', { name: '登记此密钥' }).count()).resolves.toBe(0);
    await app.screenshot('verify-unregistered');

    await page.getByRole('checkbox', { name: /我已逐位核对/ }).check();
    await page.getByLabel('经办人').fill('周核验');
    await page.getByLabel('登记原因').fill('镇里恢复数据后原密钥丢失，新指纹已与盖章报告单核对');
    await page.getByRole('button', { name: '登记此密钥' }).click();
    await page.getByTestId('verify-passed').waitFor();
    const audit = app.query<{ payload: string }>(
      "SELECT payload FROM audit WHERE action = 'keyring.register' ORDER BY seq DESC LIMIT 1",
    );
    expect(JSON.parse(audit?.payload ?? '{}')).toMatchObject({
      source: 'package',
      reason: '镇里恢复数据后原密钥丢失，新指纹已与盖章报告单核对',
      alongside: [packages[forgedAt]?.fingerprint],
    });

    await page.getByTestId('verify-package').setInputFiles(packages[0]?.file ?? '');
    await page.getByRole('button', { name: '开始核验' }).click();
    await page
      .getByText(packages[0]?.organiser ?? '')
      .first()
      .waitFor();
    await page.getByTestId('verify-passed').waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('lists the keyring, saves it as one file, withdraws a key with a reason and reads the file back', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '密钥登记' }).click();
    const panel = page.getByRole('tabpanel', { name: '密钥登记' });
    const table = panel.getByTestId('keyring-table').locator('tbody tr.ant-table-row');
    // 29 from the key files, and the forged package's key registered after the comparison.
    await table.nth(29).waitFor();
    expect(await table.count()).toBe(30);
    await panel.getByLabel('经办人').fill('周核验');
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '导出密钥登记文件' }).click();
    const saved = join(folder, 'keyring.json');
    await (await download).saveAs(saved);
    const file = JSON.parse(readFileSync(saved, 'utf8')) as { entries: unknown[] };
    expect(file.entries).toHaveLength(30);

    // Bad input is named as the form names it, and registers nothing.
    await panel.getByLabel('经办人').fill('');
    await panel.getByLabel('主办单位').fill('中共红旗镇委员会');
    await panel.getByRole('radio', { name: '密钥卡上的指纹' }).check();
    await panel.getByLabel('公钥指纹').fill('12 34');
    await panel.getByLabel('登记原因').fill('密钥卡送来');
    await panel.getByRole('button', { name: '登记密钥' }).click();
    await panel.getByText('经办人：姓名不能为空').waitFor();
    await panel.getByLabel('经办人').fill('周核验');
    await panel.getByRole('button', { name: '登记密钥' }).click();
    await panel.getByText('指纹“12 34”无效').waitFor();
    expect(await table.count()).toBe(30);

    const first = packages[0];
    const row = table.filter({ hasText: first?.organiser ?? '' });
    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByLabel('撤销原因').fill('该镇电脑丢失');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销：该镇电脑丢失').waitFor();
    await panel.getByTestId('keyring-import').setInputFiles(saved);
    await page.getByText('已导入：新增 0 条，撤销 0 条，30 条本机已有').waitFor();
    await row.getByText('已撤销：该镇电脑丢失').waitFor();

    await app.screenshot('keyring-list');
    await page.getByRole('tab', { name: '报送汇总' }).click();
    await page.getByRole('button', { name: '核验并汇总' }).click();
    await page.getByTestId('survey-counts').getByText('签名者未登记 2 个').waitFor();
    const reasons = page.getByTestId('survey-table').locator('.survey-reason');
    await reasons
      .filter({ hasText: `签名密钥已撤销登记：指纹 ${first?.fingerprint ?? ''}` })
      .waitFor();
    const withdrawn = await app.api('keyring.list', {});
    expect(withdrawn.ok && withdrawn.value.filter((e) => e.withdrawn).length).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
