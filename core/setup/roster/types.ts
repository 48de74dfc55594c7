import type { DelegateFields } from '../../../db/delegates';

/** The delegate fields a roster column can fill; `remark` is read for the preview only. */
export type RosterField =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'education'
  | 'category'
  | 'unit'
  | 'cardNo'
  | 'hasVote'
  | 'remark';

/** One delegate as the store takes it, with where it came from in the file. */
export interface RosterRow extends DelegateFields {
  /** The row number the operator sees in Excel (the header row's number is usually 1). */
  line: number;
  /** The 备注 column, shown in the preview; the store has no place for it. */
  remark: string;
}

/** The fields the store's `delegate` table takes, without the file's line and remark. */
export function delegateFieldsOf(row: RosterRow): DelegateFields {
  return {
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birthDate,
    education: row.education,
    category: row.category,
    unit: row.unit,
    cardNo: row.cardNo,
    hasVote: row.hasVote,
  };
}

/**
 * Something wrong on one row. An 'error' keeps the row out of `rows` (it cannot be imported as
 * it stands); a 'warning' imports the row with that field left empty or as read.
 */
export interface RosterProblem {
  line: number;
  /** The column's header text as it appears in the file. */
  column: string;
  reason: string;
  severity: 'error' | 'warning';
}

/** How one column of the file was understood. */
export interface RosterColumn {
  /** 1-based position in the file (A = 1). */
  position: number;
  header: string;
  /** null: not imported (unknown header, or a second column for a field already taken). */
  field: RosterField | null;
}

export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';
export type RosterFormat = 'csv' | 'xlsx';
export type RosterDelimiter = ',' | '\t' | ';';

/** Every data line of the file as the operator will check it, problems included. */
export interface RosterPreview {
  headers: string[];
  rows: RosterPreviewRow[];
}

export interface RosterPreviewRow {
  line: number;
  /** Values in `headers` order: normalised where they were understood, as read otherwise. */
  cells: string[];
  status: 'ok' | 'warning' | 'error';
  reasons: string[];
  /** The delegate as read: what will be imported, or for an error line where a fix starts from. */
  row: RosterRow;
}

export interface RosterParsed {
  ok: true;
  format: RosterFormat;
  /** null for XLSX, whose text is always Unicode. */
  encoding: RosterEncoding | null;
  delimiter: RosterDelimiter | null;
  headerLine: number;
  columns: RosterColumn[];
  /** The rows that can be imported: every data line without an error. */
  rows: RosterRow[];
  /** Sorted by line, then by column position. */
  problems: RosterProblem[];
  /** Data lines kept out of `rows` because of an error. */
  skipped: number;
  /** Remarks about the whole file (defaults applied, precision of dates), in Chinese. */
  notes: string[];
  preview: RosterPreview;
}

export type RosterErrorCode =
  | 'empty'
  | 'no-data'
  | 'missing-columns'
  | 'duplicate-column'
  | 'encoding'
  | 'binary'
  | 'unsupported-format'
  | 'malformed';

export interface RosterFailure {
  ok: false;
  error: { code: RosterErrorCode; message: string };
}

export type RosterResult = RosterParsed | RosterFailure;

/** A cell as a source delivers it: CSV gives text, XLSX also numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;

/** One line of the source with its Excel row number. */
export interface SourceRecord {
  line: number;
  cells: Cell[];
}

export function rosterFailure(code: RosterErrorCode, message: string): RosterFailure {
  return { ok: false, error: { code, message } };
}
