import { borderCrossing, insideMask, type InkMask } from './ink';
import type { CellWindow } from './window';

export type CellMark = 'O' | 'X' | '-' | '?';

export interface CellReading {
  mark: CellMark;
  /** 0–1: how sure the reader is of `mark`. */
  confidence: number;
}

/** A cell is read without review only at or above this confidence (and never when `?`). */
export const READ_CONFIDENCE = 0.8;

/** 0 at `bad`, 1 at `good`, linear between (either direction). */
function ramp(value: number, bad: number, good: number): number {
  const t = (value - bad) / (good - bad);
  return t <= 0 ? 0 : t >= 1 ? 1 : t;
}

interface Shape {
  /** Size of the ink's bounding box, mm. */
  wide: number;
  tall: number;
  /** Share of ink on the ellipse inscribed in the bounding box, closely (`tight`), and near its centre. */
  ring: number;
  tight: number;
  centre: number;
  /** Of 16 directions from the centre, those in which there is ink away from it. */
  directions: number;
  /** Share of the ink near either diagonal of the bounding box, and how much of each diagonal is inked. */
  onDiagonals: number;
  diagonal1: number;
  diagonal2: number;
  /** Paper enclosed by the ink (gaps up to about 1 mm closed), as a share of the bounding box. */
  hole: number;
  /** Is there ink at the crossing point of the two diagonals? */
  crossed: boolean;
}

export function shapeOf(ink: InkMask, pitch: number): Shape {
  const { width, height, mask } = ink;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (mask[y * width + x] === 1) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const ax = Math.max(1, (x1 - x0) / 2);
  const ay = Math.max(1, (y1 - y0) / 2);
  let n = 0;
  let ring = 0;
  let tight = 0;
  let centre = 0;
  let onDiagonals = 0;
  let crossed = false;
  let bins = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      if (mask[y * width + x] !== 1) continue;
      const u = (x - cx) / ax;
      const v = (y - cy) / ay;
      const r = Math.sqrt(u * u + v * v);
      n++;
      if (r >= 0.6 && r <= 1.25) ring++;
      if (r >= 0.72 && r <= 1.2) tight++;
      if (r < 0.45) centre++;
      if (r < 0.3) crossed = true;
      if (Math.min(Math.abs(u - v), Math.abs(u + v)) / Math.SQRT2 <= 0.25) onDiagonals++;
      if (r >= 0.5)
        bins |= 1 << Math.min(15, Math.floor(((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * 16));
    }
  let directions = 0;
  for (let b = 0; b < 16; b++) if ((bins >> b) & 1) directions++;
  const total = Math.max(1, n);
  return {
    wide: (x1 - x0 + 1) * pitch,
    tall: (y1 - y0 + 1) * pitch,
    ring: ring / total,
    tight: tight / total,
    centre: centre / total,
    directions,
    onDiagonals: onDiagonals / total,
    diagonal1: diagonalCover(ink, x0, y0, x1, y1),
    diagonal2: diagonalCover(ink, x1, y0, x0, y1),
    hole: enclosed(ink, x0, y0, x1, y1) / ((x1 - x0 + 1) * (y1 - y0 + 1)),
    crossed,
  };
}

/** Share of points along a diagonal (ends left out) with ink nearby. */
function diagonalCover(ink: InkMask, xa: number, ya: number, xb: number, yb: number): number {
  const reach = Math.max(1, Math.round(0.1 * Math.min(Math.abs(xb - xa), yb - ya)));
  const steps = 24;
  let hit = 0;
  for (let s = 0; s <= steps; s++) {
    const t = 0.1 + (0.8 * s) / steps;
    const px = Math.round(xa + t * (xb - xa));
    const py = Math.round(ya + t * (yb - ya));
    let found = false;
    for (let dy = -reach; dy <= reach && !found; dy++)
      for (let dx = -reach; dx <= reach && !found; dx++) {
        const x = px + dx;
        const y = py + dy;
        if (
          x >= 0 &&
          y >= 0 &&
          x < ink.width &&
          y < ink.height &&
          ink.mask[y * ink.width + x] === 1
        )
          found = true;
      }
    if (found) hit++;
  }
  return hit / (steps + 1);
}

/** Paper samples inside the bounding box that cannot be reached from outside the thickened ink. */
function enclosed(ink: InkMask, x0: number, y0: number, x1: number, y1: number): number {
  const w = x1 - x0 + 3;
  const h = y1 - y0 + 3;
  const grow = 2;
  const wall = new Uint8Array(w * h);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      if (ink.mask[y * ink.width + x] !== 1) continue;
      for (let dy = -grow; dy <= grow; dy++)
        for (let dx = -grow; dx <= grow; dx++) {
          const gx = x - x0 + 1 + dx;
          const gy = y - y0 + 1 + dy;
          if (gx >= 1 && gy >= 1 && gx < w - 1 && gy < h - 1) wall[gy * w + gx] = 1;
        }
    }
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let top = 0;
  for (let x = 0; x < w; x++) {
    stack[top++] = x;
    stack[top++] = (h - 1) * w + x;
  }
  for (let y = 1; y < h - 1; y++) {
    stack[top++] = y * w;
    stack[top++] = y * w + w - 1;
  }
  let outside = 0;
  while (top > 0) {
    const p = stack[--top] ?? 0;
    if (seen[p] === 1 || wall[p] === 1) continue;
    seen[p] = 1;
    outside++;
    const x = p % w;
    if (x > 0) stack[top++] = p - 1;
    if (x < w - 1) stack[top++] = p + 1;
    if (p >= w) stack[top++] = p - w;
    if (p < w * (h - 1)) stack[top++] = p + w;
  }
  let walls = 0;
  for (let i = 0; i < wall.length; i++) walls += wall[i] ?? 0;
  return Math.max(0, w * h - outside - walls);
}

/** ○, ×, blank, or `?` for anything else (tick, filled, two marks, crossed-out, across the border). */
export function readMarkCell(win: CellWindow): CellReading {
  const ink = insideMask(win);
  // Faint ink and specks together: a light ○ that a black-and-white scan broke into dust.
  const blank = Math.min(ramp(ink.area, 1.2, 0.3), ramp(ink.faint + ink.specks, 1.5, 0.5));
  if (ink.area < 0.3) return blank >= 0.5 ? { mark: '-', confidence: blank } : unclear(blank, 0, 0);
  const s = shapeOf(ink, win.pitch);
  const crossing = borderCrossing(win);
  const common = Math.min(
    ramp(crossing, 1.0, 0.25),
    ink.parts === 1 ? 1 : 0,
    ramp(ink.area / ink.inside, 0.45, 0.3),
    ramp(Math.min(s.wide, s.tall), 1.5, 2.5),
    ramp(Math.min(s.wide / s.tall, s.tall / s.wide), 0.3, 0.45),
    ramp(win.borderInk, 0.2, 0.4),
    // Much ink left aside as dust or too faint to count: a second, lighter mark; a teller looks.
    ramp(ink.specks + ink.faint, 3, 1.5),
  );
  const circle = Math.min(
    common,
    ramp(s.ring, 0.75, 0.9),
    ramp(s.tight, 0.8, 0.9),
    ramp(s.centre, 0.06, 0.015),
    // Closed, or open by less than an eighth of a turn with all of its ink close on one ellipse,
    // as a ○ drawn in one quick stroke often is; a curl, a hook or a tail leaves that ellipse.
    Math.max(
      ramp(s.hole, 0.1, 0.25),
      ramp(s.directions, 13.5, 15.5),
      Math.min(ramp(s.directions, 14, 15), ramp(s.ring, 0.9, 0.97), ramp(s.tight, 0.9, 0.97)),
    ),
    ramp(s.directions, 11, 14),
    ramp(s.onDiagonals, 0.7, 0.5),
  );
  const cross = Math.min(
    common,
    ramp(s.diagonal1, 0.6, 0.85),
    ramp(s.diagonal2, 0.6, 0.85),
    ramp(s.onDiagonals, 0.7, 0.88),
    ramp(s.hole, 0.1, 0.03),
    s.crossed ? 1 : 0,
  );
  if (circle >= 0.5 && circle >= cross) return { mark: 'O', confidence: circle };
  if (cross >= 0.5) return { mark: 'X', confidence: cross };
  return unclear(blank, circle, cross);
}

function unclear(blank: number, circle: number, cross: number): CellReading {
  return { mark: '?', confidence: 1 - Math.max(blank, circle, cross) };
}

/** Handwriting in a 另选人 name cell. */
export function readNameCell(win: CellWindow): { ink: boolean; confidence: number } {
  const ink = insideMask(win, 0.7);
  const written = ramp(ink.area, 1.0, 3.0);
  const empty = Math.min(ramp(ink.area, 1.0, 0.3), ramp(ink.faint, 3, 1), ramp(ink.specks, 3, 1));
  return written >= empty ? { ink: true, confidence: written } : { ink: false, confidence: empty };
}
