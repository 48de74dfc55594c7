import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, startApp, type AppUnderTest } from './harness';

const artifacts = join(root, 'test-results', 'setup');

/**
 * The committee's candidates in 姓氏笔画 order, worked out by hand from the strokes:
 * 丁 (2: 横 竖钩) < 卜 (2: 竖 点) < 刁 (2: 横折钩 提) < 于 (3) < 王 (4) < 石 (5: 横 撇 …)
 * < 田 (5: 竖 横折 …) < 白 (5: 撇 竖 …) < 刘 (6) < 李 (7: 横 竖 …) < 吴 (7: 竖 横折 …).
 */
const committee = [
  '丁建国',
  '卜秀英',
  '刁明华',
  '于洋',
  '王芳',
  '石磊',
  '田富',
  '白雪',
  '刘强',
  '李华',
  '吴斌',
];
const others = [
  '马力',
  '方明',
  '朱红',
  '孙伟',
  '何平',
  '张静',
  '陈刚',
  '杨帆',
  '周敏',
  '郑直',
  '赵雷',
  '钱进',
  '冯军',
  '褚亮',
  '卫东',
  '蒋红',
  '沈洁',
  '韩梅',
  '秦川',
  '尤佳',
  '许诺',
  '吕品',
  '施展',
  '金鑫',
  '魏巍',
  '姜山',
  '谢婷',
  '邹凯',
];
const unbreakable = '孙丽'; // the delegate whose card number Excel turned into 2.02501E+11

/** An organisation department's roster as Excel saves it: 40 delegates, one card number spoilt. */
function rosterFile(): Buffer {
  const header = '序号,姓名,性别,民族,出生年月,学历,代表类别,选举单位,代表证号,是否有选举权';
  const units = ['镇机关党委', '东湖村党总支', '西湖村党支部', '镇中心学校党支部'];
  const names = [...committee, ...others];
  const lines = names.map((name, i) => {
    const gender = i % 3 === 0 ? '女' : '男';
    const year = 1965 + (i % 30);
    const unit = units[i % units.length] ?? '';
    const category = i % 4 === 0 ? '领导干部' : '一线';
    return `${i + 1},${name},${gender},汉族,${year}.0${1 + (i % 9)},大学本科,${category},${unit},2025${String(i + 1).padStart(3, '0')},是`;
  });
  lines.push(`40,${unbreakable},女,汉族,1990.05,大专,一线,东湖村党总支,2.02501E+11,是`);
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}

/** The open list of a select or autocomplete (antd also keeps a hidden one for screen readers). */
function openDropdown(page: Page) {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

async function createElection(page: Page, title: string, office: string, seats: number) {
  await page.getByRole('button', { name: '新增选举事项' }).click();
  const dialog = page.getByRole('dialog', { name: '新增选举事项' });
  await dialog.getByLabel('选举事项名称（印在选票上）').fill(title);
  await dialog.getByLabel('选举职务').click();
  await openDropdown(page).getByText(office, { exact: true }).click();
  await dialog.getByLabel('应选人数').fill(String(seats));
  expect(await dialog.getByLabel('另选人空格数').inputValue()).toBe(String(Math.min(seats, 10)));
  await dialog.getByRole('button', { name: '新增' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: title }).waitFor();
}

async function pasteCandidates(page: Page, names: readonly string[]) {
  await page.getByRole('button', { name: '批量添加' }).click();
  const dialog = page.getByRole('dialog', { name: '批量添加候选人' });
  await dialog.getByLabel('候选人名单').fill(names.join('\n'));
  await dialog.getByRole('button', { name: `添加 ${names.length} 名` }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('设置：会前准备', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(artifacts, { recursive: true });
  });
  afterEach(async () => {
    await app.screenshot('setup-final');
    await app.close();
  });

  it('takes a newcomer from an empty database to printed ballots', async () => {
    const { page } = app;
    await page.goto(app.served.url);

    // First run: the administrator.
    await page.getByLabel('管理员姓名').fill('王建国');
    await page.getByLabel('PIN', { exact: true }).fill('246810');
    await page.getByLabel('再次输入 PIN').fill('246810');
    await page.keyboard.press('Enter');
    await page.getByText('第一步：创建大会').waitFor();

    // The congress.
    await page.getByLabel('大会名称').fill('中国共产党东湖镇第十六次代表大会');
    await page.getByLabel('届次').fill('第十六次');
    await page.getByLabel('主办单位').fill('中共东湖镇委员会');
    await page.getByLabel('会议地点').fill('镇政府大礼堂');
    await page.getByLabel('召开日期').fill('2025-06-18');
    await app.screenshot('setup-1-create-congress');
    // Enter in the last field picks the date and submits the form, as in every dialog.
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: '大会信息' }).waitFor();
    await expect
      .poll(() => page.locator('.app-header-context').textContent())
      .toContain('中国共产党东湖镇第十六次代表大会（2025-06-18）');
    await app.screenshot('setup-2-congress');

    // The roster, with one bad row that the report names and the operator fixes.
    await page.getByRole('tab', { name: '代表名册' }).click();
    await page.getByTestId('roster-file').setInputFiles({
      name: '东湖镇党代会代表名册.csv',
      mimeType: 'text/csv',
      buffer: rosterFile(),
    });
    const review = page.getByRole('dialog', { name: '导入名册：东湖镇党代会代表名册.csv' });
    await review.getByText('错误 1 行').waitFor();
    await review.getByText('科学计数法').first().waitFor();
    expect(await review.getByRole('row', { name: /^41/ }).textContent()).toContain('2.02501E+11');
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM delegate')?.n).toBe(0);
    await app.screenshot('setup-3-roster-review');

    await review.getByRole('button', { name: '修正第 41 行' }).click();
    const fix = page.getByRole('dialog', { name: '修正第 41 行' });
    await fix.getByText('科学计数法').waitFor();
    await fix.getByLabel('代表证号').fill('2025040');
    await fix.getByRole('button', { name: '保存修正' }).click();
    await fix.waitFor({ state: 'hidden' });
    await review.getByText('已修正 1 行').waitFor();
    await review.getByText('全部 40 行').click();
    await review.getByRole('row', { name: /^41\s*已修正/ }).waitFor();
    await app.screenshot('setup-3b-roster-fixed');
    await review.getByRole('button', { name: '导入 40 行' }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByText('名册已导入：新增 40 人').waitFor();
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM delegate')?.n).toBe(40);
    expect(
      app.query<{ card: string }>(
        `SELECT card_no AS card FROM delegate WHERE name = '${unbreakable}'`,
      )?.card,
    ).toBe('2025040');
    await app.screenshot('setup-4-roster');

    // The three elections of a township congress.
    await page.getByRole('tab', { name: '选举事项与候选人' }).click();
    await createElection(page, '选举中国共产党东湖镇第十六届委员会委员', '委员', 9);

    // Candidates by keyboard: pinyin initials, Enter picks the delegate from the roster.
    const search = page.getByLabel('添加候选人');
    await search.click();
    await page.keyboard.type('djg');
    await openDropdown(page).getByText('丁建国').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: '丁建国', exact: true }).waitFor();
    // The rest, typed in no particular order, one short of a valid slate.
    await pasteCandidates(page, [
      '吴斌',
      '田富',
      '王芳',
      '李华',
      '白雪',
      '卜秀英',
      '刘强',
      '于洋',
      '石磊',
    ]);
    const refused = '差额不足：应选 9 名至少需要 11 名候选人（差额不少于 20%），现有 10 名';
    await page.getByText(`${refused}，不能印制选票`).waitFor();
    await app.screenshot('setup-5-slate-refused');
    await page.getByRole('tab', { name: '打印' }).click();
    const blockedRow = page.getByRole('row', { name: /第十六届委员会委员/ });
    await blockedRow.getByText(refused).waitFor();
    expect(await blockedRow.getByRole('button', { name: /预览并打印/ }).isDisabled()).toBe(true);

    await page.getByRole('tab', { name: '选举事项与候选人' }).click();
    await page.getByLabel('添加候选人').fill('刁明华');
    await page.getByLabel('候选人备注').fill('镇农业服务中心');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('符合差额要求：应选 9 名，候选人 11 名').waitFor();
    const listed = await page.locator('.candidates tbody tr td:nth-child(2)').allTextContents();
    expect(listed).toEqual(committee);

    await createElection(page, '选举中国共产党东湖镇纪律检查委员会委员', '纪委委员', 5);
    await pasteCandidates(page, ['方明', '朱红', '孙伟', '何平', '张静', '陈刚']);
    await page.getByText('符合差额要求：应选 5 名，候选人 6 名').waitFor();

    await createElection(page, '选举出席中国共产党东湖县第十五次代表大会代表', '代表', 20);
    await pasteCandidates(page, others.slice(0, 24));
    await page.getByText('符合差额要求：应选 20 名，候选人 24 名').waitFor();
    await app.screenshot('setup-6-elections');

    // Print the committee's ballots to PDF.
    await page.getByRole('tab', { name: '打印' }).click();
    await page
      .getByRole('row', { name: /第十六届委员会委员/ })
      .getByRole('button', { name: /预览并打印/ })
      .click();
    const preview = page.getByRole('dialog', { name: /第十六届委员会委员选票/ });
    await preview.frameLocator('iframe').getByText('刁明华').waitFor();
    await app.screenshot('setup-7-ballot-preview');
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '保存为 PDF' }).click();
    const file = join(artifacts, 'committee-ballot.pdf');
    await (await download).saveAs(file);
    await page.getByText('本轮选票已标记为“已印制”').waitFor();

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const positions = committee.map((name) => text.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/应选 9 名\s*候选人 11 名（按姓氏笔画为序）/);
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      file,
      join(artifacts, 'committee-ballot'),
    ]);
    expect(readFileSync(join(artifacts, 'committee-ballot.png')).length).toBeGreaterThan(10_000);
    expect(
      app.query<{ states: string }>(
        "SELECT group_concat(state, ',') AS states FROM (SELECT state FROM round ORDER BY id)",
      )?.states,
    ).toBe('printed,draft,draft');

    // The structure report reads the imported roster.
    await page.getByRole('tab', { name: '代表结构' }).click();
    await page.getByText('共 40 名代表').waitFor();
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.getByRole('button', { name: '保存指标' }).click();
    await page
      .getByText('女代表 14 名，占代表总数 40 名的 35.0%，要求不低于 30%，符合要求。')
      .waitFor();
    await app.screenshot('setup-8-structure');
    expect(app.pageErrors).toEqual([]);
  });
});
