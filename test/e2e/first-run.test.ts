import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from './harness';

describe('first run', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('creates the administrator, who lands in the day’s first step', async () => {
    const { page } = app;
    await page.goto(app.served.url);
    await page.getByRole('heading', { name: '首次使用：设置管理员' }).waitFor();
    await app.screenshot('first-run');

    await page.getByLabel('管理员姓名').fill('王建国');
    await page.getByLabel('PIN', { exact: true }).fill('246810');
    await page.getByLabel('再次输入 PIN').fill('246811');
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await page.getByText('两次输入的 PIN 不一致').waitFor();
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM person')?.n).toBe(0);

    await page.getByLabel('再次输入 PIN').fill('246810');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '1. 设置' }).waitFor();
    await expect
      .poll(() => page.getByTestId('signed-in').textContent())
      .toBe('当前：王建国（管理员）');
    expect(await page.getByTestId('no-congress').textContent()).toBe('尚未创建大会');

    const row = app.query<{ name: string; role: string; pin_hash: string }>(
      'SELECT name, role, pin_hash FROM person',
    );
    expect(row).toMatchObject({ name: '王建国', role: 'admin' });
    expect(row?.pin_hash).toMatch(/^scrypt\$/);
    const actions = app.query<{ a: string }>(
      "SELECT group_concat(action, ',') AS a FROM (SELECT action FROM audit ORDER BY seq)",
    );
    expect(actions?.a).toBe('person.add,session.signIn');
    expect(app.pageErrors).toEqual([]);
  });
});
