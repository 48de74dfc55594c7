import {
  rosterFailure,
  type RosterDelimiter,
  type RosterFailure,
  type SourceRecord,
} from './types';

export type CsvRecords = { ok: true; records: SourceRecord[] } | RosterFailure;

/**
 * RFC 4180 records with the row number Excel shows for each: a quoted cell may hold line breaks
 * and still be one row. Line ends may be CRLF, LF or CR. A stray quote inside an unquoted cell
 * is kept as text, as Excel does; a quote left open would swallow the rest of the file, so it is
 * an error.
 */
export function parseCsv(text: string, delimiter: RosterDelimiter): CsvRecords {
  const records: SourceRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const cell = readCell(text, i, delimiter);
    if (cell === null) {
      return rosterFailure(
        'malformed',
        `第 ${line} 行有一个引号（"）没有配对，文件不完整或格式有误。`,
      );
    }
    cells.push(cell.value);
    i = cell.end;
    const stop = text.charCodeAt(i);
    if (stop === delimiter.charCodeAt(0)) {
      i += 1;
      if (i === text.length) cells.push('');
      continue;
    }
    records.push({ line, cells });
    cells = [];
    line += 1;
    i += stop === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  if (cells.length > 0) records.push({ line, cells });
  return { ok: true, records };
}

/** Reads one cell starting at `start`; `end` is the index of the delimiter or line end after it. */
function readCell(
  text: string,
  start: number,
  delimiter: RosterDelimiter,
): { value: string; end: number } | null {
  let value = '';
  let i = start;
  if (text.charCodeAt(i) === 34) {
    const quoted = readQuoted(text, i + 1);
    if (quoted === null) return null;
    value = quoted.value;
    i = quoted.end;
  }
  const from = i;
  while (i < text.length) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') break;
    i += 1;
  }
  return { value: value + text.slice(from, i), end: i };
}

function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return null;
    value += text.slice(i, quote);
    if (text.charCodeAt(quote + 1) !== 34) return { value, end: quote + 1 };
    value += '"';
    i = quote + 2;
  }
}

/**
 * The first lines of the text, enough to find the header row without parsing the whole file.
 * A line break inside a quoted cell (an odd number of quotes so far) does not end a line: cut
 * there, the head would not parse with the file's own delimiter.
 */
export function headOfText(text: string, lines: number): string {
  let end = 0;
  let quotes = 0;
  for (let n = 0; n < lines;) {
    const next = text.indexOf('\n', end);
    if (next === -1) return text;
    for (let i = text.indexOf('"', end); i !== -1 && i < next; i = text.indexOf('"', i + 1)) {
      quotes += 1;
    }
    end = next + 1;
    if (quotes % 2 === 0) n += 1;
  }
  return text.slice(0, end);
}
