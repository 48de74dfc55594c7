import { describe, expect, it } from 'vitest';
import { header, parse, parseOk, xlsxFile } from './files';

describe('roster XLSX', () => {
  it('reads date cells, numbers, rich text, formula results and hyperlinks', async () => {
    const bytes = await xlsxFile('cells.xlsx', (sheet) => {
      sheet.addRow(header);
      sheet.addRow([
        1,
        '张三',
        '男',
        '汉族',
        new Date(Date.UTC(1980, 4, 6)),
        '大学',
        '一线',
        '第一支部',
        2025001,
        '是',
      ]);
      sheet.addRow([
        2,
        { richText: [{ text: '李', font: { bold: true } }, { text: '四' }] },
        '女',
        '壮',
        198005,
        '大专',
        '一线',
        { formula: 'A1&""', result: '第二支部' },
        { formula: '2025000+2', result: 2025002 },
        1,
      ]);
      sheet.addRow([
        3,
        { text: '王五', hyperlink: 'mailto:w@example.cn' },
        '男',
        '汉族',
        29347,
        '',
        '',
        '第二支部',
        'A-003',
        'N',
      ]);
      sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
    });
    const roster = await parseOk(bytes, 'cells.xlsx');
    expect(roster.format).toBe('xlsx');
    expect(roster.encoding).toBeNull();
    expect(roster.rows).toEqual([
      expect.objectContaining({
        line: 2,
        name: '张三',
        birthDate: '1980-05-06',
        cardNo: '2025001',
      }),
      expect.objectContaining({
        line: 3,
        name: '李四',
        ethnicity: '壮族',
        birthDate: '1980-05-01',
        unit: '第二支部',
        cardNo: '2025002',
        hasVote: true,
      }),
      expect.objectContaining({
        line: 4,
        name: '王五',
        birthDate: '1980-05-06',
        cardNo: 'A-003',
        hasVote: false,
      }),
    ]);
    expect(roster.notes).toContain('有 1 行的出生日期只写到月，按当月 1 日计算年龄。');
  });

  it('reads a unit merged down its rows for every delegate under it, below a title row', async () => {
    const bytes = await xlsxFile('merged.xlsx', (sheet) => {
      sheet.addRow(['东湖镇第十六次党代会代表名册']);
      sheet.mergeCells('A1:D1');
      sheet.addRow(['选举单位', '姓名', '代表证号', '出生日期']);
      sheet.addRow(['镇机关党委', '张三', '001', new Date(Date.UTC(1990, 0, 31))]);
      sheet.addRow([null, '李四', '002', null]);
      sheet.addRow([null, '王五', '003', null]);
      sheet.mergeCells('A3:A5');
      sheet.addRow(['东湖村党总支', '赵六', '004', null]);
    });
    const roster = await parseOk(bytes, 'merged.xlsx');
    expect(roster.headerLine).toBe(2);
    expect(roster.rows.map((r) => [r.line, r.name, r.unit])).toEqual([
      [3, '张三', '镇机关党委'],
      [4, '李四', '镇机关党委'],
      [5, '王五', '镇机关党委'],
      [6, '赵六', '东湖村党总支'],
    ]);
    expect(roster.rows[0]?.birthDate).toBe('1990-01-31');
  });

  it('reads the first visible worksheet, not a hidden one before it', async () => {
    const bytes = await xlsxFile('hidden.xlsx', (sheet, workbook) => {
      sheet.addRow(['旧数据']);
      sheet.state = 'hidden';
      const visible = workbook.addWorksheet('名册');
      visible.addRow(['姓名', '代表证号']);
      visible.addRow(['张三', '001']);
    });
    const roster = await parseOk(bytes, 'hidden.xlsx');
    expect(roster.rows.map((r) => r.name)).toEqual(['张三']);
  });

  it('refuses a damaged workbook with the file named', async () => {
    const good = await xlsxFile('good.xlsx', (sheet) => sheet.addRow(['姓名', '代表证号']));
    const damaged = good.slice(0, Math.floor(good.length / 2));
    const result = await parse(damaged, '名册.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('malformed');
    expect(result.error.message).toContain('名册.xlsx');
  });
});
