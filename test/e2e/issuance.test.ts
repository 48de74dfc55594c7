import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirm,
  printBallot,
  printedElection,
  seedCongress,
  settled,
  tokenOf,
} from './day-fixture';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

const committee = '选举中国共产党东湖镇第十六届委员会委员';
const discipline = '选举中国共产党东湖镇第十六届纪律检查委员会委员';

function roundOf(page: Page, title: string, label: string): Locator {
  return page.getByRole('group', { name: `${title}${label}` });
}

describe('发票', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('issues and collects ballots, freezes attendance, voids a round with more back than out, and re-votes', async () => {
    const { adminToken, ids: people } = await seedPeople(app, [
      { name: '刘计票', role: 'teller', pin: '1357' },
      { name: '李监票', role: 'scrutineer', pin: '2468' },
    ]);
    const { congressId, ids } = await seedCongress(app, adminToken, 20);
    const teller = await tokenOf(app, people['刘计票'] ?? 0, '1357');
    for (const delegateId of ids.slice(0, 17)) {
      await app.api('checkin.checkIn', { delegateId, via: 'card' }, teller);
    }
    const first = await printedElection(app, adminToken, congressId, committee);
    const second = await printedElection(app, adminToken, congressId, discipline);

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '李监票', '2468');
    // Only what this page logs counts here: the set-up page, passed on the way, is not ours.
    const logged = app.pageErrors.length;
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '3. 发票' }).waitFor();

    // 发票, 实到 by default; attendance is frozen into the round.
    const one = roundOf(page, committee, '第 1 轮（正式选举）');
    const issued = one.getByLabel('发出选票');
    expect(await issued.inputValue()).toBe('17');
    await one.getByRole('button', { name: '登记发票' }).click();
    await confirm(page, '登记发出选票 17 张？', '确认发票');
    await one.getByText('投票中').waitFor();
    await one.getByTestId('round-facts').getByText('17 人').waitFor();

    for (const delegateId of ids.slice(17, 20)) {
      await app.api('checkin.checkIn', { delegateId, via: 'card' }, teller);
    }
    await page.getByTestId('live-present').getByText('20').waitFor();
    // 应到 20, 实到 17, issued 17: as they were when the ballots went out.
    expect(await one.getByTestId('round-facts').textContent()).toMatch(
      /^应到实到发出选票收回选票20 人17 人17 张/,
    );

    // A number other than 实到 needs its reason.
    const two = roundOf(page, discipline, '第 1 轮（正式选举）');
    await two.getByLabel('发出选票').fill('21');
    await two.getByRole('button', { name: '登记发票' }).click();
    await two.getByText('发出选票 21 张与实到 20 人不一致，请先说明原因').waitFor();
    await two.getByLabel('发出 21 张与实到 20 人不一致，请说明原因').fill('一张选票污损后换发');
    await two.getByRole('button', { name: '登记发票' }).click();
    await confirm(page, '登记发出选票 21 张？', '确认发票');
    await two.getByText('投票中').waitFor();

    // 收回 not more than issued: on to counting.
    await one.getByLabel('收回选票').fill('17');
    await one.getByRole('button', { name: '登记收回' }).click();
    await one.getByText('计票中').waitFor();
    await one.getByText('未收回').waitFor();

    // 收回 more than issued: said at once, confirmed, the round void, the re-vote opened.
    await two.getByLabel('收回选票').fill('22');
    await two.getByRole('alert').getByText('收回 22 张多于发出的 21 张').waitFor();
    await two.getByRole('button', { name: '登记收回' }).click();
    await confirm(page, '收回的选票多于发出的选票', '确认：本轮作废，重新选举');
    const voided = two.getByRole('alert').filter({ hasText: '本轮选举无效，须重新选举' });
    await voided.getByText('收回选票 22 张，多于发出的 21 张，本轮选举无效，应重新选举').waitFor();
    await two.getByTestId('round-facts').getByText('1 张', { exact: true }).waitFor();
    await app.screenshot('issuance-void');
    await voided.getByRole('button', { name: '开启重新选举' }).click();
    const again = roundOf(page, discipline, '第 2 轮（重新选举）');
    await again.getByText('本轮选票尚未印制，不能发票').waitFor();
    await voided.getByText('已开启第 2 轮（重新选举）').waitFor();

    // Printed, the re-vote is held like any round, with today's attendance.
    const revote = await app.api('issuance.list', { congressId }, adminToken);
    const revoteId =
      (revote.ok && revote.value.elections[1]?.rounds.find((r) => r.number === 2)?.id) || 0;
    await printBallot(app, adminToken, revoteId);
    await again.getByLabel('发出选票').waitFor();
    expect(await again.getByLabel('发出选票').inputValue()).toBe('20');
    await again.getByRole('button', { name: '登记发票' }).click();
    await confirm(page, '登记发出选票 20 张？', '确认发票');
    await again.getByText('投票中').waitFor();
    await app.screenshot('issuance');

    // The report sheet, previewed and saved as PDF.
    await settled(page);
    await one.getByRole('button', { name: '分发/收回选票情况报告单' }).click();
    const sheet = page.getByRole('dialog', { name: /分发、收回选票情况报告单/ });
    const preview = sheet.frameLocator('[data-testid="sheet-preview"]');
    await preview.getByText('总监票人向大会报告').waitFor();
    const save = sheet.getByRole('button', { name: '保存为 PDF 打印' });
    await save.waitFor();
    expect(await save.isEnabled()).toBe(true);
    await app.screenshot('issuance-sheet');
    const download = page.waitForEvent('download');
    await save.click();
    const saved = await download;
    const dir = mkdtempSync(join(tmpdir(), 'ct-sheet-'));
    try {
      const file = join(dir, saved.suggestedFilename());
      await saved.saveAs(file);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const words = text.replace(/\s+/g, '');
      expect(words).toContain('分发、收回选票情况报告单');
      expect(words).toContain('应到会有选举权人数20人');
      expect(words).toContain('实到会有选举权人数17人');
      expect(words).toContain('收回选票17张，等于发出的17张，可以进行计票');
      expect(words).toContain('总监票人（签名）');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const rounds = app.query<{ r: string }>(
      `SELECT group_concat(election_id || ':' || state || ':' || coalesce(present, '-') || ':' ||
         coalesce(issued, '-') || ':' || coalesce(returned, '-'), ' ') AS r
       FROM (SELECT * FROM round ORDER BY id)`,
    );
    expect(rounds?.r).toBe(
      `${first.electionId}:counting:17:17:17 ${second.electionId}:void:20:21:22 ${second.electionId}:voting:20:20:-`,
    );
    const actions = app.query<{ a: string }>(
      `SELECT group_concat(action, ' ') AS a FROM (SELECT action FROM audit
       WHERE action IN ('round.issue', 'round.return', 'round.void', 'round.revote') ORDER BY seq)`,
    );
    expect(actions?.a).toBe(
      'round.issue round.issue round.return round.return round.void round.revote round.issue',
    );
    expect(app.pageErrors.slice(logged)).toEqual([]);
  });

  it('shows a teller what was recorded, without the forms', async () => {
    const { adminToken } = await seedPeople(app, [{ name: '刘计票', role: 'teller', pin: '1357' }]);
    const { congressId } = await seedCongress(app, adminToken, 5);
    await printedElection(app, adminToken, congressId, committee);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '刘计票', '1357');
    // Only what this page logs counts here: the set-up page, passed on the way, is not ours.
    const logged = app.pageErrors.length;
    await page.keyboard.press('Alt+3');
    await page.getByText('发出、收回选票由监票人或总监票人登记').waitFor();
    await page.getByText('选票已印制，等待监票人登记发出的选票').waitFor();
    expect(await page.getByRole('button', { name: '登记发票' }).count()).toBe(0);
    // The meeting is not valid yet: nobody has checked in.
    await page
      .getByTestId('validity')
      .getByText('实到 0 < 应到 5 的五分之四 4，不符合选举要求（至少需 4 人）')
      .waitFor();
    expect(app.pageErrors.slice(logged)).toEqual([]);
  });

  it('corrects the ballots returned with a reason, and asks before a correction voids the round', async () => {
    const { adminToken, ids: people } = await seedPeople(app, [
      { name: '李监票', role: 'scrutineer', pin: '2468' },
    ]);
    const { congressId, ids } = await seedCongress(app, adminToken, 10);
    for (const delegateId of ids) {
      await app.api('checkin.checkIn', { delegateId, via: 'card' }, adminToken);
    }
    const { roundId } = await printedElection(app, adminToken, congressId, committee);
    const scrutineer = await tokenOf(app, people['李监票'] ?? 0, '2468');
    await app.api('issuance.issue', { roundId, issued: 10 }, scrutineer);
    const back = await app.api('issuance.return', { roundId, returned: 10 }, scrutineer);
    expect(back.ok).toBe(true);

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '李监票', '2468');
    await page.keyboard.press('Alt+3');
    const round = roundOf(page, committee, '第 1 轮（正式选举）');
    await round.getByRole('button', { name: '更正张数' }).click();
    const dialog = page.getByRole('dialog', { name: '更正发出、收回选票张数' });
    await dialog.waitFor();
    await settled(page);
    // No reason: said beside the field, and nothing changes.
    await dialog.getByLabel('收回选票（张）').fill('9');
    await dialog.getByRole('button', { name: '确认更正' }).click();
    await dialog.getByText('请填写更正原因').waitFor();
    expect(
      app.query<{ returned: number }>(`SELECT returned FROM round WHERE id = ${roundId}`),
    ).toEqual({ returned: 10 });
    await dialog.getByLabel('更正原因').fill('收回张数误录，两名监票人复点为 9 张');
    await dialog.getByRole('button', { name: '确认更正' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await round.getByTestId('round-facts').getByText('未收回').waitFor();
    const row = app.query<{ payload: string }>(
      "SELECT payload FROM audit WHERE action = 'round.correctCounts'",
    );
    expect(JSON.parse(row?.payload ?? '{}')).toMatchObject({
      before: { issued: 10, returned: 10 },
      after: { issued: 10, returned: 9 },
      reason: '收回张数误录，两名监票人复点为 9 张',
    });

    // 发出 corrected below 收回: the dialog explains the rule before the round is voided.
    await round.getByRole('button', { name: '更正张数' }).click();
    await dialog.waitFor();
    await settled(page);
    await dialog.getByLabel('发出选票（张）').fill('8');
    await dialog.getByLabel('更正原因').fill('发出张数误录');
    await dialog.getByRole('button', { name: '确认更正' }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '更正后收回的选票多于发出的选票' });
    await ask.getByText('按规定').waitFor();
    await app.screenshot('issuance-correct-void');
    await confirm(page, '更正后收回的选票多于发出的选票', '确认：本轮作废，重新选举');
    await round.getByText('本轮选举无效，须重新选举').waitFor();
    expect(app.query<{ state: string }>(`SELECT state FROM round WHERE id = ${roundId}`)).toEqual({
      state: 'void',
    });
  });
});
