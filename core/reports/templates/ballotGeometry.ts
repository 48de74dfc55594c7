import type { BallotLayout, LayoutCell, LayoutPage, Rect } from '../../../shared/scan/layout';
import { ballotLayout, type BallotLayout as GridSizes } from './ballotLayout';

/*
 * The machine-readable ballot, laid out in millimetres from the sheet's top-left corner. The
 * template positions every box from this geometry and the store keeps its `layout`, so the paper
 * and what the reader looks for are one computation. Text heights are fixed by the template's
 * line heights (below); only the number of lines is estimated, generously.
 */

export const A4 = { width: 210, height: 297 } as const;
const MARK_SIDE = 7;
const MARK_INSET = 8;
/** The round code, inside the top-right mark: the same place on every ballot. */
export const CODE_RECT: Rect = { x: 172, y: 19, w: 20, h: 20 };
/** The colour label mirrors the code at the top left. */
export const COLOUR_RECT: Rect = { x: 18, y: 19, w: 24, h: 8 };
const TOP = 19;
/** Rows and the instructions end above the bottom marks and the page line. */
const BOTTOM = 279;
const CENTRE = A4.width / 2;
const LABEL_WIDTH = 12;
const HEADER = { x: 44, w: 122 };
const CONTENT = { x: 15, w: 180 };
const LOWEST_MARK_CELL = 10;
const GAP = 5;

/** Line heights of the template's text, in mm, and how many characters fit on one line. */
export const lines = {
  congress: { height: 7, perLine: 21 },
  election: { height: 7.5, perLine: 21 },
  heading: { height: 12 },
  seats: { height: 7 },
  caption: { height: 5.5, above: 3 },
  instructions: { height: 5.9, perLine: 44, padTop: 2.5, padBottom: 3, title: 7 },
  page: { top: 283, height: 5 },
} as const;

export interface GeometryInput {
  congressName: string;
  electionTitle: string;
  candidates: readonly string[];
  writeInBlanks: number;
  /** The instructions as printed, one paragraph each. */
  instructions: readonly string[];
}

export interface Label extends Rect {
  text: '符号' | '姓名';
}

/** What one sheet prints besides the cells of its layout page. */
export interface SheetGeometry {
  /** Congress, election, 选票 and the seats line (first sheet); the election and 续 after. */
  header: Rect;
  labels: Label[];
  /** The candidates' name cells under their 符号 cells. */
  names: (Rect & { candidate: number })[];
  /** The 另选人 caption, above the first row of write-in cells. */
  caption: Rect | null;
  instructions: Rect | null;
  /** 第 x 页 共 y 页, when the ballot has more than one sheet. */
  pageLine: Rect | null;
}

export interface BallotGeometry {
  layout: BallotLayout;
  sheets: SheetGeometry[];
  sizes: GridSizes;
  electionLines: number;
  congressLines: number;
}

type Block =
  | { kind: 'candidates'; first: number; count: number }
  | { kind: 'write-ins'; first: number; count: number; caption: boolean }
  | { kind: 'instructions' };

/**
 * Rows of candidates, then the 另选人 rows, then the instructions, each kept whole and carried to
 * a further sheet when the sheet is full. The 符号 cells are as tall as the sheet allows (square at
 * most) if everything fits on one sheet, else 10 mm.
 */
export function ballotGeometry(input: GeometryInput): BallotGeometry {
  const sizes = ballotLayout(input.candidates, input.writeInBlanks);
  const congressLines = lineCount(input.congressName, lines.congress.perLine);
  const electionLines = lineCount(input.electionTitle, lines.election.perLine);
  const firstTop = TOP + headerHeight(congressLines, electionLines) + 3;
  const laterTop = Math.max(
    TOP + electionLines * lines.election.height + 4,
    CODE_RECT.y + CODE_RECT.h + 3,
  );
  const blocks = blocksOf(input.candidates.length, input.writeInBlanks, sizes.perRow);
  const rows = blocks.filter((b) => b.kind !== 'instructions').length;
  const caption = input.writeInBlanks > 0 ? captionHeight : 0;
  const instructions = instructionsHeight(input.instructions);
  const room = BOTTOM - firstTop - caption - GAP - instructions;
  const fitted = room / Math.max(rows, 1) - sizes.nameHeightMm;
  const markHeight = mm(Math.max(LOWEST_MARK_CELL, Math.min(sizes.cellWidthMm, fitted)));
  const grid = gridOf(sizes, markHeight);

  const pages: LayoutPage[] = [];
  const sheets: SheetGeometry[] = [];
  let y = BOTTOM;
  const newSheet = () => {
    const first = pages.length === 0;
    const top = first ? firstTop : laterTop;
    pages.push({ marks: registrationMarks(), code: CODE_RECT, cells: [] });
    sheets.push({
      header: { x: HEADER.x, y: TOP, w: HEADER.w, h: top - TOP },
      labels: [],
      names: [],
      caption: null,
      instructions: null,
      pageLine: null,
    });
    y = top;
  };
  for (const block of blocks) {
    const height =
      block.kind === 'instructions'
        ? GAP + instructions
        : (block.kind === 'write-ins' && block.caption ? caption : 0) + grid.pair;
    if (pages.length === 0 || y + height > BOTTOM) newSheet();
    const page = pages.at(-1);
    const sheet = sheets.at(-1);
    if (!page || !sheet) throw new Error('a ballot sheet was not started');
    if (block.kind === 'instructions') {
      sheet.instructions = { x: CONTENT.x, y: mm(y + GAP), w: CONTENT.w, h: instructions };
    } else {
      if (block.kind === 'write-ins' && block.caption) {
        sheet.caption = { x: CONTENT.x, y: mm(y), w: CONTENT.w, h: caption };
        y += caption;
      }
      placeRow(page, sheet, grid, block, y);
    }
    y += height - (block.kind === 'write-ins' && block.caption ? caption : 0);
  }
  if (sheets.length > 1) {
    for (const sheet of sheets) {
      sheet.pageLine = { x: CONTENT.x, y: lines.page.top, w: CONTENT.w, h: lines.page.height };
    }
  }
  return { layout: { page: { ...A4 }, pages }, sheets, sizes, electionLines, congressLines };
}

const captionHeight = lines.caption.above + lines.caption.height;

function headerHeight(congressLines: number, electionLines: number): number {
  return (
    congressLines * lines.congress.height +
    1.5 +
    electionLines * lines.election.height +
    1.5 +
    lines.heading.height +
    lines.seats.height
  );
}

function instructionsHeight(paragraphs: readonly string[]): number {
  const { height, perLine, padTop, padBottom, title } = lines.instructions;
  const count = paragraphs.reduce((sum, p) => sum + lineCount(p, perLine), 0);
  return mm(padTop + title + count * height + padBottom);
}

function lineCount(text: string, perLine: number): number {
  return Math.max(1, Math.ceil([...text].length / perLine));
}

function blocksOf(candidates: number, blanks: number, perRow: number): Block[] {
  const blocks: Block[] = [];
  for (let first = 0; first < candidates; first += perRow) {
    blocks.push({ kind: 'candidates', first, count: Math.min(perRow, candidates - first) });
  }
  for (let first = 0; first < blanks; first += perRow) {
    const count = Math.min(perRow, blanks - first);
    blocks.push({ kind: 'write-ins', first, count, caption: first === 0 });
  }
  blocks.push({ kind: 'instructions' });
  return blocks;
}

interface Grid {
  left: number;
  cellWidth: number;
  markHeight: number;
  nameHeight: number;
  pair: number;
}

/** The table is centred; cell widths are whole hundredths so that sums stay exact. */
function gridOf(sizes: GridSizes, markHeight: number): Grid {
  const cellWidth = Math.floor(sizes.cellWidthMm * 100) / 100;
  const left = mm(CENTRE - (LABEL_WIDTH + sizes.perRow * cellWidth) / 2);
  const nameHeight = sizes.nameHeightMm;
  return { left, cellWidth, markHeight, nameHeight, pair: mm(markHeight + nameHeight) };
}

function placeRow(
  page: LayoutPage,
  sheet: SheetGeometry,
  grid: Grid,
  block: Extract<Block, { count: number }>,
  top: number,
): void {
  const markY = mm(top);
  const nameY = mm(top + grid.markHeight);
  const column = { w: LABEL_WIDTH, x: grid.left };
  sheet.labels.push({ ...column, y: markY, h: grid.markHeight, text: '符号' });
  sheet.labels.push({ ...column, y: nameY, h: grid.nameHeight, text: '姓名' });
  for (let i = 0; i < block.count; i++) {
    const x = mm(grid.left + LABEL_WIDTH + i * grid.cellWidth);
    const w = mm(grid.left + LABEL_WIDTH + (i + 1) * grid.cellWidth - x);
    const mark = { x, y: markY, w, h: grid.markHeight };
    const name = { x, y: nameY, w, h: grid.nameHeight };
    const index = block.first + i;
    if (block.kind === 'candidates') {
      page.cells.push({ kind: 'mark', candidate: index, ...mark });
      sheet.names.push({ candidate: index, ...name });
    } else {
      const cells: LayoutCell[] = [
        { kind: 'mark', slot: index, ...mark },
        { kind: 'write-in', slot: index, ...name },
      ];
      page.cells.push(...cells);
    }
  }
}

function registrationMarks(): Rect[] {
  const far = { x: A4.width - MARK_INSET - MARK_SIDE, y: A4.height - MARK_INSET - MARK_SIDE };
  const at = (x: number, y: number): Rect => ({ x, y, w: MARK_SIDE, h: MARK_SIDE });
  return [
    at(MARK_INSET, MARK_INSET),
    at(far.x, MARK_INSET),
    at(far.x, far.y),
    at(MARK_INSET, far.y),
  ];
}

/** Millimetres to the hundredth: what the template prints and the layout says are the same. */
function mm(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The layout as canonical JSON: keys sorted, no spaces; the bytes its digest is taken of. */
export function canonicalLayout(layout: BallotLayout): string {
  return canonical(layout);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
