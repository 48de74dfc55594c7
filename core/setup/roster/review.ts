import { headerSynonyms } from './columns';
import type { FieldColumns, LineRead } from './rows';
import type { RosterColumn, RosterEncoding, RosterPreview, RosterProblem } from './types';

/** Headers that are expected in a roster and left out without remark. */
const quietlyIgnored = new Set(['', '序号', '序']);

/** What the operator should know about the file as a whole before accepting it. */
export function reviewNotes(
  lines: readonly LineRead[],
  columns: readonly RosterColumn[],
  fields: FieldColumns,
  headerLine: number,
): string[] {
  const notes: string[] = [];
  if (headerLine > 1) notes.push(`第 1 至 ${headerLine - 1} 行是标题，表头在第 ${headerLine} 行。`);
  const ignored = columns.filter((c) => c.field === null && !quietlyIgnored.has(c.header));
  if (ignored.length > 0) {
    notes.push(`以下列不导入：${ignored.map((c) => `“${c.header}”`).join('、')}。`);
  }
  if (!fields.has('hasVote')) {
    notes.push(`文件中没有“${headerSynonyms.hasVote[0] ?? ''}”列，全部代表按有选举权导入。`);
  }
  const defaulted = lines.filter((l) => l.voteDefaulted).length;
  if (defaulted > 0) notes.push(`有 ${defaulted} 行的选举权为空，按有选举权导入。`);
  const monthOnly = lines.filter((l) => l.monthOnly).length;
  if (monthOnly > 0) {
    notes.push(`有 ${monthOnly} 行的出生日期只写到月，按当月 1 日计算年龄。`);
  }
  return notes;
}

/** Every data line under the imported columns, in the file's column order, with its problems. */
export function previewOf(lines: readonly LineRead[], fields: FieldColumns): RosterPreview {
  const shownColumns = [...fields.entries()].sort((a, b) => a[1].position - b[1].position);
  return {
    headers: shownColumns.map(([, column]) => column.header),
    rows: lines.map((l) => ({
      line: l.row.line,
      cells: shownColumns.map(([field]) => l.shown[field] ?? ''),
      status: statusOf(l.problems),
      reasons: l.problems.map((p) => `${p.column}：${p.reason}`),
      row: l.row,
    })),
  };
}

export function statusOf(problems: readonly RosterProblem[]): 'ok' | 'warning' | 'error' {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  return problems.length > 0 ? 'warning' : 'ok';
}

/** How a CSV's text was read, in the words the operator knows from Excel's "另存为" list. */
export function encodingLabel(encoding: RosterEncoding | null): string | null {
  switch (encoding) {
    case null:
      return null;
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return 'UTF-8（带 BOM，Excel 的“CSV UTF-8”）';
    case 'utf-16le':
      return 'UTF-16（Excel 的“Unicode 文本”）';
    case 'gb18030':
      return 'GBK/GB18030（Excel 的“CSV（逗号分隔）”）';
  }
}
