import { cellText, isoDate } from './fields';
import type { Cell } from './types';

export interface BirthDate {
  /** YYYY-MM-DD, or null when the cell is empty or could not be used. */
  value: string | null;
  /** Only year and month were given; the value is the 1st of that month. */
  monthOnly: boolean;
  /** Why the value was left out, or (with a value: an unusual age) why it needs checking. */
  problem?: string;
}

const none: BirthDate = { value: null, monthOnly: false };

/**
 * Reads the birth date formats rosters use: 1980-05-06, 1980/5/6, 1980.5.6, 1980年5月6日,
 * 19800506, the month-only 1980.05, 1980-05, 198005, 1980年5月, Excel date cells and Excel's day
 * serial numbers (a date cell saved to CSV as General). Then checks it against the congress date.
 */
export function readBirthDate(cell: Cell, congressDate: string): BirthDate {
  const read = parseDate(cell);
  if (read.value === null) return read;
  return checkAge(read, congressDate);
}

function parseDate(cell: Cell): BirthDate {
  if (cell === null) return none;
  if (cell instanceof Date) return { value: isoDate(cell), monthOnly: false };
  const text = cellText(cell);
  if (text === '') return none;
  if (/^\d{4}\.1$/.test(text)) {
    return {
      ...none,
      problem: `出生年月“${text}”无法确定是 1 月还是 10 月（Excel 会把 ${text}0 显示为 ${text}），请改为 ${text.slice(0, 4)}.01 或 ${text.slice(0, 4)}.10`,
    };
  }
  if (/^\d{4}$/.test(text)) return { ...none, problem: `出生日期“${text}”只有年份，未导入` };
  if (/^\d{5}(\.0+)?$/.test(text)) return fromSerial(Number.parseInt(text, 10), text);
  const parts = datePattern(text);
  if (parts === null) return { ...none, problem: `无法识别出生日期“${text}”` };
  const [year, month, day] = parts;
  if (!isCalendarDate(year, month, day ?? 1)) {
    return { ...none, problem: `出生日期“${text}”不是有效日期` };
  }
  const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day ?? 1, 2)}`;
  return { value, monthOnly: day === undefined };
}

const patterns: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月?$/,
  /^(\d{4})(\d{2})$/,
];

function datePattern(text: string): [number, number, number | undefined] | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const [, y = '', m = '', d] = match;
    return [Number(y), Number(m), d === undefined ? undefined : Number(d)];
  }
  return null;
}

/** Excel counts days from 1899-12-30 (its phantom 1900-02-29 lies before any birth date). */
function fromSerial(serial: number, text: string): BirthDate {
  if (serial <= 60) return { ...none, problem: `无法识别出生日期“${text}”` };
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { value: isoDate(date), monthOnly: false };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Age in whole years (周岁) on `on`, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function checkAge(read: BirthDate, congressDate: string): BirthDate {
  const value = read.value ?? '';
  if (value > congressDate) {
    return { ...none, problem: `出生日期 ${value} 晚于大会日期 ${congressDate}，未导入` };
  }
  const age = ageOn(value, congressDate);
  if (age < 18) {
    return {
      ...read,
      problem: `按大会日期计算未满 18 周岁（${age} 岁），请核实出生日期`,
    };
  }
  if (age > 100) {
    return { ...read, problem: `按大会日期计算已 ${age} 岁，请核实出生日期` };
  }
  return read;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
