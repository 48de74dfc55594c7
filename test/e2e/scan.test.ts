import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenOf } from './day-fixture';
import { signedIn, startApp, type AppUnderTest } from './harness';
import { keyFor, markedPapers, seedScanDay as seedDay, type Paper } from './scan-fixture';

/** The marks of the box's live ballots of a pass, in pass order. */
function storedMarks(app: AppUnderTest, pass: 1 | 2): string[] {
  const row = app.query<{ rows: string }>(
    `SELECT json_group_array(marks) AS rows FROM (
       SELECT b.marks FROM ballot b JOIN entry_pass p ON p.id = b.pass_id
       WHERE p.pass = ${pass} AND b.voided_reason IS NULL ORDER BY b.seq)`,
  );
  return JSON.parse(row?.rows ?? '[]') as string[];
}

/**
 * Settles the sheet on screen as the paper shows it: a key for each doubtful cell, then Enter,
 * and Enter again when the desk asks to confirm a warning (超选, writing in a name cell).
 */
async function settleSheet(page: Page, paper: Paper, seq: number): Promise<void> {
  // The teller looks at the image first: the reading is drawn on it once it is loaded.
  await page.getByTestId('sheet-image').waitFor();
  const doubtful = await page
    .locator('[data-testid="sheet-image"] polygon.doubtful')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-candidate'))));
  for (const candidate of doubtful.sort((a, b) => a - b)) {
    await page.keyboard.press(keyFor[paper.marks[candidate] ?? '?'] ?? '4');
  }
  await page.keyboard.press('Enter');
  const saved = page.getByTestId('last-saved').filter({ hasText: `第 ${seq} 张` });
  const armed = page.getByRole('alert').filter({ hasText: '再按 Enter 确认录入' });
  await saved.or(armed).waitFor();
  if (await armed.isVisible()) {
    await page.keyboard.press('Enter');
    await saved.waitFor();
  }
}

describe('扫描录入', () => {
  let app: AppUnderTest;
  let folder: string;
  beforeEach(async () => {
    app = await startApp();
    folder = mkdtempSync(join(tmpdir(), 'ct-scanner-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  // Sixty sheets decoded, read and confirmed one by one: minutes on a busy machine.
  it(
    'reads a box of 60 scanned sheets from the watched folder, the teller settling every doubt',
    { timeout: 600_000 },
    async () => {
      const { adminToken, roundId } = await seedDay(app, 60);
      const papers = await markedPapers(app, adminToken, roundId, 60);
      const { page } = app;
      await page.goto(app.served.url);
      await signedIn(page, '张计票', '1357');
      await page.keyboard.press('Alt+4');
      await page.getByRole('button', { name: '扫描录入：1号箱' }).click();
      await page.getByLabel('扫描文件夹').fill(folder);
      await page.getByRole('button', { name: '监视文件夹' }).click();
      await page.getByTestId('watch-status').waitFor();

      // The scanner's software writes each file under a temporary name, then renames it.
      papers.forEach((paper, i) => {
        const name = `扫描${String(i + 1).padStart(4, '0')}.jpg`;
        writeFileSync(join(folder, `${name}.part`), paper.bytes);
        renameSync(join(folder, `${name}.part`), join(folder, name));
      });
      await page.getByTestId('watch-status').filter({ hasText: '已读入 60 个文件' }).waitFor({
        timeout: 240_000,
      });
      await page.getByTestId('scan-desk').focus();
      await page.getByTestId('current-seq').filter({ hasText: '录入为第 1 张' }).waitFor();
      await app.screenshot('scan-desk');

      let thumbnailsUsed = false;
      for (let seq = 1; seq <= 60;) {
        await page
          .getByTestId('current-seq')
          .filter({ hasText: `录入为第 ${seq} 张` })
          .waitFor();
        if (await page.getByText('按 T 整页核对').isVisible()) {
          await page.keyboard.press('t');
          const dialog = page.getByRole('dialog', { name: '整页核对机器识别的选票' });
          await dialog.waitFor();
          const shown = await dialog.getByTestId('thumbnail').count();
          const confirm = dialog.getByRole('button', { name: `确认这 ${shown} 张（Enter）` });
          await confirm.and(page.locator(':enabled')).waitFor();
          if (!thumbnailsUsed) await app.screenshot('scan-thumbnails');
          thumbnailsUsed = true;
          await page.keyboard.press('Enter');
          await dialog.waitFor({ state: 'detached' });
          seq += shown;
          continue;
        }
        const paper = papers[seq - 1];
        if (!paper) throw new Error(`no paper ${seq}`);
        if (seq <= 12 && (await page.locator('polygon.doubtful').count()) > 0) {
          await app.screenshot('scan-review');
        }
        await settleSheet(page, paper, seq);
        seq += 1;
      }
      expect(thumbnailsUsed).toBe(true);
      await page.getByText('本票箱已全部录入').waitFor();
      expect(await page.getByTestId('box-progress').textContent()).toContain('60 / 60 张');
      expect(storedMarks(app, 1)).toEqual(papers.map((p) => p.marks));
      expect(
        app.query<{ n: number }>(
          `SELECT count(*) AS n FROM audit WHERE action = 'ballot.scan-confirm'`,
        )?.n,
      ).toBe(60);
      await page.keyboard.press('Enter');
      await page.getByText('票箱“1号箱”第一遍扫描录入完成，共 60 张').waitFor();
      expect(app.pageErrors).toEqual([]);
    },
  );

  it('reconciles a scanned pass against a keyed pass, the image beside each of three differences', async () => {
    const { adminToken, ids, roundId, boxId } = await seedDay(app, 8, true);
    const papers = await markedPapers(app, adminToken, roundId, 8);
    const tellerA = await tokenOf(app, ids['张计票'] ?? 0, '1357');
    const tellerB = await tokenOf(app, ids['李计票'] ?? 0, '2468');

    // Pass 1 scanned: every sheet confirmed as the paper shows it.
    await app.api('entry.open', { boxId }, tellerA);
    const intake = await app.api(
      'scan.submitFiles',
      {
        boxId,
        files: papers.map((p, i) => ({
          name: `${i + 1}.jpg`,
          content: p.bytes.toString('base64'),
        })),
      },
      tellerA,
    );
    if (!intake.ok) throw new Error(intake.error.message);
    for (const [i, sheet] of intake.value.sheets.entries()) {
      const marks = papers[i]?.marks.replaceAll('?', '-') ?? '';
      const confirmed = await app.api(
        'scan.confirm',
        { sheetId: sheet.id, ballot: { marks, writeIns: [], declaredInvalid: null } },
        tellerA,
      );
      if (!confirmed.ok) throw new Error(confirmed.error.message);
    }
    expect((await app.api('entry.finishPass', { boxId }, tellerA)).ok).toBe(true);

    // Pass 2 keyed, with three planted slips.
    const slipped = new Map([
      [2, 0],
      [5, 4],
      [7, 10],
    ]);
    await app.api('entry.open', { boxId }, tellerB);
    for (const [i, paper] of papers.entries()) {
      const marks = [...paper.marks.replaceAll('?', '-')];
      const at = slipped.get(i + 1);
      if (at !== undefined) marks[at] = marks[at] === 'O' ? 'X' : 'O';
      const committed = await app.api(
        'entry.commit',
        {
          boxId,
          seq: i + 1,
          ballot: { marks: marks.join(''), writeIns: [], declaredInvalid: null },
        },
        tellerB,
      );
      if (!committed.ok) throw new Error(committed.error.message);
    }
    expect((await app.api('entry.finishPass', { boxId }, tellerB)).ok).toBe(true);

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '赵监票', '3579');
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: /核对/ }).first().click();
    for (const seq of slipped.keys()) {
      const card = page.getByTestId(`difference-${seq}`);
      await card.getByTestId(`scanned-paper-${seq}`).locator('img').waitFor();
      await card.getByRole('button', { name: '以第一遍为准' }).click();
      await card.getByText('已认定').waitFor();
    }
    expect(await page.locator('[data-testid^="difference-"]').count()).toBe(3);
    await app.screenshot('scan-reconcile');
    expect(app.pageErrors).toEqual([]);
  });
});
