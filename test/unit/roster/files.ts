import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRoster } from '../../../core/setup/roster/parse';
import type { RosterParsed, RosterResult } from '../../../core/setup/roster/types';

export const congressDate = '2025-06-18';

export const header = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '学历',
  '代表类别',
  '选举单位',
  '代表证号',
  '是否有选举权',
  '备注',
];

/** Three delegates as an organisation department's roster holds them. */
export const sampleRows = [
  ['1', '丁一', '男', '汉族', '1975.03', '大学本科', '领导干部', '镇机关党委', '2025001', '是', ''],
  ['2', '王秀英', '女', '回族', '1988-11-02', '大专', '一线', '东湖村党总支', '2025002', '是', ''],
  [
    '3',
    '欧阳明华',
    '女',
    '汉',
    '1969/5/6',
    '硕士研究生',
    '专业技术',
    '镇机关党委',
    '2025003',
    '否',
    '留置',
  ],
];

const folder = mkdtempSync(join(tmpdir(), 'roster-'));

/** Writes the bytes to a real file and reads them back, as the import dialog will. */
export function asFile(name: string, bytes: Uint8Array): Uint8Array {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return new Uint8Array(readFileSync(path));
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((row) => row.map(csvCell).join(delimiter)).join('\r\n') + '\r\n';
}

/** What Excel on Chinese Windows writes for "CSV (逗号分隔)": code page 936, CRLF. */
export function gbkCsv(name: string, rows: readonly (readonly string[])[]): Uint8Array {
  return asFile(name, iconv.encode(csvText(rows), 'gbk'));
}

/** What Excel writes for "CSV UTF-8 (逗号分隔)": a BOM, CRLF. */
export function utf8BomCsv(name: string, rows: readonly (readonly string[])[]): Uint8Array {
  const body = new TextEncoder().encode(csvText(rows));
  return asFile(name, new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
}

export function utf8Csv(name: string, text: string): Uint8Array {
  return asFile(name, new TextEncoder().encode(text));
}

export async function xlsxFile(
  name: string,
  fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('代表名册'), workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return asFile(name, new Uint8Array(buffer));
}

export async function parse(bytes: Uint8Array, name: string): Promise<RosterResult> {
  return parseRoster(bytes, name, { congressDate });
}

/** Parses a file that must be readable, failing the test with the error message otherwise. */
export async function parseOk(bytes: Uint8Array, name: string): Promise<RosterParsed> {
  const result = await parse(bytes, name);
  if (!result.ok) throw new Error(`expected ${name} to parse: ${result.error.message}`);
  return result;
}
