import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store';
import { tallyRound, type Ballot } from '../../shared/tally';
import { seeded } from '../unit/db/fixtures';
import { nineOfEleven, seedCountingRound, seedRoster } from '../unit/entry/seed';
import { tokenOf } from './day-fixture';
import { root, seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

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

async function press(page: Page, keys: readonly string[]) {
  for (const key of keys) await page.keyboard.press(key === ' ' ? 'Space' : key);
}

async function saved(page: Page, seq: number) {
  await page
    .getByTestId('last-saved')
    .filter({ hasText: `第 ${seq} 张` })
    .waitFor();
}

/** The people of the day: two tellers, a 监票人, the 总监票人; and a round being counted. */
async function seedDay(app: AppUnderTest) {
  const { ids } = await seedPeople(app, [
    { name: '张计票', role: 'teller', pin: '1357' },
    { name: '李计票', role: 'teller', pin: '2468' },
    { name: '赵监票', role: 'scrutineer', pin: '3579' },
    { name: '钱总监', role: 'chief-scrutineer', pin: '4680' },
  ]);
  const store = openStore(app.db);
  try {
    const committee = seedCountingRound(store, { returned: 50, issued: 52 });
    const discipline = seedCountingRound(store, {
      congressId: committee.congress.id,
      title: '选举中国共产党东湖镇纪律检查委员会委员',
      office: 'discipline',
      candidates: ['马力', '王强', '方明', '孙丽', '杨帆'],
      seats: 4,
      returned: 6,
      issued: 52,
      doubleEntry: true,
      writeInBlanks: 2,
    });
    seedRoster(store, committee.congress.id, ['周涛', '欧阳明', '张三', '王芳']);
    return { ids, committee, discipline };
  } finally {
    store.close();
  }
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

  it('compares a box entered twice, settles its three differences, and only then tallies', async () => {
    const { ids, discipline } = await seedDay(app);
    const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '3579');
    const tellerA = await tokenOf(app, ids['张计票'] ?? 0, '1357');
    const created = await app.api(
      'entry.createBox',
      { roundId: discipline.round.id, label: '1号箱', expected: 6 },
      scrutineer,
    );
    if (!created.ok) throw new Error(created.error.message);
    const boxId = created.value.id;
    const first = ['OOOO-', 'OOXO-', 'XXXXX', 'OO-OO', 'O?OO-', 'OOO--'];
    expect(await app.api('entry.open', { boxId }, tellerA)).toMatchObject({ ok: true });
    for (const [i, marks] of first.entries()) {
      const ballot = { marks, writeIns: [], declaredInvalid: null };
      const done = await app.api('entry.commit', { boxId, seq: i + 1, ballot }, tellerA);
      expect(done.ok).toBe(true);
    }
    expect(await app.api('entry.finishPass', { boxId }, tellerA)).toMatchObject({ ok: true });

    // The second teller, on their own PIN, enters the same six papers by keyboard.
    const second = await app.context.newPage();
    await second.goto(app.served.url);
    await signedIn(second, '李计票', '2468');
    await second.keyboard.press('Alt+4');
    await chooseElection(second, '纪律检查委员会');
    await second
      .getByRole('button', { name: '第二遍录入：1号箱' })
      .and(second.locator(':focus'))
      .waitFor();
    await second.keyboard.press('Enter');
    await second.getByText('第二遍录入（双人录入，两遍互不可见）').waitFor();
    const secondKeys = [
      ['1', '1', '1', '1', '3', 'Enter'],
      ['1', '1', '1', '1', '3', 'Enter'], // differs: the first teller read × for the third
      ['2', '2', '2', '2', '2', 'Enter'],
      ['1', '1', '1', '1', '1', 'Enter', 'Enter'], // differs: read as five ○, an over-vote
      ['1', '4', '1', '1', '3', 'Enter'],
      ['1', '1', '1', '3', '3', 'w', 'z', 't'], // differs: a write-in the first teller missed
    ];
    for (const [i, keys] of secondKeys.entries()) {
      await press(second, keys);
      if (i === 5) {
        await second.locator('.writein-matches li.active', { hasText: '周涛' }).waitFor();
        await press(second, ['Enter', '1', 'Enter']);
      }
      await saved(second, i + 1);
    }
    await second.getByText('已全部录入').waitFor();
    await press(second, ['Enter']);
    await second.getByText('票箱“1号箱”第二遍录入完成，共 6 张').waitFor();
    await second.close();

    // The 总监票人 cannot tally yet; the comparison lists exactly the three differences.
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '钱总监', '4680');
    await page.keyboard.press('Alt+4');
    await chooseElection(page, '纪律检查委员会');
    await page
      .getByTestId('finish-blockers')
      .filter({ hasText: '票箱“1号箱”两遍录入已完成，正在核对' })
      .waitFor();
    expect(await page.getByRole('button', { name: '完成录入，进入计票' }).isDisabled()).toBe(true);
    await app.screenshot('entry-boxes');
    const early = await app.api('entry.finish', { roundId: discipline.round.id }, scrutineer);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-state' } });

    await page.getByRole('button', { name: '核对差异' }).click();
    await page.getByRole('heading', { name: '核对票箱“1号箱”的两遍录入' }).waitFor();
    const cards = page.locator('.difference-card');
    expect(await cards.count()).toBe(3);
    expect(await cards.locator('.ant-card-head-title').allTextContents()).toEqual([
      '第 2 张待核对',
      '第 4 张待核对',
      '第 6 张待核对',
    ]);
    await app.screenshot('reconcile');

    await page.getByTestId('difference-2').getByRole('button', { name: '以第二遍为准' }).click();
    await page.getByTestId('difference-2').getByText('已认定').waitFor();
    await page.getByTestId('difference-4').getByRole('button', { name: '以第一遍为准' }).click();
    await page.getByTestId('difference-4').getByText('已认定').waitFor();
    // The paper of seq 6 has 周涛 written without a ○: neither teller had it right.
    await page.getByTestId('difference-6').getByRole('button', { name: '按原票另录…' }).click();
    const dialog = page.getByRole('dialog', { name: '按原票录入第 6 张' });
    await dialog.getByLabel('按原票录入正确内容').focus();
    await press(page, ['1', '1', '1', '3', '3', 'w', 'z', 't']);
    await page.locator('.writein-matches li.active', { hasText: '周涛' }).waitFor();
    await press(page, ['Enter', '3']);
    await dialog.getByTestId('editor-verdict').filter({ hasText: '有效票，赞成 3 人' }).waitFor();
    await dialog.getByLabel('核对说明').fill('原票另选周涛，其上未画○');
    await app.screenshot('reconcile-other');
    await dialog.getByRole('button', { name: '按此认定' }).click();
    await page.getByText('已核对完毕：3 处不一致均已按原票认定，本票箱计入计票').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await app.screenshot('reconciled');

    await page.getByRole('button', { name: '返回票箱列表' }).click();
    const finish = page.getByRole('button', { name: '完成录入，进入计票' });
    await finish.and(page.locator(':enabled')).waitFor();
    await finish.click();
    await page.getByText('录入已完成，本轮进入计票结果').waitFor();
    expect(
      app.query<{ state: string }>(`SELECT state FROM round WHERE id = ${discipline.round.id}`),
    ).toEqual({
      state: 'counted',
    });

    const counted = app.query<{ rows: string }>(
      `SELECT json_group_array(json_object('seq', seq, 'marks', marks, 'w', w, 'm', m)) AS rows
       FROM (SELECT b.seq, b.marks, w.name AS w, w.mark AS m
             FROM ballot b JOIN entry_pass p ON p.id = b.pass_id AND p.pass = 1
             LEFT JOIN ballot_write_in w ON w.ballot_id = b.id
             WHERE b.voided_reason IS NULL AND p.box_id = ${boxId} ORDER BY b.seq)`,
    );
    expect(JSON.parse(counted?.rows ?? '[]')).toEqual([
      { seq: 1, marks: 'OOOO-', w: null, m: null },
      { seq: 2, marks: 'OOOO-', w: null, m: null },
      { seq: 3, marks: 'XXXXX', w: null, m: null },
      { seq: 4, marks: 'OO-OO', w: null, m: null },
      { seq: 5, marks: 'O?OO-', w: null, m: null },
      { seq: 6, marks: 'OOO--', w: '周涛', m: '-' },
    ]);
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

/** Picks the election in the header (the first one is chosen by default). */
async function chooseElection(page: Page, words: string) {
  await page.getByRole('heading', { name: '4. 录入' }).waitFor();
  await page.getByLabel('当前选举事项').click();
  const option = page.locator('.ant-select-item-option', { hasText: words });
  await option.click();
  await option.waitFor({ state: 'hidden' });
  await page.locator('.boxes-panel .ant-card-head-title', { hasText: words }).waitFor();
}
