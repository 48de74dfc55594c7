/** Millimetres available across the ballot's table, less the 符号/姓名 label column. */
const tableWidthMm = 168;
const labelWidthMm = 12;
/**
 * Millimetres down the page the candidate and write-in rows may take: A4 less the margins, the
 * headings (about 60 mm) and the instructions (about 45 mm), so that the ballot is one sheet.
 */
const gridHeightMm = 140;
/** Wider cells would make the mark cells flat rectangles rather than squares. */
const widestCellMm = 22;
const maxPerRow = 10;

export interface BallotLayout {
  perRow: number;
  cellWidthMm: number;
  markHeightMm: number;
  nameHeightMm: number;
  /** Font size, in points, of the names of usual length (three or four characters). */
  nameSizePt: number;
  /** The characters a name of usual length may have at `nameSizePt`. */
  usualChars: number;
  labelWidthMm: number;
}

/**
 * Columns and row heights for the candidates' names and `blanks` write-in cells: rows of equal
 * length, at most ten, and square mark cells where the page allows (20 candidates and more), lower
 * ones where many rows must fit on one sheet (60 candidates with ten write-ins still do).
 */
export function ballotLayout(names: readonly string[], blanks: number): BallotLayout {
  const candidates = names.length;
  const rows = Math.max(1, Math.ceil(candidates / maxPerRow));
  const perRow = Math.max(Math.ceil(candidates / rows), Math.min(blanks, maxPerRow), 1);
  const cellWidthMm = Math.min(widestCellMm, tableWidthMm / perRow);
  const pairs = rows + Math.ceil(blanks / perRow);
  const nameHeightMm = pairs > 4 ? 10 : 12;
  const markHeightMm = Math.max(9, Math.min(cellWidthMm, gridHeightMm / pairs - nameHeightMm));
  const usualChars = Math.max(3, ...names.map((name) => [...name].length).filter((n) => n <= 4));
  const nameSizePt = Math.min(15, mmToPt((cellWidthMm - 2.5) / usualChars));
  return { perRow, cellWidthMm, markHeightMm, nameHeightMm, nameSizePt, usualChars, labelWidthMm };
}

/** A longer name (minority names run to eight characters and more) is smaller, on two lines. */
export function nameSizeFor(name: string, layout: BallotLayout): number {
  const chars = [...name].length;
  if (chars <= layout.usualChars) return layout.nameSizePt;
  const perLine = Math.ceil(chars / 2);
  return Math.min(layout.nameSizePt, mmToPt((layout.cellWidthMm - 2.5) / perLine));
}

export function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

function mmToPt(mm: number): number {
  return Math.floor((mm / 0.3528) * 2) / 2;
}
