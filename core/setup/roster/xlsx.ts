import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { rosterFailure, type Cell, type RosterFailure, type SourceRecord } from './types';

export type XlsxRecords = { ok: true; records: SourceRecord[] } | RosterFailure;

/**
 * The first visible worksheet's rows with their Excel row numbers. Cells merged down a column
 * (a unit written once for several delegates) read as the merged value on every row.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<XlsxRecords> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return rosterFailure(
      'malformed',
      `无法读取 Excel 文件“${fileName}”：文件已损坏或不是 .xlsx 格式。请在 Excel 中打开并另存为 .xlsx 后重新导入。`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (sheet === undefined) {
    return rosterFailure('malformed', `文件“${fileName}”中没有工作表，不是 Excel 工作簿。`);
  }
  const records: SourceRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      cells.push(cellOf(row.getCell(column).value));
    }
    records.push({ line, cells });
  });
  return { ok: true, records };
}

/** Reduces exceljs's cell shapes to what the roster reads: a formula gives its cached result. */
function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result ?? null);
  return textOf(value.text);
}

/** A hyperlink's text may itself be rich text, whatever the type declarations say. */
function textOf(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text) {
    const parts = (text as { richText: { text: string }[] }).richText;
    return parts.map((part) => part.text).join('');
  }
  return '';
}
