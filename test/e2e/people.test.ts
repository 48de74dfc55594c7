import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

describe('人员管理', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('lets the administrator add, reset the PIN of, and deactivate people', async () => {
    const { ids } = await seedPeople(app, [
      { name: '李监票', role: 'scrutineer', pin: '8642' },
      { name: '赵总监', role: 'chief-scrutineer', pin: '9999' },
    ]);

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '王建国', '246810');
    await page.keyboard.press('Alt+P');
    await page.getByRole('heading', { name: '人员管理' }).waitFor();

    await page.getByRole('button', { name: '添加人员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加人员' });
    await dialog.getByLabel('姓名').fill('张计票');
    await dialog.getByLabel('角色').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^计票人$/ })
      .click();
    await dialog.getByLabel('初始 PIN').fill('1357');
    await dialog.getByLabel('再次输入 PIN').fill('1357');
    await dialog.getByRole('button', { name: '添加' }).click();
    await page.getByRole('cell', { name: '张计票' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '添加人员' }).click();
    await dialog.getByLabel('姓名').fill('张计票');
    await dialog.getByLabel('角色').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^监票人$/ })
      .click();
    await dialog.getByLabel('初始 PIN').fill('2468');
    await dialog.getByLabel('再次输入 PIN').fill('2468');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.getByText('已有名为「张计票」的在用人员').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();

    const row = page.getByRole('row', { name: /李监票/ });
    await row.getByRole('button', { name: '重设 PIN' }).click();
    const reset = page.getByRole('dialog', { name: '为 李监票 重设 PIN' });
    await reset.getByLabel('新 PIN', { exact: true }).fill('9753');
    await reset.getByLabel('再次输入新 PIN').fill('9753');
    await reset.getByRole('button', { name: '重设' }).click();
    await page.getByText('已为 李监票 重设 PIN').waitFor();

    // Someone mistypes their PIN meanwhile; the list shows the pause when it next loads.
    for (const pin of ['0000', '0001', '0002']) {
      await app.api('session.signIn', { personId: ids['赵总监'] ?? 0, pin });
    }

    await row.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    await page
      .getByRole('row', { name: /赵总监/ })
      .getByText(/PIN 输错，暂停登录至 \d\d:\d\d:\d\d/)
      .waitFor();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await app.screenshot('people');

    const people = app.query<{ p: string }>(
      "SELECT group_concat(p, ',') AS p FROM (SELECT name || ':' || role || ':' || active AS p FROM person ORDER BY id)",
    );
    expect(people?.p).toBe(
      '王建国:admin:1,李监票:scrutineer:0,赵总监:chief-scrutineer:1,张计票:teller:1',
    );
    const signIn = await app.api('session.signIn', { personId: 2, pin: '9753' });
    expect(signIn.ok || signIn.error.code).toBe('not-found');
    expect(app.pageErrors).toEqual([]);
  });
});
