import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPeople, signedIn, signInByKeyboard, startApp, type AppUnderTest } from './harness';

describe('sign-in', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('signs a teller in by keyboard and shows who is signed in', async () => {
    await seedPeople(app, [
      { name: '张计票', role: 'teller', pin: '1357' },
      { name: '李监票', role: 'scrutineer', pin: '8642' },
    ]);
    const { page } = app;
    await page.goto(app.served.url);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await app.screenshot('sign-in');

    await signInByKeyboard(page, '张计票', '1357');
    await page.getByRole('heading', { name: '1. 设置' }).waitFor();
    await expect
      .poll(() => page.getByTestId('signed-in').textContent())
      .toBe('当前：张计票（计票人）');
    await expect
      .poll(() => page.getByTestId('idle-countdown').textContent())
      .toMatch(/^(10:00|9:5\d) 后自动锁定$/);
    expect(await page.getByRole('button', { name: '人员管理' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('pauses sign-in after three wrong PINs, then for twice as long', async () => {
    await seedPeople(app, [{ name: '张计票', role: 'teller', pin: '1357' }]);
    const { page } = app;
    await page.goto(app.served.url);
    await signInByKeyboard(page, '张计票', '0000');
    await page.getByText('PIN 不正确，再输错 2 次将暂停登录').waitFor();
    await page.keyboard.type('0001');
    await page.keyboard.press('Enter');
    await page.getByText('PIN 不正确，再输错 1 次将暂停登录').waitFor();
    await page.keyboard.type('0002');
    await page.keyboard.press('Enter');
    const lockout = page.getByTestId('lockout');
    await lockout.getByText('PIN 不正确。张计票 已连续输错 3 次，暂停登录 30 秒').waitFor();
    const signIn = page.getByRole('button', { name: '登录' });
    expect(await signIn.isDisabled()).toBe(true);
    await app.screenshot('sign-in-lockout');

    // The right PIN is refused too while the pause lasts (straight to the API: the button is off).
    const paused = await app.api('session.signIn', { personId: 2, pin: '1357' });
    expect(paused.ok || paused.error.code).toBe('locked-out');

    await expect.poll(() => signIn.isEnabled(), { timeout: 45_000, interval: 1000 }).toBe(true);
    await page.getByLabel('PIN', { exact: true }).fill('0003');
    await page.keyboard.press('Enter');
    await lockout.getByText('PIN 不正确。张计票 已连续输错 4 次，暂停登录 60 秒').waitFor();

    const audit = app.query<{ a: string }>(
      "SELECT group_concat(action, ',') AS a FROM (SELECT action FROM audit WHERE action LIKE 'session.%' AND actor = '张计票' ORDER BY seq)",
    );
    expect(audit?.a).toBe('session.wrongPin,session.wrongPin,session.lockedOut,session.lockedOut');
  });

  it('locks the screen with Alt+L and opens it again only with the same person’s PIN', async () => {
    await seedPeople(app);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '王建国', '246810');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: '4. 录入' }).waitFor();

    await page.keyboard.press('Alt+L');
    await page.getByRole('heading', { name: '屏幕已锁定' }).waitFor();
    expect(await page.getByRole('heading', { name: '4. 录入' }).isVisible()).toBe(false);
    await app.screenshot('lock-screen');
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await page.getByText('PIN 不正确，再输错 2 次将暂停登录').waitFor();
    await page.keyboard.type('246810');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '4. 录入' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
