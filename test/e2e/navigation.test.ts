import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

const steps = ['设置', '报到', '发票', '录入', '结果', '宣布', '报送'];

describe('the congress day’s navigation', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('moves through the seven steps by keyboard alone', async () => {
    await seedPeople(app, [{ name: '张计票', role: 'teller', pin: '1357' }]);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '张计票', '1357');
    await app.screenshot('main-layout');

    // Pages may have tabs of their own (报送 has export, verify and backup): only the bar counts.
    const stepBar = page.getByRole('tablist', { name: '大会流程' });
    for (const [index, title] of steps.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      await page.getByRole('heading', { name: `${index + 1}. ${title}` }).waitFor();
      const tab = stepBar.getByRole('tab', { name: title });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      expect(await stepBar.getByRole('tab', { selected: true }).count()).toBe(1);
      expect(page.url()).toMatch(/#\/[a-z]+$/);
    }
    await app.screenshot('step-export');

    // ←/→ along the tab bar, with a visible focus ring on the focused tab.
    await stepBar.getByRole('tab', { name: '报送' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { name: '6. 宣布' }).waitFor();
    const focused = stepBar.getByRole('tab', { name: '宣布' });
    expect(await focused.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: '1. 设置' }).waitFor();

    const shortcuts = await page.getByLabel('快捷键').textContent();
    expect(shortcuts).toContain('Alt+1…7 切换步骤');
    expect(shortcuts).toContain('Alt+L 锁定');
    expect(app.pageErrors).toEqual([]);
  });

  it('shows the projector view full screen, with the congress or its absence', async () => {
    const { page } = app;
    await page.goto(app.served.url);
    await page.goto(`${app.served.origin}/#/projector`);
    await page.getByRole('heading', { name: '尚未创建大会' }).waitFor();
    const size = await page
      .getByRole('heading', { name: '尚未创建大会' })
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(40);
    await app.screenshot('projector');
    expect(app.pageErrors).toEqual([]);
  });
});
