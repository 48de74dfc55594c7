import type { GrayImage } from '../../../shared/scan/image';
import type { BallotLayout, Rect, RoundCode } from '../../../shared/scan/layout';
import { roundCodeMatrix } from '../../../shared/scan/round-code';
import { nameBoxes } from './fixture-layout';
import { fillRect, polyline, scan, sheet, strokeRect, type Distortion, type Sheet } from './raster';
import { seeded } from './rng';

/** What a voter puts in a cell: `open` is a ○ left open by a twelfth of a turn; the rest are unclear (`?`). */
export type VoterMark =
  | 'O'
  | 'open'
  | 'X'
  | '-'
  | 'tick'
  | 'filled'
  | 'two'
  | 'crossed'
  | 'across'
  | 'scribble'
  | 'curl'
  | 'faint-second';

export interface Voter {
  /** Per candidate on the page, in ballot order. */
  marks: VoterMark[];
  /** Per write-in slot: a name written, and the mark above it. */
  writeIns?: { name: boolean; mark: VoterMark }[];
  /** Ink darkness 0–1 (blue ballpoint ≈ 0.55) and pen width, mm. */
  ink?: number;
  pen?: number;
  seed?: number;
}

export interface Print {
  /** Omit the QR, or print a different code in its place. */
  code?: RoundCode | null;
  /** Modules of quiet zone inside the code rectangle. */
  quiet?: number;
  dpi?: number;
}

export function truth(mark: VoterMark): string {
  if (mark === 'open') return 'O';
  return mark === 'O' || mark === 'X' || mark === '-' ? mark : '?';
}

export function drawBallot(
  layout: BallotLayout,
  pageIndex: number,
  code: RoundCode,
  voter: Voter,
  print: Print = {},
  distortion: Distortion = {},
): GrayImage {
  const page = layout.pages[pageIndex];
  if (!page) throw new Error('no such page');
  const s = sheet(layout.page.width, layout.page.height, print.dpi ?? 200);
  const rand = seeded(voter.seed ?? 7);
  for (const m of page.marks) fillRect(s, m.x, m.y, m.w, m.h);
  const printed = print.code === undefined ? { ...code, page: pageIndex + 1 } : print.code;
  if (printed) drawCode(s, page.code, printed, print.quiet ?? 0);
  text(s, 60, 20, 90, 6, rand);
  for (const box of nameBoxes(page)) {
    strokeRect(s, box.x, box.y, box.w, box.h);
    text(s, box.x + 3, box.y + 3, box.w - 6, 4, rand);
  }
  for (const cell of page.cells) strokeRect(s, cell.x, cell.y, cell.w, cell.h);
  const ink = voter.ink ?? 0.95;
  const pen = voter.pen ?? 0.5;
  let k = 0;
  for (const cell of page.cells) {
    if (cell.kind !== 'mark' || cell.candidate === undefined) continue;
    drawMark(s, cell, voter.marks[k++] ?? '-', ink, pen, rand);
  }
  for (const cell of page.cells) {
    const w = cell.slot === undefined ? undefined : voter.writeIns?.[cell.slot];
    if (!w) continue;
    if (cell.kind === 'mark') drawMark(s, cell, w.mark, ink, pen, rand);
    else if (w.name) text(s, cell.x + 2, cell.y + 2.5, cell.w - 4, 5, rand, ink, pen);
  }
  return scan(s, distortion);
}

function drawCode(s: Sheet, rect: Rect, code: RoundCode, quiet: number): void {
  const matrix = roundCodeMatrix(code);
  const n = matrix.length + 2 * quiet;
  const m = rect.w / n;
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) fillRect(s, rect.x + (x + quiet) * m, rect.y + (y + quiet) * m, m, m);
    }),
  );
}

/** Stroke soup the size of a line of characters. */
function text(
  s: Sheet,
  x: number,
  y: number,
  w: number,
  h: number,
  rand: () => number,
  ink = 1,
  pen = 0.3,
): void {
  const chars = Math.max(1, Math.floor(w / (h * 1.1)));
  for (let c = 0; c < chars; c++) {
    const ox = x + c * h * 1.1;
    for (let k = 0; k < 5; k++) {
      const a: [number, number] = [ox + rand() * h, y + rand() * h];
      const b: [number, number] = [ox + rand() * h, y + rand() * h];
      polyline(s, [a, b], pen, ink);
    }
  }
}

function drawMark(
  s: Sheet,
  cell: Rect,
  mark: VoterMark,
  ink: number,
  pen: number,
  rand: () => number,
): void {
  const cx = cell.x + cell.w / 2 + (rand() - 0.5) * cell.w * 0.12;
  const cy = cell.y + cell.h / 2 + (rand() - 0.5) * cell.h * 0.12;
  const r = Math.min(cell.w, cell.h) * (0.25 + rand() * 0.12);
  const line = (pts: [number, number][], darkness = ink): void => polyline(s, pts, pen, darkness);
  const circle = (
    x: number,
    y: number,
    rad: number,
    turn = 0.97 + rand() * 0.1,
    darkness = ink,
  ) => {
    const start = rand() * Math.PI * 2;
    const sweep = Math.PI * 2 * turn;
    const squash = 0.85 + rand() * 0.3;
    const pts: [number, number][] = [];
    for (let i = 0; i <= 40; i++) {
      const t = start + (sweep * i) / 40;
      const wobble = 1 + (rand() - 0.5) * 0.06;
      pts.push([x + rad * wobble * Math.cos(t), y + rad * squash * wobble * Math.sin(t)]);
    }
    line(pts, darkness);
  };
  const cross = (x: number, y: number, rad: number): void => {
    const j = (): number => (rand() - 0.5) * rad * 0.25;
    line([
      [x - rad + j(), y - rad + j()],
      [x + rad + j(), y + rad + j()],
    ]);
    line([
      [x + rad + j(), y - rad + j()],
      [x - rad + j(), y + rad + j()],
    ]);
  };
  switch (mark) {
    case '-':
      return;
    case 'O':
      return circle(cx, cy, r);
    case 'open':
      return circle(cx, cy, r, 11 / 12);
    case 'curl':
      return circle(cx, cy, r, 2 / 3);
    case 'faint-second':
      circle(cell.x + cell.w * 0.28, cy, cell.w * 0.17);
      return circle(cell.x + cell.w * 0.72, cy, cell.w * 0.17, 1, ink * 0.25);
    case 'X':
      return cross(cx, cy, r * 0.9);
    case 'tick':
      return line([
        [cx - r, cy],
        [cx - r * 0.3, cy + r * 0.8],
        [cx + r, cy - r],
      ]);
    case 'filled':
      return fillRect(s, cell.x + 1.2, cell.y + 1.2, cell.w - 2.4, cell.h - 2.4, ink);
    case 'two':
      circle(cell.x + cell.w * 0.28, cy, cell.w * 0.17);
      return circle(cell.x + cell.w * 0.72, cy, cell.w * 0.17);
    case 'crossed':
      circle(cx, cy, r);
      return cross(cx, cy, r * 1.1);
    case 'across':
      return circle(cell.x + cell.w * 0.85, cy, r * 1.2);
    case 'scribble': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 12; i++)
        pts.push([cx + (rand() - 0.5) * 2 * r, cy + (rand() - 0.5) * 2 * r]);
      return line(pts);
    }
  }
}
