import { describe, expect, it } from 'vitest';
import { csvText, gbkCsv, parseOk, utf8Csv } from './files';

const columns = ['姓名', '性别', '出生日期', '选举单位', '代表证号', '选举权'];

async function problemsOf(rows: string[][]) {
  const roster = await parseOk(gbkCsv('problems.csv', [columns, ...rows]), 'problems.csv');
  return roster;
}

describe('roster row problems', () => {
  it('names the Excel line, the column header and the reason for each problem', async () => {
    const roster = await problemsOf([
      ['张三', '男', '1980-05-06', '第一支部', '001', '是'],
      ['', '女', '1981-01-01', '第一支部', '002', '是'],
      ['李四', '男的', '1980-02-30', '第一支部', '003', '是'],
      ['王五', 'F', '2030-01-01', '第二支部', '004', '也许'],
      ['赵六', '女性', '2012-06-01', '第二支部', '', '有'],
      ['钱七', 'M', '1980.1', '第二支部', '2.02501E+11', '无'],
    ]);
    expect(roster.problems).toEqual([
      { line: 3, column: '姓名', reason: '姓名为空', severity: 'error' },
      {
        line: 4,
        column: '性别',
        reason: '无法识别性别“男的”（应为 男 或 女），未导入性别',
        severity: 'warning',
      },
      {
        line: 4,
        column: '出生日期',
        reason: '出生日期“1980-02-30”不是有效日期',
        severity: 'warning',
      },
      {
        line: 5,
        column: '出生日期',
        reason: '出生日期 2030-01-01 晚于大会日期 2025-06-18，未导入',
        severity: 'warning',
      },
      {
        line: 5,
        column: '选举权',
        reason: '无法识别选举权“也许”（应为 是/否、有/无、Y/N 或 1/0）',
        severity: 'error',
      },
      {
        line: 6,
        column: '出生日期',
        reason: '按大会日期计算未满 18 周岁（13 岁），请核实出生日期',
        severity: 'warning',
      },
      { line: 6, column: '代表证号', reason: '代表证号为空', severity: 'error' },
      {
        line: 7,
        column: '出生日期',
        reason:
          '出生年月“1980.1”无法确定是 1 月还是 10 月（Excel 会把 1980.10 显示为 1980.1），请改为 1980.01 或 1980.10',
        severity: 'warning',
      },
      {
        line: 7,
        column: '代表证号',
        reason:
          '代表证号“2.02501E+11”是科学计数法，Excel 已丢失号码的后几位：请将该列设为文本格式后重新填写',
        severity: 'error',
      },
    ]);
    expect(roster.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(roster.skipped).toBe(4);
    expect(roster.rows[1]).toMatchObject({ name: '李四', gender: null, birthDate: null });
  });

  it('rejects every line sharing a card number, and warns of a repeated name in one unit', async () => {
    const roster = await problemsOf([
      ['张三', '男', '', '第一支部', '001', ''],
      ['李四', '男', '', '第一支部', '002', ''],
      ['张三', '男', '', '第二支部', '003', ''],
      ['张三', '女', '', '第一支部', '004', ''],
      ['王五', '男', '', '第二支部', '002', ''],
    ]);
    expect(roster.problems).toEqual([
      {
        line: 3,
        column: '代表证号',
        reason: '代表证号“002”在第 3、6 行重复出现',
        severity: 'error',
      },
      {
        line: 5,
        column: '姓名',
        reason: '与第 2 行同名且同在“第一支部”，请核实是否重复录入',
        severity: 'warning',
      },
      {
        line: 6,
        column: '代表证号',
        reason: '代表证号“002”在第 3、6 行重复出现',
        severity: 'error',
      },
    ]);
    expect(roster.rows.map((r) => r.cardNo)).toEqual(['001', '003', '004']);
  });

  it('rejects over-long fields and card numbers a barcode cannot carry', async () => {
    const roster = await problemsOf([
      ['张三', '男', '', '第一支部'.repeat(30), '001', ''],
      ['李四', '男', '', '第一支部', '代001', ''],
      ['王五', '男', '', '第一支部', '1234567890123456789012', ''],
    ]);
    expect(roster.problems).toEqual([
      {
        line: 2,
        column: '选举单位',
        reason: '内容过长（120 个字符，最多 100 个），请检查是否填错了列',
        severity: 'error',
      },
      {
        line: 3,
        column: '代表证号',
        reason: '代表证号“代001”含有字母、数字和常用符号以外的字符，无法打印成条码',
        severity: 'error',
      },
      {
        line: 4,
        column: '代表证号',
        reason: '内容过长（22 个字符，最多 20 个），请检查是否填错了列',
        severity: 'error',
      },
    ]);
    expect(roster.rows).toEqual([]);
  });

  it('accepts the voting-right spellings and defaults an empty cell or missing column to 有', async () => {
    const rows = ['是', '否', '有', '无', 'Y', 'n', '1', '0', ''].map((v, i) => [
      `代表${i}`,
      '',
      '',
      '',
      String(i),
      v,
    ]);
    const roster = await problemsOf(rows);
    expect(roster.rows.map((r) => r.hasVote)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(roster.notes).toContain('有 1 行的选举权为空，按有选举权导入。');
    const noColumn = await parseOk(
      utf8Csv(
        'novote.csv',
        csvText([
          ['姓名', '代表证号'],
          ['张三', '1'],
        ]),
      ),
      'novote.csv',
    );
    expect(noColumn.rows[0]?.hasVote).toBe(true);
    expect(noColumn.notes).toContain('文件中没有“是否有选举权”列，全部代表按有选举权导入。');
  });

  it('skips blank lines and unused numbered template lines without a problem', async () => {
    const text = '序号,姓名,代表证号\r\n1,张三,001\r\n,,\r\n\r\n2,,\r\n3,李四,002\r\n';
    const roster = await parseOk(utf8Csv('blank.csv', text), 'blank.csv');
    expect(roster.rows.map((r) => [r.line, r.name])).toEqual([
      [2, '张三'],
      [6, '李四'],
    ]);
    expect(roster.problems).toEqual([]);
  });

  it('lists the columns it leaves out, and prefers 选举单位 over 所在单位', async () => {
    const text =
      '序号,姓名,所在单位,选举单位,职务,代表证号\n1,张三,东湖村委会,东湖村党总支,主任,001\n';
    const roster = await parseOk(utf8Csv('extra.csv', text), 'extra.csv');
    expect(roster.rows[0]?.unit).toBe('东湖村党总支');
    expect(roster.columns.map((c) => c.field)).toEqual([
      null,
      'name',
      null,
      'unit',
      null,
      'cardNo',
    ]);
    expect(roster.notes).toContain('以下列不导入：“所在单位”、“职务”。');
  });

  it('shows every data line in the preview, with its status and reasons', async () => {
    const roster = await problemsOf([
      ['张三', '男', '1980.05', '第一支部', '001', ''],
      ['', '女', '', '第一支部', '002', '否'],
    ]);
    expect(roster.preview.headers).toEqual(columns);
    expect(roster.preview.rows).toEqual([
      {
        line: 2,
        cells: ['张三', '男', '1980-05', '第一支部', '001', '有'],
        status: 'ok',
        reasons: [],
        row: roster.rows[0],
      },
      {
        line: 3,
        cells: ['', '女', '', '第一支部', '002', '无'],
        status: 'error',
        reasons: ['姓名：姓名为空'],
        row: {
          line: 3,
          name: '',
          gender: '女',
          ethnicity: '',
          birthDate: null,
          education: '',
          category: '',
          unit: '第一支部',
          cardNo: '002',
          hasVote: false,
          remark: '',
        },
      },
    ]);
    expect(roster.rows[0]?.birthDate).toBe('1980-05-01');
  });
});
