import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { asFile, csvText, gbkCsv, header, parse, sampleRows, utf8Csv, xlsxFile } from './files';

async function failure(bytes: Uint8Array, name: string) {
  const result = await parse(bytes, name);
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}

describe('roster files that cannot be imported', () => {
  it('refuses an empty file, a blank one and a workbook with nothing in it', async () => {
    expect(await failure(asFile('empty.csv', new Uint8Array()), 'empty.csv')).toEqual({
      code: 'empty',
      message: '文件“empty.csv”是空的。',
    });
    expect((await failure(utf8Csv('blank.csv', '\r\n,,,\r\n'), 'blank.csv')).code).toBe('empty');
    const book = await xlsxFile('nothing.xlsx', () => undefined);
    expect((await failure(book, 'nothing.xlsx')).code).toBe('empty');
  });

  it('refuses a file with only the header row', async () => {
    const error = await failure(gbkCsv('header.csv', [header]), 'header.csv');
    expect(error).toEqual({
      code: 'no-data',
      message: '文件“header.csv”只有表头（第 1 行），没有代表数据。',
    });
  });

  it('names a missing required column and the header it found', async () => {
    const rows = [header.filter((h) => h !== '代表证号'), ...sampleRows.map((r) => r.slice(0, 8))];
    const error = await failure(gbkCsv('nocard.csv', rows), 'nocard.csv');
    expect(error.code).toBe('missing-columns');
    expect(error.message).toContain(
      '缺少必需的列：“代表证号”（可用列名：代表证号、代表证编号、证号、代表编号、编号）',
    );
    expect(error.message).toContain('第 1 行的表头是：序号、姓名、性别');
    const noName = await failure(
      utf8Csv('noname.csv', csvText([['名单'], ['张三']])),
      'noname.csv',
    );
    expect(noName.message).toBe('在文件前 10 行中没有找到表头：表头应包含“姓名”和“代表证号”两列。');
  });

  it('refuses a header with the same column twice', async () => {
    const error = await failure(
      utf8Csv('twice.csv', '姓名,代表证号,姓名\n张三,1,李四\n'),
      'twice.csv',
    );
    expect(error).toEqual({
      code: 'duplicate-column',
      message: '第 1 行表头中“姓名”出现了两次（第 A 列和第 C 列），无法确定导入哪一列。',
    });
  });

  it('refuses text in an encoding that is neither UTF-8 nor GBK, instead of importing gibberish', async () => {
    const text = csvText([header, ...sampleRows]);
    for (const encoding of ['big5', 'shift_jis', 'euc-kr']) {
      const error = await failure(
        asFile(`${encoding}.csv`, iconv.encode(text, encoding)),
        `${encoding}.csv`,
      );
      expect(error.code, encoding).toBe('encoding');
      expect(error.message).toContain(`无法识别文件“${encoding}.csv”的文字编码`);
    }
  });

  it('refuses a binary file renamed .csv', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
    ]);
    const error = await failure(asFile('photo.csv', png), 'photo.csv');
    expect(error.code).toBe('binary');
    expect(error.message).toContain('文件“photo.csv”不是文本表格（含有空字节）');
    const noise = new Uint8Array(2048).map((_, i) => (i * 7919) % 32);
    expect((await failure(asFile('noise.csv', noise), 'noise.csv')).code).toBe('binary');
  });

  it('refuses the old .xls format with advice to save as .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await failure(asFile('old.xls', ole), 'old.xls');
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toContain('“另存为” .xlsx 或 CSV');
  });

  it('refuses a quote left open, which would swallow the rest of the file', async () => {
    const error = await failure(
      utf8Csv('open.csv', '姓名,代表证号\n张三,1\n"李四,2\n王五,3\n'),
      'open.csv',
    );
    expect(error).toEqual({
      code: 'malformed',
      message: '第 3 行有一个引号（"）没有配对，文件不完整或格式有误。',
    });
  });
});
