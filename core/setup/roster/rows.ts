import { readBirthDate } from './dates';
import {
  cellText,
  maxLength,
  readCardNo,
  readEthnicity,
  readGender,
  readName,
  readVote,
} from './fields';
import type {
  Cell,
  RosterColumn,
  RosterField,
  RosterProblem,
  RosterRow,
  SourceRecord,
} from './types';

/** One data line of the file, read field by field. */
export interface LineRead {
  row: RosterRow;
  /** What the preview shows per field: the value as understood, or as read when it was not. */
  shown: Partial<Record<RosterField, string>>;
  problems: RosterProblem[];
  monthOnly: boolean;
  voteDefaulted: boolean;
}

export type FieldColumns = ReadonlyMap<RosterField, RosterColumn>;

/** One line being read: its cells by field, the problems found, what the preview shows. */
interface Reading {
  cell(field: RosterField): Cell;
  report(field: RosterField, reason: string, severity: RosterProblem['severity']): void;
  problems: RosterProblem[];
  shown: Partial<Record<RosterField, string>>;
}

/** Reads one line; null when every imported column is empty (spacer and unused template rows). */
export function readLine(
  record: SourceRecord,
  columns: FieldColumns,
  congressDate: string,
): LineRead | null {
  const reading = startReading(record, columns);
  if ([...columns.keys()].every((field) => reading.shown[field] === '')) return null;
  const birth = readBirthDate(reading.cell('birthDate'), congressDate);
  if (birth.problem !== undefined) reading.report('birthDate', birth.problem, 'warning');
  if (birth.value !== null) {
    reading.shown.birthDate = birth.monthOnly ? birth.value.slice(0, 7) : birth.value;
  }
  const row: RosterRow = {
    line: record.line,
    ...readKeys(reading),
    ...readPerson(reading),
    birthDate: birth.value,
    hasVote: readVoteOf(reading),
  };
  return {
    row,
    shown: reading.shown,
    problems: reading.problems,
    monthOnly: birth.monthOnly,
    voteDefaulted: columns.has('hasVote') && cellText(reading.cell('hasVote')) === '',
  };
}

function startReading(record: SourceRecord, columns: FieldColumns): Reading {
  const problems: RosterProblem[] = [];
  const cell = (field: RosterField): Cell => {
    const column = columns.get(field);
    return column === undefined ? null : (record.cells[column.position - 1] ?? null);
  };
  const shown: Partial<Record<RosterField, string>> = {};
  for (const field of columns.keys()) shown[field] = cellText(cell(field));
  const report: Reading['report'] = (field, reason, severity) => {
    problems.push({
      line: record.line,
      column: columns.get(field)?.header ?? '',
      reason,
      severity,
    });
  };
  return { cell, report, problems, shown };
}

/** Name and card number identify the delegate: a problem with either keeps the line out. */
function readKeys(reading: Reading): Pick<RosterRow, 'name' | 'cardNo'> {
  const name = readName(reading.cell('name'));
  if (name === '') reading.report('name', '姓名为空', 'error');
  checkLength(reading, 'name', name);
  reading.shown.name = name;
  const cardNo = readCardNo(reading.cell('cardNo'));
  if (cardNo.problem !== undefined) reading.report('cardNo', cardNo.problem, 'error');
  else if (cardNo.value === '') reading.report('cardNo', '代表证号为空', 'error');
  checkLength(reading, 'cardNo', cardNo.value);
  return { name, cardNo: cardNo.value };
}

/** The fields the structure report reads; a value that cannot be used is left empty, with a warning. */
function readPerson(
  reading: Reading,
): Pick<RosterRow, 'gender' | 'ethnicity' | 'education' | 'category' | 'unit' | 'remark'> {
  const gender = readGender(reading.cell('gender'));
  if (gender.problem !== undefined) reading.report('gender', gender.problem, 'warning');
  else if (gender.value !== null) reading.shown.gender = gender.value;
  const ethnicity = readEthnicity(reading.cell('ethnicity'));
  if (ethnicity.problem !== undefined) reading.report('ethnicity', ethnicity.problem, 'warning');
  reading.shown.ethnicity = ethnicity.value;
  checkLength(reading, 'ethnicity', ethnicity.value);
  const text = (field: 'education' | 'category' | 'unit' | 'remark'): string => {
    const value = cellText(reading.cell(field));
    checkLength(reading, field, value);
    return value;
  };
  return {
    gender: gender.value,
    ethnicity: ethnicity.value,
    education: text('education'),
    category: text('category'),
    unit: text('unit'),
    remark: text('remark'),
  };
}

/** 应到 depends on it, so a value that cannot be read keeps the line out rather than guessing. */
function readVoteOf(reading: Reading): boolean {
  const vote = readVote(reading.cell('hasVote'));
  if (vote.problem !== undefined) reading.report('hasVote', vote.problem, 'error');
  else reading.shown.hasVote = vote.value ? '有' : '无';
  return vote.value;
}

function checkLength(reading: Reading, field: keyof typeof maxLength, value: string): void {
  const length = [...value].length;
  if (length > maxLength[field]) {
    reading.report(
      field,
      `内容过长（${length} 个字符，最多 ${maxLength[field]} 个），请检查是否填错了列`,
      'error',
    );
  }
}
