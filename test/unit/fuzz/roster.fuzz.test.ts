import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../../core/setup/roster/parse';
import type { RosterResult } from '../../../core/setup/roster/types';
import { fuzzRuns, fuzzSeed } from './runs';

/*
 * The roster importer meets whatever an organisation department's computer saved, or whatever
 * file was picked by mistake. Random bytes, damaged rosters and random sheets must come back as a
 * result — rows with problems, or a clear error — never as a throw. A roster written in any of the
 * dialects Excel and WPS produce (delimiter, quoting, line ends, BOM, encoding, a title above the
 * header, extra columns in any order) must come back with exactly its delegates.
 */

const congressDate = '2025-06-18';
const runs = { seed: fuzzSeed, numRuns: fuzzRuns };
// A workbook takes milliseconds to write and read: fewer of them.
const sheetRuns = { seed: fuzzSeed, numRuns: Math.max(10, Math.round(fuzzRuns / 5)) };

const failureCodes = [
  'empty',
  'no-data',
  'missing-columns',
  'duplicate-column',
  'encoding',
  'binary',
  'unsupported-format',
  'malformed',
];

/** What every answer must look like, whatever went in. */
function expectWellFormed(result: RosterResult): void {
  if (result.ok) {
    expect(Array.isArray(result.rows)).toBe(true);
    expect(result.rows.length + result.skipped).toBe(result.preview.rows.length);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.reason).toMatch(/\p{Script=Han}/u);
    }
  } else {
    expect(failureCodes).toContain(result.error.code);
    expect(result.error.message).toMatch(/\p{Script=Han}/u);
  }
}

const magic = fc.constantFrom(
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
);

describe('the roster importer, given random input', () => {
  it('answers random bytes (behind the magic numbers it looks for) without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 600 }), async (head, body) => {
        const bytes = new Uint8Array([...head, ...body]);
        expectWellFormed(await parseRoster(bytes, '名册.csv', { congressDate }));
      }),
      runs,
    );
  });

  it('answers a damaged roster — bytes changed, cut short or inserted — without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        roster,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(2)), {
          minLength: 1,
          maxLength: 8,
        }),
        async (file, damage) => {
          const bytes = [...file.bytes];
          for (const [at, byte, how] of damage) {
            const i = at % (bytes.length + 1);
            if (how === 0) bytes[i] = byte;
            else if (how === 1) bytes.splice(i, 0, byte);
            else bytes.length = i;
          }
          expectWellFormed(await parseRoster(new Uint8Array(bytes), '名册.csv', { congressDate }));
        },
      ),
      runs,
    );
  });

  it('reads a roster in any dialect back to exactly its delegates', async () => {
    await fc.assert(
      fc.asyncProperty(roster, async (file) => {
        const result = await parseRoster(file.bytes, '名册.csv', { congressDate });
        expectWellFormed(result);
        if (!result.ok) throw new Error(`${file.describe}: ${result.error.message}`);
        expect(result.rows.map((r) => [r.name, r.cardNo])).toEqual(file.delegates);
        expect(result.problems).toEqual([]);
        expect(result.encoding).toBe(file.encoding);
        expect(result.delimiter).toBe(file.delimiter);
      }),
      runs,
    );
  });

  it('answers a workbook of random cells without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellValue, { maxLength: 5 }), { maxLength: 8 }),
        fc.boolean(),
        async (cells, withHeader) => {
          const rows = withHeader ? [['姓名', '代表证号', '备注'], ...cells] : cells;
          const bytes = await workbook(rows);
          expectWellFormed(await parseRoster(bytes, '名册.xlsx', { congressDate }));
        },
      ),
      sheetRuns,
    );
  });

  it('reads a workbook back to exactly its delegates, card numbers typed as numbers or text', async () => {
    await fc.assert(
      fc.asyncProperty(delegates, fc.boolean(), async (list, numeric) => {
        const rows = [
          ['姓名', '代表证号'],
          ...list.map(([name, card]) => [name, numeric ? Number(card.slice(1)) : card]),
        ];
        const result = await parseRoster(await workbook(rows), '名册.xlsx', { congressDate });
        if (!result.ok) throw new Error(result.error.message);
        const expected = list.map(([name, card]) => [name, numeric ? card.slice(1) : card]);
        expect(result.rows.map((r) => [r.name, r.cardNo])).toEqual(expected);
      }),
      sheetRuns,
    );
  });
});

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const givenNames = ['建国', '秀英', '明华', '洋', '芳', '磊', '富', '雪', '强', '华', '斌', '丽娟'];

/** Distinct delegates: [name, card number]. */
const delegates = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom(...surnames), fc.constantFrom(...givenNames)).map((p) => p.join('')),
    { minLength: 1, maxLength: 12 },
  )
  .map((names) => names.map((name, i): [string, string] => [name, `D${1001 + i}`]));

/** Free text in the columns that are not imported: every character a CSV must quote. */
const freeText = fc
  .array(fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', ' ', '备', '注', 'a', '中', '—'), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const encodings = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'] as const;

const roster = fc
  .record({
    delegates,
    delimiter: fc.constantFrom(',', '\t', ';'),
    quoteAll: fc.boolean(),
    newline: fc.constantFrom('\r\n', '\n'),
    lastNewline: fc.boolean(),
    encoding: fc.constantFrom(...encodings),
    title: fc.constantFrom([], ['东湖镇第十六次党代会代表名册'], ['代表名册', '2025年6月']),
    nameHeader: fc.constantFrom('姓名', '代表姓名'),
    cardHeader: fc.constantFrom('代表证号', '证号', '代表编号'),
    extras: fc.subarray(['备注', '联系电话', '职务']),
    order: fc.nat(),
    extraText: fc.array(freeText, { minLength: 40, maxLength: 40 }),
  })
  .map((r) => {
    const headers = [r.nameHeader, r.cardHeader, ...r.extras];
    // A rotation puts the two columns that matter anywhere among the others.
    const shift = r.order % headers.length;
    const order = [...headers.slice(shift), ...headers.slice(0, shift)];
    const cellsOf = (row: Record<string, string>) => order.map((h) => row[h] ?? '');
    const lines = [
      ...r.title.map((t) => [t]),
      order,
      ...r.delegates.map(([name, card], i) =>
        cellsOf({
          [r.nameHeader]: name,
          [r.cardHeader]: card,
          ...Object.fromEntries(r.extras.map((h, j) => [h, r.extraText[(i * 3 + j) % 40] ?? ''])),
        }),
      ),
    ];
    const quote = (cell: string) =>
      r.quoteAll || /["\r\n]/.test(cell) || cell.includes(r.delimiter)
        ? `"${cell.replaceAll('"', '""')}"`
        : cell;
    const text =
      lines.map((cells) => cells.map(quote).join(r.delimiter)).join(r.newline) +
      (r.lastNewline ? r.newline : '');
    return {
      bytes: encode(text, r.encoding),
      delegates: r.delegates,
      encoding: r.encoding,
      delimiter: r.delimiter,
      describe: `${r.encoding}, ${JSON.stringify(r.delimiter)}, ${r.quoteAll ? 'all quoted' : 'quoted where needed'}`,
    };
  });

function encode(text: string, encoding: (typeof encodings)[number]): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'utf-16le':
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
  }
}

const cellValue = fc.oneof(
  fc.string({ maxLength: 10 }),
  freeText,
  fc.integer(),
  fc.double(),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('姓名', '代表证号', '男', '1975.03', '=1+1', '2025001'),
);

async function workbook(rows: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('代表名册');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
