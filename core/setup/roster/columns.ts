import { cellText } from './fields';
import {
  rosterFailure,
  type RosterColumn,
  type RosterFailure,
  type RosterField,
  type SourceRecord,
} from './types';

/**
 * Header names each field is known by, the preferred first: when a file has two of them (选举单位
 * and 所在单位), the earlier one is imported and the other is left out.
 */
export const headerSynonyms: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['姓名', '代表姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '出生时间', '生日'],
  education: ['最高学历', '学历', '文化程度'],
  category: ['代表类别', '类别', '代表构成', '身份'],
  unit: ['选举单位', '代表团', '所在选举单位', '所在单位', '单位'],
  cardNo: ['代表证号', '代表证编号', '证号', '代表编号', '编号'],
  hasVote: ['是否有选举权', '有无选举权', '选举权'],
  remark: ['备注'],
};

const requiredFields: readonly RosterField[] = ['name', 'cardNo'];

/** How far down the header may be: organisation departments put a title and a date above it. */
const headerSearchLines = 10;

export type HeaderFound = { ok: true; index: number; columns: RosterColumn[] } | RosterFailure;

/** The header is the first of the top lines with a 姓名 column; everything above it is a title. */
export function findHeader(records: readonly SourceRecord[]): HeaderFound {
  const index = headerIndex(records);
  const record = records[index];
  if (record === undefined) {
    return rosterFailure(
      'missing-columns',
      `在文件前 ${headerSearchLines} 行中没有找到表头：表头应包含“姓名”和“代表证号”两列。`,
    );
  }
  const columns = mapColumns(record);
  if (!columns.ok) return columns;
  const missing = requiredFields.filter((f) => !columns.columns.some((c) => c.field === f));
  if (missing.length > 0) return missingColumns(missing, record.line, columns.columns);
  return { ok: true, index, columns: columns.columns };
}

/** The index of the header record among the top lines, or -1. */
export function headerIndex(records: readonly SourceRecord[]): number {
  const top = records.slice(0, headerSearchLines);
  return top.findIndex((record) => record.cells.some((cell) => fieldOf(cell) === 'name'));
}

function mapColumns(record: SourceRecord): { ok: true; columns: RosterColumn[] } | RosterFailure {
  const columns: RosterColumn[] = [];
  const taken = new Map<RosterField, { column: RosterColumn; rank: number }>();
  for (const [i, cell] of record.cells.entries()) {
    const column: RosterColumn = { position: i + 1, header: cellText(cell), field: null };
    columns.push(column);
    const field = fieldOf(cell);
    if (field === null) continue;
    const rank = headerSynonyms[field].indexOf(normaliseHeader(cell));
    const held = taken.get(field);
    if (held !== undefined && held.rank === rank) {
      return rosterFailure(
        'duplicate-column',
        `第 ${record.line} 行表头中“${column.header}”出现了两次（第 ${columnLetter(held.column.position)} 列和第 ${columnLetter(column.position)} 列），无法确定导入哪一列。`,
      );
    }
    if (held !== undefined && held.rank < rank) continue;
    if (held !== undefined) held.column.field = null;
    column.field = field;
    taken.set(field, { column, rank });
  }
  return { ok: true, columns };
}

function missingColumns(
  missing: readonly RosterField[],
  line: number,
  columns: readonly RosterColumn[],
): RosterFailure {
  const names = missing.map(
    (field) =>
      `“${headerSynonyms[field][0] ?? field}”（可用列名：${headerSynonyms[field].join('、')}）`,
  );
  const found = columns.map((c) => c.header).filter((h) => h !== '');
  return rosterFailure(
    'missing-columns',
    `缺少必需的列：${names.join('；')}。第 ${line} 行的表头是：${found.join('、')}。`,
  );
}

function fieldOf(cell: SourceRecord['cells'][number]): RosterField | null {
  if (typeof cell !== 'string') return null;
  const header = normaliseHeader(cell);
  for (const [field, names] of Object.entries(headerSynonyms)) {
    if (names.includes(header)) return field as RosterField;
  }
  return null;
}

/** Headers as people write them: 姓名 padded with a 全角空格, 代表证号*, 出生年月（格式：1980.05）. */
function normaliseHeader(cell: SourceRecord['cells'][number]): string {
  return cellText(cell)
    .replace(/[(（【[].*?[)）】\]]/g, '')
    .replace(/[\s*＊:：]/g, '');
}

/** Excel's column letters, A … Z, AA …, as the operator sees them. */
function columnLetter(position: number): string {
  let letters = '';
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
