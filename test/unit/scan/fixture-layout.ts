import type { BallotLayout, LayoutCell, LayoutPage, RoundCode } from '../../../shared/scan/layout';

/** An A4 ballot: a table of name cells above mark cells, sharing borders, then the 另选人 slots. */
export function sampleLayout(
  candidates: number,
  writeIns: number,
  options: { pages?: number; cell?: number; codeAt?: 'left' | 'right' } = {},
): BallotLayout {
  const pages = options.pages ?? 1;
  const perPage = Math.ceil(candidates / pages);
  const cell = options.cell ?? 16;
  const out: LayoutPage[] = [];
  for (let p = 0; p < pages; p++) {
    const first = p * perPage;
    const here = Math.min(perPage, candidates - first);
    const slots = p === pages - 1 ? writeIns : 0;
    out.push(sheet(first, here, slots, cell, options.codeAt ?? 'right'));
  }
  return { page: { width: 210, height: 297 }, pages: out };
}

function sheet(
  first: number,
  count: number,
  slots: number,
  cell: number,
  codeAt: 'left' | 'right',
): LayoutPage {
  const marks = [
    { x: 8, y: 8, w: 7, h: 7 },
    { x: 195, y: 8, w: 7, h: 7 },
    { x: 195, y: 282, w: 7, h: 7 },
    { x: 8, y: 282, w: 7, h: 7 },
  ];
  const code = { x: codeAt === 'right' ? 165 : 22, y: 14, w: 22, h: 22 };
  const cells: LayoutCell[] = [];
  const perRow = Math.floor(170 / cell);
  const nameHeight = 10;
  const rowHeight = nameHeight + cell + 6;
  const place = (k: number): { x: number; y: number } => ({
    x: 20 + (k % perRow) * cell,
    y: 50 + Math.floor(k / perRow) * rowHeight,
  });
  for (let i = 0; i < count; i++) {
    const { x, y } = place(i);
    cells.push({ kind: 'mark', candidate: first + i, x, y: y + nameHeight, w: cell, h: cell });
  }
  for (let s = 0; s < slots; s++) {
    const { x, y } = place(count + s);
    cells.push({ kind: 'write-in', slot: s, x, y, w: cell, h: nameHeight });
    cells.push({ kind: 'mark', slot: s, x, y: y + nameHeight, w: cell, h: cell });
  }
  return { marks, code, cells };
}

/** Name boxes above candidates' mark cells: printed, not read. */
export function nameBoxes(page: LayoutPage): { x: number; y: number; w: number; h: number }[] {
  return page.cells
    .filter((c) => c.kind === 'mark' && c.candidate !== undefined)
    .map((c) => ({ x: c.x, y: c.y - 10, w: c.w, h: 10 }));
}

export const ROUND: RoundCode = {
  congress: 3,
  election: 2,
  round: 1,
  layout: '5a1c0e9f3b7d2468',
  page: 1,
};
