import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tallyRound, type Ballot } from '../../shared/tally';
import { seeded } from '../unit/db/fixtures';
import { nineOfEleven } from '../unit/entry/seed';
import { tokenOf } from './day-fixture';
import { press, saved, seedDay } from './entry-fixture';
import { root, signedIn, startApp, type AppUnderTest } from './harness';

/** One paper ballot of the test: what it says, and the keys a teller presses to enter it. */
interface Paper {
  marks: string;
  writeIns: { name: string; mark: 'O' | '-' }[];
  invalid: string | null;
  keys: string[];
  /** Pinyin initials typed for the write-in, found in the roster. */
  initials?: string;
}

const keysFor: Record<string, string[]> = {
  O: ['1', 'j', ' '],
  X: ['2', 'k'],
  '-': ['3', 'l', '0'],
  '?': ['4', '/'],
};

/** A mark's key, varied the way different tellers' hands vary. */
function keyOf(mark: string, random: () => number): string {
  const choices = keysFor[mark] ?? ['3'];
  return choices[Math.floor(random() * choices.length)] ?? '3';
}

function typed(marks: string, random: () => number): string[] {
  // A run of ○ to the end is often read as “其余全部画圈”: the A key.
  const tail = /O{3,}$/.exec(marks);
  if (tail && random() < 0.4) {
    return [...[...marks.slice(0, tail.index)].map((m) => keyOf(m, random)), 'a'];
  }
  return [...marks].map((m) => keyOf(m, random));
}

/** Fifty ballots of a 9-of-11 round, two write-ins, one over-vote, one declared invalid. */
function fiftyBallots(): Paper[] {
  const random = seeded(20250618);
  const papers: Paper[] = [];
  for (let i = 1; i <= 50; i += 1) {
    let fors = 0;
    const marks = nineOfEleven
      .map(() => {
        const r = random();
        const mark = r < 0.72 ? 'O' : r < 0.86 ? 'X' : r < 0.97 ? '-' : '?';
        if (mark === 'O' && fors >= 8) return 'X';
        if (mark === 'O') fors += 1;
        return mark;
      })
      .join('');
    papers.push({ marks, writeIns: [], invalid: null, keys: typed(marks, random) });
  }
  const writeIn = (at: number, name: string, initials: string) => {
    const paper = papers[at];
    if (paper) Object.assign(paper, { writeIns: [{ name, mark: 'O' }], initials });
  };
  writeIn(6, '周涛', 'zt');
  writeIn(22, '欧阳明', 'oym');
  const overVote = ['1', 'j', ' ', '1', 'j', ' ', '1', 'j', ' ', '1', '2'];
  papers[30] = { marks: 'OOOOOOOOOOX', writeIns: [], invalid: null, keys: overVote };
  papers[39] = { marks: '-----------', writeIns: [], invalid: '无法辨认', keys: ['f', '1'] };
  return papers;
}

function engineBallots(papers: readonly Paper[]): (Ballot & { n: number })[] {
  return papers.map((p) =>
    p.invalid ? { invalid: true, n: 1 } : { marks: p.marks, writeIns: p.writeIns, n: 1 },
  );
}

describe('录入', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('takes a box of 50 ballots by keyboard alone, and the board shows the engine’s counts', async () => {
    const { ids, committee } = await seedDay(app);
    const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '3579');
    const box = await app.api(
      'entry.createBox',
      { roundId: committee.round.id, label: '1号箱', expected: 50 },
      scrutineer,
    );
    expect(box.ok).toBe(true);
    const papers = fiftyBallots();
    const { page } = app;
    await page.goto(app.served.url);

    // From here on the keyboard only: sign in, go to 录入, open the box, enter fifty ballots.
    await signedIn(page, '张计票', '1357');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { name: '4. 录入' }).waitFor();
    await page
      .getByRole('button', { name: '开始录入：1号箱' })
      .and(page.locator(':focus'))
      .waitFor();
    await page.keyboard.press('Enter');
    const desk = page.getByTestId('entry-desk');
    await desk.and(page.locator(':focus')).waitFor();

    for (const [i, paper] of papers.entries()) {
      const seq = i + 1;
      await page
        .getByTestId('current-seq')
        .filter({ hasText: `第 ${seq} 张` })
        .waitFor();
      if (seq === 7) {
        await press(page, paper.keys.slice(0, 6));
        await app.screenshot('entry-mid-ballot');
        await press(page, paper.keys.slice(6));
      } else {
        await press(page, paper.keys);
      }
      if (paper.initials) {
        await press(page, ['w', ...paper.initials]);
        const match = page.locator('.writein-matches li.active', {
          hasText: paper.writeIns[0]?.name,
        });
        await match.waitFor();
        if (seq === 7) await app.screenshot('entry-write-in');
        await press(page, ['Enter', '1']);
        await page.getByTestId('write-in-1').filter({ hasText: paper.writeIns[0]?.name }).waitFor();
      }
      await press(page, ['Enter']);
      if (seq === 31) {
        const verdict = page.getByTestId('verdict');
        await verdict.filter({ hasText: '再按 Enter 确认保存' }).waitFor();
        expect(await verdict.textContent()).toContain('超选：赞成 10 人，应选 9 人 → 废票');
        expect(await page.getByTestId('for-count').textContent()).toBe('赞成 10 人 / 应选 9 人');
        await app.screenshot('entry-over-vote');
        await press(page, ['Enter']);
      }
      // Ballots 11–15 are typed straight on, without waiting: keys typed during a commit wait.
      if (seq < 11 || seq > 15) await saved(page, seq);
      if (seq === 20) await correctPrevious(page, 19, papers[18]?.keys ?? []);
    }
    await saved(page, 50);
    expect(await page.getByTestId('box-progress').textContent()).toContain('50 / 50 张');
    await page.getByText('已全部录入').waitFor();
    // The bench reads keystroke-to-repaint from these measures: one per repaint after a key. Keys
    // that land in the same frame share one, so the count depends on the machine's load; every
    // ballot typed repaints at least once.
    const measured = await page.evaluate(
      () => performance.getEntriesByName('entry-keystroke').length,
    );
    expect(measured).toBeGreaterThanOrEqual(50);
    await press(page, ['Enter']);
    await page.getByText('票箱“1号箱”第一遍录入完成，共 50 张').waitFor();

    // What was saved is what the papers say, in stack order.
    const stored = app.query<{ rows: string }>(
      `SELECT json_group_array(json_object('marks', marks, 'invalid', invalid_reason)) AS rows
       FROM (SELECT marks, invalid_reason FROM ballot WHERE voided_reason IS NULL ORDER BY pass_id, seq)`,
    );
    const rows = JSON.parse(stored?.rows ?? '[]') as { marks: string; invalid: string | null }[];
    expect(rows.map((r) => (r.invalid === '无法辨认' ? 'invalid' : r.marks))).toEqual(
      papers.map((p) => (p.invalid ? 'invalid' : p.marks)),
    );

    expect(
      app.query<{ reason: string }>(
        `SELECT json_extract(payload, '$.reason') AS reason FROM audit WHERE action = 'ballot.void'`,
      ),
    ).toEqual({ reason: '第5名看错' });

    // The board on the projector against the engine's tally of the test's own ballots.
    const result = tallyRound({
      profile: 'party-grassroots',
      round: 'formal',
      office: 'committee',
      seats: 9,
      candidates: nineOfEleven,
      electorate: { entitled: 52, present: 52 },
      issued: 52,
      returned: 50,
      ballots: engineBallots(papers),
    });
    expect(
      await app.api('entry.project', { roundId: committee.round.id }, scrutineer),
    ).toMatchObject({ ok: true });
    const projector = await app.context.newPage();
    await projector.goto(`${app.served.origin}/#/projector`);
    await projector.getByTestId('tally-board').waitFor();
    for (const r of result.results) {
      const row = projector.getByTestId(`tally-${r.name}`);
      expect(await row.locator('.tally-number').textContent(), r.name).toBe(String(r.for));
    }
    expect(await projector.getByTestId('tally-entered').textContent()).toBe('50');
    const footer = await projector.locator('.tally-footer').textContent();
    expect(footer).toContain(`有效 ${result.ballots.valid} 张`);
    expect(footer).toContain(`无效 ${result.ballots.invalid} 张`);
    expect(result.ballots.invalid).toBe(2);
    expect(await projector.locator('.tally-board').textContent()).not.toMatch(/当选|过半|票数要求/);
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.screenshot({
      path: join(root, 'test-results', 'screenshots', 'tally-board.png'),
    });
    await projector.close();
    expect(app.pageErrors).toEqual([]);
  });
});

/**
 * 查看与更正 by keyboard: R lists the pass, ↑ selects the ballot before the last, V voids it with a
 * reason, and the desk takes its re-entry at the same place.
 */
async function correctPrevious(page: Page, seq: number, keys: readonly string[]) {
  await press(page, ['r']);
  const list = page.getByRole('dialog', { name: '查看与更正' });
  await list.locator('li.selected', { hasText: `第 ${seq + 1} 张` }).waitFor();
  await press(page, ['ArrowUp', 'v']);
  await page.getByLabel('作废原因').and(page.locator(':focus')).waitFor();
  await page.keyboard.type('第5名看错');
  await press(page, ['Enter']);
  await page
    .getByTestId('current-seq')
    .filter({ hasText: `更正：重新录入第 ${seq} 张` })
    .waitFor();
  await press(page, [...keys, 'Enter']);
  await page
    .getByTestId('current-seq')
    .filter({ hasText: `第 ${seq + 2} 张` })
    .waitFor();
  await saved(page, seq);
}
