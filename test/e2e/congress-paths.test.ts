import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printBallot, seedCongress, tokenOf } from './day-fixture';
import { root, seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

const artifacts = join(root, 'test-results', 'congress-paths');
const chiefPin = '2468';
const title = '选举中国共产党东湖镇第十六届纪律检查委员会委员';

/** In 姓氏笔画 order, worked out by hand: 丁 卜 刁 (2 strokes) < 于 (3) < 王 (4) < 石 (5). */
const nominees = ['丁建国', '卜秀英', '刁明华', '于洋', '王芳', '石磊'];
/**
 * Ten present of ten, four marks at most: 丁建国 10, 卜秀英 9, 刁明华 8, 于洋 7, 王芳 4, 石磊 2.
 * More than half of the 10 entitled (6 votes) qualifies: the first four, the four wanted.
 */
const preliminaryMarks = [
  ...Array<string>(4).fill('OOOO--'),
  ...Array<string>(2).fill('OOO-O-'),
  ...Array<string>(2).fill('OO-OO-'),
  'O-OO-O',
  'OOO--O',
];

type Done<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
async function must<T>(result: Promise<Done<T>>): Promise<T> {
  const done = await result;
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

function openDropdown(page: Page) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

describe('大会的其他环节：预选、代表结构报表、归档与删除', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(artifacts, { recursive: true });
  });
  afterEach(async () => {
    await app.screenshot('congress-paths-last');
    await app.close();
  });

  it('sets up a 预选 on screen, and the 总监票人 opens the formal round from its result', async () => {
    const { adminToken, ids } = await seedPeople(app, [
      { name: '张计票', role: 'teller', pin: '1357' },
      { name: '赵监票', role: 'scrutineer', pin: '1357' },
      { name: '钱总监', role: 'chief-scrutineer', pin: chiefPin },
    ]);
    const { ids: delegates } = await seedCongress(app, adminToken, 10);
    for (const delegateId of delegates) {
      await must(app.api('checkin.checkIn', { delegateId, via: 'card' }, adminToken));
    }
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '王建国', '246810');
    await page.getByRole('tab', { name: '选举事项与候选人' }).click();
    await page.getByRole('button', { name: '新增选举事项' }).click();
    const dialog = page.getByRole('dialog', { name: '新增选举事项' });
    await dialog.getByLabel('选举事项名称（印在选票上）').fill(title);
    await dialog.getByLabel('选举职务').click();
    await openDropdown(page).getByText('纪委委员', { exact: true }).click();
    await dialog.getByLabel('应选人数').fill('3');
    await dialog.getByLabel('双人录入').click();
    await dialog.getByLabel('先进行预选').click();
    // Three formal candidates for three seats leave no 差额: refused, with the bound named.
    await dialog.getByLabel('预选产生正式候选人数').fill('3');
    await dialog.getByRole('button', { name: '新增' }).click();
    await dialog
      .getByText(/不符合正式选举的差额要求/)
      .first()
      .waitFor();
    await app.screenshot('congress-paths-1-preliminary-refused');
    await dialog.getByLabel('预选产生正式候选人数').fill('4');
    await dialog.getByRole('button', { name: '新增' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('预选产生正式候选人 4 名（应选 3 名），候选人 0 名').waitFor();

    await page.getByRole('button', { name: '批量添加' }).click();
    const paste = page.getByRole('dialog', { name: '批量添加候选人' });
    await paste.getByLabel('候选人名单').fill([...nominees].reverse().join('\n'));
    await paste.getByRole('button', { name: '添加 6 名' }).click();
    await paste.waitFor({ state: 'hidden' });
    await page.getByText('预选产生正式候选人 4 名（应选 3 名），候选人 6 名').waitFor();
    await app.screenshot('congress-paths-2-preliminary-set-up');

    const round = app.query<{ id: number; kind: string; formal: number }>(
      'SELECT id, kind, formal_candidates AS formal FROM round',
    );
    expect(round).toMatchObject({ kind: 'preliminary', formal: 4 });
    const roundId = round?.id ?? 0;
    await printBallot(app, adminToken, roundId);
    const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '1357');
    const teller = await tokenOf(app, ids['张计票'] ?? 0, '1357');
    await must(app.api('issuance.issue', { roundId, issued: 10 }, scrutineer));
    await must(app.api('issuance.return', { roundId, returned: 10 }, scrutineer));
    const box = await must(
      app.api('entry.createBox', { roundId, label: '一号票箱', expected: 10 }, scrutineer),
    );
    let seq = (await must(app.api('entry.open', { boxId: box.id }, teller))).progress.nextSeq;
    for (const marks of preliminaryMarks) {
      const ballot = { marks, writeIns: [], declaredInvalid: null };
      seq = (await must(app.api('entry.commit', { boxId: box.id, seq, ballot }, teller))).progress
        .nextSeq;
    }
    await must(app.api('entry.finishPass', { boxId: box.id }, teller));
    await must(app.api('entry.finish', { roundId }, scrutineer));

    await page.getByRole('button', { name: '王建国：账号菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await signedIn(page, '钱总监', chiefPin);
    await page.getByRole('tab', { name: '结果' }).click();
    const pin = page.getByLabel('总监票人 PIN');
    await pin.fill(chiefPin);
    await pin.press('Enter');
    await page.getByTestId('certified').waitFor();
    const qualified = page.getByTestId('qualified');
    await expect
      .poll(() => qualified.textContent())
      .toContain('预选确定正式候选人 4 名（拟产生 4 名）：丁建国、卜秀英、刁明华、于洋');
    await page.getByRole('button', { name: '用预选结果开启正式选举' }).click();
    await page.getByRole('button', { name: '开启', exact: true }).click();
    await page.getByText('已开启第 2 轮（正式选举）（待印制），应选 3 名').waitFor();
    expect(await page.getByTestId('elected-line').textContent()).toContain('正式候选人名单');
    await app.screenshot('congress-paths-3-formal-opened');

    const formal = app.query<{ id: number; parent: number }>(
      "SELECT id, parent_round_id AS parent FROM round WHERE kind = 'formal'",
    );
    expect(formal?.parent).toBe(roundId);
    const names = app.query<{ names: string }>(
      `SELECT group_concat(name, '、') AS names FROM (SELECT name FROM candidate WHERE round_id = ${formal?.id ?? 0} ORDER BY position)`,
    );
    expect(names?.names).toBe('丁建国、卜秀英、刁明华、于洋');
    const audited = app.query<{ role: string }>(
      "SELECT role FROM audit WHERE action = 'round.formal'",
    );
    expect(audited?.role).toBe('chief-scrutineer');
    expect(app.pageErrors).toEqual([]);
  });

  it('prints the 代表结构情况 from the set-up screen as a PDF with the roster’s figures', async () => {
    const { adminToken } = await seedPeople(app);
    const { rows } = await seedCongress(app, adminToken, 30);
    // The figures, counted here from the roster the test imported.
    const women = rows.filter((r) => r.gender === '女').length;
    const units = new Map<string, number>();
    for (const r of rows) units.set(r.unit, (units.get(r.unit) ?? 0) + 1);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '王建国', '246810');
    await page.getByRole('tab', { name: '代表结构' }).click();
    await page.getByRole('button', { name: '打印代表结构情况（资格审查）' }).click();
    const preview = page.getByRole('dialog', { name: /代表结构情况/ });
    await preview.frameLocator('iframe').getByText('代表共 30 名', { exact: false }).waitFor();
    await app.screenshot('congress-paths-4-structure-preview');
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '保存为 PDF' }).click();
    const file = join(artifacts, 'structure.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(text.replace(/\s+/g, '')).toContain('代表共30名');
    const row = (label: string, n: number) =>
      lines.some((l) => new RegExp(`(^| )${label} ${n} `).test(l));
    expect(row('女', women), `女 ${women}`).toBe(true);
    expect(row('男', 30 - women), `男 ${30 - women}`).toBe(true);
    for (const [unit, n] of units) expect(row(unit, n), `${unit} ${n}`).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('archives a finished congress read-only, brings it back, and deletes it after its name is typed', async () => {
    const { adminToken } = await seedPeople(app);
    const { congressId } = await seedCongress(app, adminToken, 5);
    const name = '中国共产党东湖镇第十六次代表大会';
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '王建国', '246810');
    await page.getByRole('button', { name: '归档本大会' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '归档', exact: true }).click();
    // Out of the way: no congress in use, the archived one listed under 已归档.
    const archived = page.getByTestId('archived');
    await archived.getByText(name).waitFor();
    await app.screenshot('congress-paths-5-archived');
    await archived.getByRole('button', { name: '只读打开' }).click();
    await page.getByTestId('archived-banner').waitFor();
    expect(await page.getByRole('button', { name: '修改大会信息' }).count()).toBe(0);
    // Every write is refused, in words, and nothing changes.
    const refused = await app.api('congress.update', { congressId, venue: '别处' }, adminToken);
    expect(refused.ok || refused.error.message).toBe(
      `大会“${name}”已归档，只能查看，不能修改；如需修改，请由系统管理员先取消归档`,
    );
    await page.getByRole('tab', { name: '代表名册' }).click();
    await page
      .getByText('丁')
      .first()
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    await page.getByRole('tab', { name: '大会信息' }).click();
    await app.screenshot('congress-paths-6-read-only');

    await page.getByTestId('archived-banner').getByRole('button', { name: '取消归档' }).click();
    await page.getByTestId('archived-banner').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '修改大会信息' }).waitFor();

    await page.getByRole('button', { name: '删除本大会' }).click();
    const dialog = page.getByRole('dialog', { name: `删除大会“${name}”` });
    await dialog.getByText('本大会的选举结果从未导出').waitFor();
    const confirm = dialog.getByRole('button', { name: '永久删除' });
    await dialog.getByLabel('请逐字输入大会名称以确认：').fill(name.replace('东湖', '西湖'));
    await dialog.getByLabel('确认删除未导出的大会').check();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('请逐字输入大会名称以确认：').fill(name);
    await app.screenshot('congress-paths-7-delete');
    await confirm.click();
    await page.getByText('第一步：创建大会').waitFor();
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM congress')?.n).toBe(0);
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM delegate')?.n).toBe(0);
    const row = app.query<{ role: string; payload: string }>(
      "SELECT role, payload FROM audit WHERE action = 'congress.remove'",
    );
    expect(row?.role).toBe('admin');
    expect(JSON.parse(row?.payload ?? '{}')).toMatchObject({ name, delegates: 5, exported: null });
    expect(app.pageErrors).toEqual([]);
  });
});
