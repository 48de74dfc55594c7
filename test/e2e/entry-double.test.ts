import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenOf } from './day-fixture';
import { chooseElection, press, saved, seedDay } from './entry-fixture';
import { signedIn, startApp, type AppUnderTest } from './harness';

describe('录入', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
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
