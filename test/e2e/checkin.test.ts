import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCongress, tokenOf } from './day-fixture';
import { root, seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

const banner = '[data-testid="checkin-banner"]';

/** A USB scanner: the card's code as fast keystrokes, then Enter. */
async function scan(page: Page, cardNo: string) {
  await page.keyboard.type(cardNo, { delay: 8 });
  await page.keyboard.press('Enter');
}

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 15 });
  await page.keyboard.press('Enter');
}

/** The green banner with this name: the check-in went through. */
async function checkedIn(page: Page, name: string) {
  await page
    .locator(`${banner}[data-tone="success"] .checkin-banner-title`, {
      hasText: new RegExp(`^${name}$`),
    })
    .waitFor();
}

async function tile(page: Page, label: string): Promise<string> {
  return (
    (await page.getByTestId(`count-${label}`).locator('.count-tile-value').textContent()) ?? ''
  );
}

const initials = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', separator: '' });
const spelled = (name: string) => pinyin(name, { toneType: 'none', separator: '' });

describe('报到', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
    // Counts every tone the desk plays (Web Audio), so the test hears the beeps.
    await app.context.addInitScript(() => {
      const tones = { count: 0 };
      Object.assign(window, { __tones: tones });
      const proto = AudioScheduledSourceNode.prototype;
      const start = Object.getOwnPropertyDescriptor(proto, 'start')?.value as (
        this: AudioScheduledSourceNode,
        when?: number,
      ) => void;
      proto.start = function (this: AudioScheduledSourceNode, when?: number) {
        tones.count += 1;
        start.call(this, when);
      };
    });
  });
  afterEach(async () => {
    await app.close();
  });

  it('checks in 170 of 300 by scanner, name, initials and pinyin; refuses twice; undoes', async () => {
    const { adminToken, ids: people } = await seedPeople(app, [
      { name: '刘计票', role: 'teller', pin: '1357' },
    ]);
    const { congressId, rows, ids } = await seedCongress(app, adminToken, 300);
    const entitled = rows.flatMap((row, i) => (row.hasVote ? [i] : []));
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '刘计票', '1357');
    // Only what this page logs counts here: the set-up page, passed on the way, is not ours.
    const logged = app.pageErrors.length;
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: '2. 报到' }).waitFor();
    await page.locator('.checkin-search input:focus, input.checkin-search:focus').waitFor();
    expect(await tile(page, '应到')).toBe('295');

    // 100 by scanning the delegate card.
    for (const i of entitled.slice(0, 100)) {
      const row = rows[i];
      if (!row) throw new Error(`no row ${i}`);
      await scan(page, row.cardNo);
      await checkedIn(page, row.name);
    }
    await app.screenshot('checkin-scanned');
    // 40 by the whole name.
    for (const i of entitled.slice(100, 140)) {
      const name = rows[i]?.name ?? '';
      await typeAndEnter(page, name);
      await checkedIn(page, name);
    }
    // 15 by pinyin initials, picked from the list with a number key (or ↓ and Enter).
    let listShown = false;
    for (const [n, i] of entitled.slice(140, 155).entries()) {
      const name = rows[i]?.name ?? '';
      const query = initials(name);
      const found = await app.api('checkin.search', { congressId, query }, adminToken);
      if (!found.ok) throw new Error(found.error.message);
      const place = found.value.matches.findIndex((m) => m.name === name);
      expect(place, `${name} by ${query}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.type(query, { delay: 15 });
      if (found.value.total === 1) {
        await page.keyboard.press('Enter');
      } else {
        await page.getByTestId('match').nth(place).waitFor();
        if (!listShown) {
          await app.screenshot('checkin-matches');
          listShown = true;
        }
        if (n % 2 === 0) {
          await page.keyboard.press(String(place + 1));
        } else {
          for (let k = 0; k <= place; k++) await page.keyboard.press('ArrowDown');
          await page.locator('.checkin-match.active', { hasText: name }).waitFor();
          await page.keyboard.press('Enter');
        }
      }
      await checkedIn(page, name);
    }
    // 15 by full pinyin.
    for (const i of entitled.slice(155, 170)) {
      const name = rows[i]?.name ?? '';
      const query = spelled(name);
      await page.keyboard.type(query, { delay: 10 });
      const found = await app.api('checkin.search', { congressId, query }, adminToken);
      if (found.ok && found.value.total > 1) {
        const place = found.value.matches.findIndex((m) => m.name === name);
        await page.getByTestId('match').nth(place).waitFor();
        await page.keyboard.press(String(place + 1));
      } else {
        await page.keyboard.press('Enter');
      }
      await checkedIn(page, name);
    }
    await page.getByTestId('count-实到').getByText('170').waitFor();
    expect(await tile(page, '未到')).toBe('125');

    // Twice: refused, with the time of the first check-in; nothing counted again.
    const first = rows[entitled[0] ?? 0];
    await scan(page, first?.cardNo ?? '');
    const refused = page.locator(`${banner}[data-tone="warning"]`);
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/已于 \d{1,2}:\d{2}:\d{2} 报到，不能重复报到/);
    await typeAndEnter(page, rows[entitled[120] ?? 0]?.name ?? '');
    await page
      .locator(`${banner}[data-tone="warning"]`, { hasText: rows[entitled[120] ?? 0]?.name ?? '' })
      .waitFor();
    expect(await tile(page, '实到')).toBe('170');

    // A delegate without a vote attends, and is not counted.
    const noVote = rows.findIndex((r) => !r.hasVote);
    await scan(page, rows[noVote]?.cardNo ?? '');
    await checkedIn(page, rows[noVote]?.name ?? '');
    await page.locator(banner, { hasText: '无选举权，不计入应到、实到' }).waitFor();
    expect(await tile(page, '实到')).toBe('170');

    // An unknown code says so, and changes nothing.
    await scan(page, 'DH9999');
    await page.locator(`${banner}[data-tone="error"]`, { hasText: '没有找到“DH9999”' }).waitFor();

    // Undo the latest by the list of recent marks, with a reason.
    const last = rows[entitled[169] ?? 0];
    await page.keyboard.press('Escape');
    await page
      .locator('.recent-mark', { hasText: last?.name ?? '' })
      .getByRole('button', { name: '撤销' })
      .click();
    const dialog = page.getByRole('dialog', { name: `撤销 ${last?.name ?? ''} 的报到` });
    await dialog.waitFor();
    await page.locator('#undo-reason:focus').waitFor();
    await page.keyboard.type('误点了同名代表');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator(banner, { hasText: `已撤销 ${last?.name ?? ''} 的登记` }).waitFor();
    await page.getByTestId('count-实到').getByText('169').waitFor();
    // The box has the focus back, even after a click elsewhere: the next scan lands in it.
    await page.getByTestId('count-应到').click();
    await scan(page, last?.cardNo ?? '');
    await checkedIn(page, last?.name ?? '');
    await page.getByTestId('count-实到').getByText('170').waitFor();

    // 请假 and 缺席 from the list of matches.
    const onLeave = rows[entitled[200] ?? 0];
    const missing = rows[entitled[201] ?? 0];
    await page.keyboard.type(onLeave?.name ?? '');
    await page.getByTestId('match').first().getByRole('button', { name: '请假' }).click();
    await page.locator(banner, { hasText: `${onLeave?.name ?? ''} 已登记请假` }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.type(missing?.name ?? '');
    await page.getByTestId('match').first().getByRole('button', { name: '缺席' }).click();
    await page.locator(banner, { hasText: `${missing?.name ?? ''} 已登记缺席` }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('count-缺席').getByText('1').waitFor();
    expect([await tile(page, '请假'), await tile(page, '未到')]).toEqual(['1', '123']);
    const validity = page.getByTestId('validity');
    expect(await validity.getAttribute('data-state')).toBe('unmet');
    expect(await validity.textContent()).toContain(
      '实到 170 < 应到 295 的五分之四 236，不符合选举要求（至少需 236 人）',
    );
    // Tabbed onto a button, a scan still goes to the box: its Enter does not press the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await scan(page, rows[entitled[0] ?? 0]?.cardNo ?? '');
    await refused.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await app.screenshot('checkin-desk');

    // What the database holds: 171 checked in (one without a vote), one on leave, one absent.
    const marks = app.query<{ present: number; leave: number; absent: number }>(
      `SELECT count(*) FILTER (WHERE status = 'present') AS present,
              count(*) FILTER (WHERE status = 'leave') AS leave,
              count(*) FILTER (WHERE status = 'absent') AS absent FROM attendance`,
    );
    expect(marks).toEqual({ present: 171, leave: 1, absent: 1 });
    const undo = app.query<{ payload: string }>(
      "SELECT payload FROM audit WHERE action = 'checkin.undo'",
    );
    expect(JSON.parse(undo?.payload ?? '{}')).toMatchObject({
      delegateId: ids[entitled[169] ?? 0],
      reason: '误点了同名代表',
    });
    const tones = await page.evaluate(
      () => (window as unknown as { __tones: { count: number } }).__tones.count,
    );
    expect(tones).toBeGreaterThanOrEqual(172);

    // The projector: the same counts in large type, following the desk live.
    const projector = await app.context.newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${app.served.url}#/projector`);
    await projector.getByTestId('board-实到').getByText('170').waitFor();
    expect(await projector.getByTestId('board-应到').textContent()).toBe('295');
    mkdirSync(join(root, 'test-results', 'screenshots'), { recursive: true });
    await projector.screenshot({
      path: join(root, 'test-results', 'screenshots', 'checkin-projector.png'),
    });
    const teller = await tokenOf(app, people['刘计票'] ?? 0, '1357');
    const late = ids[entitled[250] ?? 0] ?? 0;
    const arrived = await app.api('checkin.checkIn', { delegateId: late, via: 'card' }, teller);
    expect(arrived.ok).toBe(true);
    await projector.getByTestId('board-实到').getByText('171').waitFor();
    await projector.close();
    expect(app.pageErrors.slice(logged)).toEqual([]);
  }, 400_000);

  it('flips the quorum indicator exactly at the bound: grassroots 4/5, local 1/2 and 2/3', async () => {
    const { adminToken, ids: people } = await seedPeople(app, [
      { name: '刘计票', role: 'teller', pin: '1357' },
    ]);
    const { congressId, rows, ids } = await seedCongress(app, adminToken, 10);
    const teller = await tokenOf(app, people['刘计票'] ?? 0, '1357');
    for (const delegateId of ids.slice(0, 7)) {
      await app.api('checkin.checkIn', { delegateId, via: 'card' }, teller);
    }
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '刘计票', '1357');
    // Only what this page logs counts here: the set-up page, passed on the way, is not ours.
    const logged = app.pageErrors.length;
    await page.keyboard.press('Alt+2');
    const validity = page.getByTestId('validity');
    const shows = async (state: string, text: string) => {
      await page
        .locator(`[data-testid="validity"][data-state="${state}"]`, { hasText: text })
        .waitFor();
    };
    await shows('unmet', '实到 7 < 应到 10 的五分之四 8，不符合选举要求（至少需 8 人）');
    await scan(page, rows[7]?.cardNo ?? '');
    await checkedIn(page, rows[7]?.name ?? '');
    await shows('met', '实到 8 ≥ 应到 10 的五分之四 8，符合选举要求');
    await app.screenshot('checkin-quorum-met');
    expect(await validity.textContent()).toContain('《中国共产党基层组织选举工作条例》');

    // The 1990 wording: more than four fifths; 8 is no longer enough, 9 is.
    const wording = await app.api(
      'congress.update',
      { congressId, options: { quorum: 'more-than-4/5' } },
      adminToken,
    );
    expect(wording.ok).toBe(true);
    await shows('unmet', '实到 8 ≤ 应到 10 的五分之四 8，不符合选举要求（至少需 9 人）');
    await scan(page, rows[8]?.cardNo ?? '');
    await shows('met', '实到 9 > 应到 10 的五分之四 8');

    // party-local congress: more than half. 9 present is plenty; 5 is not, 6 is.
    const local = await app.api(
      'congress.update',
      { congressId, profile: 'party-local', options: { meeting: 'congress' } },
      adminToken,
    );
    expect(local.ok || local.error.message).toBe(true);
    for (const delegateId of ids.slice(5, 9)) {
      await app.api('checkin.undo', { delegateId, reason: '测试离会' }, teller);
    }
    await shows('unmet', '实到 5 ≤ 应到 10 的半数 5，不符合选举要求（至少需 6 人）');
    await scan(page, rows[5]?.cardNo ?? '');
    await shows('met', '实到 6 > 应到 10 的半数 5，符合选举要求');

    // Plenary session: more than two thirds: 6 is not, 7 is.
    await app.api('congress.update', { congressId, options: { meeting: 'plenary' } }, adminToken);
    await shows('unmet', '实到 6 ≤ 应到 10 的三分之二 6⅔，不符合选举要求（至少需 7 人）');
    await scan(page, rows[6]?.cardNo ?? '');
    await shows('met', '实到 7 > 应到 10 的三分之二 6⅔，符合选举要求');
    expect(await validity.textContent()).toContain('《中国共产党地方组织选举工作条例》第二十四条');
    expect(app.pageErrors.slice(logged)).toEqual([]);
  });
});
