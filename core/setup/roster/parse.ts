import { findHeader, headerIndex } from './columns';
import { headOfText, parseCsv } from './csv';
import { decodeText, startsWith } from './decode';
import { checkDuplicates } from './duplicates';
import { previewOf, reviewNotes, statusOf } from './review';
import { readLine, type FieldColumns, type LineRead } from './rows';
import {
  rosterFailure,
  type RosterDelimiter,
  type RosterEncoding,
  type RosterFailure,
  type RosterField,
  type RosterFormat,
  type RosterResult,
  type SourceRecord,
} from './types';
import { readXlsx } from './xlsx';

export interface ParseRosterOptions {
  /** The congress date, YYYY-MM-DD: birth dates are checked against it, not against a clock. */
  congressDate: string;
}

interface Source {
  format: RosterFormat;
  encoding: RosterEncoding | null;
  delimiter: RosterDelimiter | null;
  records: SourceRecord[];
}

/**
 * Reads a delegate roster (CSV in UTF-8, UTF-16 or GBK/GB18030, or XLSX) into rows ready for the
 * store, with every problem found on the way. Nothing is written anywhere: the operator reviews
 * the result and the set-up service imports `rows` once accepted.
 */
export async function parseRoster(
  bytes: Uint8Array,
  fileName: string,
  options: ParseRosterOptions,
): Promise<RosterResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.congressDate)) {
    throw new RangeError(`congressDate must be YYYY-MM-DD, got ${options.congressDate}`);
  }
  if (bytes.every((b) => b === 0x20 || b === 0x0d || b === 0x0a || b === 0x09)) {
    return rosterFailure('empty', `文件“${fileName}”是空的。`);
  }
  const source = await readSource(bytes, fileName);
  if (!source.ok) return source;
  return readRoster(source, fileName, options.congressDate);
}

async function readSource(
  bytes: Uint8Array,
  fileName: string,
): Promise<({ ok: true } & Source) | RosterFailure> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const read = await readXlsx(bytes, fileName);
    if (!read.ok) return read;
    return { ok: true, format: 'xlsx', encoding: null, delimiter: null, records: read.records };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return rosterFailure(
      'unsupported-format',
      `文件“${fileName}”是旧版 Excel（.xls）或 WPS 表格格式，无法直接读取。请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后重新导入。`,
    );
  }
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) return decoded;
  const delimiter = detectDelimiter(decoded.text);
  const parsed = parseCsv(decoded.text, delimiter);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    format: 'csv',
    encoding: decoded.encoding,
    delimiter,
    records: parsed.records,
  };
}

/**
 * Comma unless the header only splits into a 姓名 column with a tab (Excel's "Unicode text") or
 * a semicolon (European list separator); a wrong delimiter never yields a cell that is exactly 姓名.
 */
function detectDelimiter(text: string): RosterDelimiter {
  const head = headOfText(text, 12);
  const candidates: RosterDelimiter[] = [',', '\t', ';'];
  const found = candidates.find((d) => {
    const parsed = parseCsv(head, d);
    return parsed.ok && headerIndex(parsed.records) !== -1;
  });
  return found ?? ',';
}

function readRoster(source: Source, fileName: string, congressDate: string): RosterResult {
  const records = source.records.filter((r) =>
    r.cells.some((c) => c !== null && String(c).trim() !== ''),
  );
  if (records.length === 0) return rosterFailure('empty', `文件“${fileName}”中没有任何内容。`);
  const header = findHeader(records);
  if (!header.ok) return withEncodingHint(header, source.encoding);
  const fields: FieldColumns = new Map(
    header.columns.flatMap((c) =>
      c.field === null ? [] : [[c.field, c] as [RosterField, typeof c]],
    ),
  );
  const headerLine = records[header.index]?.line ?? 1;
  const lines = records
    .slice(header.index + 1)
    .map((r) => readLine(r, fields, congressDate))
    .filter((l): l is LineRead => l !== null);
  if (lines.length === 0) {
    return rosterFailure(
      'no-data',
      `文件“${fileName}”只有表头（第 ${headerLine} 行），没有代表数据。`,
    );
  }
  checkDuplicates(lines, fields);
  const importable = lines.filter((l) => statusOf(l.problems) !== 'error');
  return {
    ok: true,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    headerLine,
    columns: header.columns,
    rows: importable.map((l) => l.row),
    problems: lines.flatMap((l) => sortedProblems(l, fields)),
    skipped: lines.length - importable.length,
    notes: reviewNotes(lines, header.columns, fields, headerLine),
    preview: previewOf(lines, fields),
  };
}

function sortedProblems(line: LineRead, fields: FieldColumns): LineRead['problems'] {
  const position = new Map([...fields.values()].map((c) => [c.header, c.position]));
  return [...line.problems].sort(
    (a, b) => (position.get(a.column) ?? 0) - (position.get(b.column) ?? 0),
  );
}

/** A header that cannot be found in a file read as GBK is most often a file in another encoding. */
function withEncodingHint(failure: RosterFailure, encoding: RosterEncoding | null): RosterFailure {
  if (encoding !== 'gb18030') return failure;
  return rosterFailure(
    failure.error.code,
    `${failure.error.message}（文件按 GBK/GB18030 编码读取；如果表头显示为乱码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入。）`,
  );
}
