import { describe, expect, it } from 'vitest';
import { encodingLabel } from '../../../core/setup/roster/review';
import { asFile, csvText, gbkCsv, header, parseOk, sampleRows, utf8BomCsv, utf8Csv } from './files';

const expectedFirst = {
  line: 2,
  name: '丁一',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1975-03-01',
  education: '大学本科',
  category: '领导干部',
  unit: '镇机关党委',
  cardNo: '2025001',
  hasVote: true,
  remark: '',
};

describe('roster CSV as Excel saves it', () => {
  it('reads GBK with CRLF, the default "CSV (逗号分隔)" of Excel on Chinese Windows', async () => {
    const roster = await parseOk(gbkCsv('gbk.csv', [header, ...sampleRows]), 'gbk.csv');
    expect(roster.encoding).toBe('gb18030');
    expect(encodingLabel(roster.encoding)).toBe('GBK/GB18030（Excel 的“CSV（逗号分隔）”）');
    expect(roster.format).toBe('csv');
    expect(roster.rows).toHaveLength(3);
    expect(roster.rows[0]).toEqual(expectedFirst);
    expect(roster.rows[2]).toMatchObject({
      line: 4,
      name: '欧阳明华',
      ethnicity: '汉族',
      birthDate: '1969-05-06',
      hasVote: false,
      remark: '留置',
    });
    expect(roster.problems).toEqual([]);
  });

  it('reads UTF-8 with a BOM ("CSV UTF-8") and without one', async () => {
    const bom = await parseOk(utf8BomCsv('bom.csv', [header, ...sampleRows]), 'bom.csv');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.columns[0]?.header).toBe('序号');
    expect(bom.rows[0]).toEqual(expectedFirst);
    const plain = await parseOk(
      utf8Csv('plain.csv', csvText([header, ...sampleRows])),
      'plain.csv',
    );
    expect(plain.encoding).toBe('utf-8');
    expect(plain.rows.map((r) => r.name)).toEqual(['丁一', '王秀英', '欧阳明华']);
  });

  it('reads the UTF-16 tab-separated text of Excel\'s "Unicode 文本"', async () => {
    const text = csvText([header, ...sampleRows], '\t');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const roster = await parseOk(asFile('unicode.txt', bytes), 'unicode.txt');
    expect(roster.encoding).toBe('utf-16le');
    expect(roster.delimiter).toBe('\t');
    expect(roster.rows[1]?.unit).toBe('东湖村党总支');
  });

  it('detects tab and semicolon separators, and keeps commas inside such cells', async () => {
    const rows = [
      ['姓名', '代表证号', '选举单位'],
      ['张三', 'A-01', '一村,二村联合党支部'],
    ];
    const tab = await parseOk(utf8Csv('tab.csv', csvText(rows, '\t')), 'tab.csv');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows[0]?.unit).toBe('一村,二村联合党支部');
    const semi = await parseOk(utf8Csv('semi.csv', 'Name;x\n姓名;代表证号\n张三;7\n'), 'semi.csv');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows[0]).toMatchObject({ line: 3, name: '张三', cardNo: '7' });
  });

  it('follows RFC 4180 quoting: commas, doubled quotes and line breaks inside a cell', async () => {
    const text =
      '姓名,代表证号,选举单位,备注\r\n' +
      '"张三","001","机关,第一支部","说""好""的"\r\n' +
      '李四,002,"东湖村\r\n党总支",\n' +
      '王五,003,西山村,\r' +
      '赵六,004,西山村,';
    const roster = await parseOk(utf8Csv('quoted.csv', text), 'quoted.csv');
    expect(roster.rows.map((r) => [r.line, r.name, r.unit, r.remark])).toEqual([
      [2, '张三', '机关,第一支部', '说"好"的'],
      [3, '李四', '东湖村党总支', ''],
      [4, '王五', '西山村', ''],
      [5, '赵六', '西山村', ''],
    ]);
  });

  it('trims surrounding spaces and the padding of two-character names silently', async () => {
    const text = '姓名,性别,代表证号\n  张\u3000三 ,  女 ,\u3000 003 \n';
    const roster = await parseOk(utf8Csv('spaces.csv', text), 'spaces.csv');
    expect(roster.rows[0]).toMatchObject({ name: '张三', gender: '女', cardNo: '003' });
    expect(roster.problems).toEqual([]);
  });

  it('finds the header under a title and date, and says so', async () => {
    const text = '东湖镇第十六次党代会代表名册,,\n2025年6月,,\n姓名,代表证号,性别\n张三,1,男\n';
    const roster = await parseOk(utf8Csv('title.csv', text), 'title.csv');
    expect(roster.headerLine).toBe(3);
    expect(roster.rows[0]?.line).toBe(4);
    expect(roster.notes).toContain('第 1 至 2 行是标题，表头在第 3 行。');
  });
});
