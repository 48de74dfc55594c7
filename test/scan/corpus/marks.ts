import type { Rect } from '../../../shared/scan/layout';
import { penStroke, type Pen, type Stroke } from './pen';
import type { Rng } from './rng';

/** Marks that a careful counter would not read as ○ or ×; the reader must send them to review. */
export type OddMark = 'tick' | 'filled' | 'scribble' | 'crossed-circle' | 'double' | 'border';
export type CellMark = 'O' | 'X' | OddMark;

/** Free space (mm) beyond each border of a cell before another counted cell begins. */
export interface Room {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Distance kept between an ordinary mark's ink and the printed border, in millimetres. */
const MARGIN = 0.5;

interface Box {
  cx: number;
  cy: number;
  /** Half-extents available to the path (ink edge excluded). */
  hw: number;
  hh: number;
}

function inner(cell: Rect, pen: Pen): Box {
  const inset = MARGIN + pen.width / 2;
  return {
    cx: cell.x + cell.w / 2,
    cy: cell.y + cell.h / 2,
    hw: Math.max(0.5, cell.w / 2 - inset),
    hh: Math.max(0.5, cell.h / 2 - inset),
  };
}

export function markStrokes(mark: CellMark, cell: Rect, pen: Pen, rng: Rng, room: Room): Stroke[] {
  const box = inner(cell, pen);
  switch (mark) {
    case 'O':
      return [circleIn(box, pen, rng, rng.range(0.4, 0.9))];
    case 'X':
      return crossIn(box, pen, rng, rng.range(0.5, 0.95));
    case 'tick':
      return [tickIn(box, pen, rng)];
    case 'filled':
      return [fillIn(box, pen, rng)];
    case 'scribble':
      return [scribbleIn(box, pen, rng)];
    case 'crossed-circle': {
      const size = rng.range(0.6, 0.85);
      return [circleIn(box, pen, rng, size), ...crossIn(box, pen, rng, Math.min(1, size + 0.15))];
    }
    case 'double':
      return doubleIn(box, pen, rng);
    case 'border':
      return acrossBorder(cell, pen, rng, room);
  }
}

/** How far past a border a border-crossing mark can reach, if any side allows it. */
export function canCrossBorder(room: Room): boolean {
  return Math.max(room.top, room.right, room.bottom, room.left) >= 2;
}

function circleIn(box: Box, pen: Pen, rng: Rng, size: number): Stroke {
  const ry = Math.min(box.hh, box.hw) * size;
  const rx = Math.min(box.hw, ry * rng.range(0.8, 1.3));
  const slackX = (box.hw - rx) * 0.9;
  const slackY = (box.hh - ry) * 0.9;
  const cx = box.cx + rng.range(-1, 1) * Math.min(slackX, 0.12 * rx * 2);
  const cy = box.cy + rng.range(-1, 1) * Math.min(slackY, 0.12 * ry * 2);
  return ellipse(pen, rng, cx, cy, rx * 0.97, ry * 0.97, rng.range(-0.35, 0.35));
}

/** A hand-drawn ellipse: starts anywhere, may not close (gap up to 15 %) or may overrun. */
function ellipse(
  pen: Pen,
  rng: Rng,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  tilt: number,
): Stroke {
  const start = rng.range(0, 2 * Math.PI);
  const dir = rng.chance(0.7) ? -1 : 1;
  // Most voters close the ring or overrun a little; some leave a gap, rarely as much as 15 %.
  const gap = rng.chance(0.35) ? 0.15 * rng.next() ** 2 : -rng.range(0, 0.12);
  const sweep = 2 * Math.PI * (1 - gap);
  const drift = rng.range(-0.05, 0.05);
  const a2 = rng.range(0, 0.04);
  const p2 = rng.range(0, 2 * Math.PI);
  const a3 = rng.range(0, 0.025);
  const p3 = rng.range(0, 2 * Math.PI);
  const n = Math.max(28, Math.ceil((sweep * Math.max(rx, ry)) / 0.35));
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const th = start + dir * sweep * t;
    const r = 1 + drift * (t - 0.5) + a2 * Math.sin(2 * th + p2) + a3 * Math.sin(3 * th + p3);
    const ex = rx * r * Math.cos(th);
    const ey = ry * r * Math.sin(th);
    xs.push(cx + ex * cos - ey * sin);
    ys.push(cy + ex * sin + ey * cos);
  }
  return penStroke(pen, rng, xs, ys);
}

/** A slightly bowed straight line from (x0, y0) to (x1, y1). */
function line(pen: Pen, rng: Rng, x0: number, y0: number, x1: number, y1: number): Stroke {
  const bow = rng.range(-0.05, 0.05);
  const nx = -(y1 - y0);
  const ny = x1 - x0;
  const xs: number[] = [];
  const ys: number[] = [];
  const n = 10;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const b = bow * 4 * t * (1 - t);
    xs.push(x0 + (x1 - x0) * t + nx * b);
    ys.push(y0 + (y1 - y0) * t + ny * b);
  }
  return penStroke(pen, rng, xs, ys);
}

/** Longest half-length from (cx, cy) along angle `a` that stays inside the box. */
function reach(box: Box, cx: number, cy: number, a: number): number {
  const c = Math.abs(Math.cos(a));
  const s = Math.abs(Math.sin(a));
  const rx = box.hw - Math.abs(cx - box.cx);
  const ry = box.hh - Math.abs(cy - box.cy);
  return Math.min(c > 1e-6 ? rx / c : Infinity, s > 1e-6 ? ry / s : Infinity) / 1.08;
}

function crossIn(outer: Box, pen: Pen, rng: Rng, size: number): Stroke[] {
  // A × keeps roughly square proportions even in a wide cell.
  const box = {
    ...outer,
    hw: Math.min(outer.hw, outer.hh * rng.range(1, 1.4)),
    hh: Math.min(outer.hh, outer.hw * rng.range(1, 1.4)),
  };
  const cx = box.cx + rng.range(-0.1, 0.1) * box.hw;
  const cy = box.cy + rng.range(-0.1, 0.1) * box.hh;
  const a1 = Math.atan2(box.hh, box.hw) + rng.range(-0.3, 0.3);
  const a2 = Math.PI - Math.atan2(box.hh, box.hw) + rng.range(-0.3, 0.3);
  return [a1, a2].map((a) => {
    const l = reach(box, cx, cy, a) * size * rng.range(0.85, 1);
    const along = rng.range(-0.15, 0.15) * l;
    const mx = cx + along * Math.cos(a);
    const my = cy + along * Math.sin(a);
    const h = Math.min(l, reach(box, mx, my, a));
    return line(
      pen,
      rng,
      mx - h * Math.cos(a),
      my - h * Math.sin(a),
      mx + h * Math.cos(a),
      my + h * Math.sin(a),
    );
  });
}

function tickIn(box: Box, pen: Pen, rng: Rng): Stroke {
  const s = Math.min(box.hw, box.hh) * rng.range(0.6, 0.95);
  const x0 = box.cx - s * 0.8;
  const y0 = box.cy;
  const x1 = box.cx - s * 0.35;
  const y1 = box.cy + s * rng.range(0.6, 0.9);
  const x2 = box.cx + s * rng.range(0.7, 0.95);
  const y2 = box.cy - s * rng.range(0.7, 0.95);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 4; i++) {
    xs.push(x0 + ((x1 - x0) * i) / 4);
    ys.push(y0 + ((y1 - y0) * i) / 4);
  }
  for (let i = 1; i <= 10; i++) {
    const t = i / 10;
    xs.push(x1 + (x2 - x1) * t);
    ys.push(y1 + (y2 - y1) * t - 0.4 * s * 0.1 * Math.sin(Math.PI * t));
  }
  return penStroke(pen, rng, xs, ys);
}

/** The cell coloured in with dense back-and-forth strokes. */
function fillIn(box: Box, pen: Pen, rng: Rng): Stroke {
  const fw = box.hw * rng.range(0.7, 0.98);
  const fh = box.hh * rng.range(0.7, 0.98);
  const step = pen.width * rng.range(0.5, 0.8);
  const rows = Math.max(4, Math.ceil((2 * fh) / step));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= rows; i++) {
    const y = box.cy - fh + (2 * fh * i) / rows;
    const wob = rng.range(0, 0.08) * fw;
    xs.push(i % 2 === 0 ? box.cx - fw + wob : box.cx + fw - wob);
    ys.push(y);
  }
  return penStroke({ ...pen, width: pen.width * 1.2 }, rng, xs, ys);
}

/**
 * A tangle of loops, the way a voter blots out a cell: two turns or more, the two main frequencies
 * apart, so the pen crosses its own path again and again; one turn at equal frequencies would
 * come out as a ○ with a tail, one crossing as a ×. A path that crosses itself fewer than
 * `TANGLE` times, or keeps to a ring around an empty middle (a ○ gone over twice), is not a
 * scribble, and is drawn again.
 */
function scribbleIn(box: Box, pen: Pen, rng: Rng): Stroke {
  for (;;) {
    const path = tanglePath(box, rng);
    if (selfCrossings(path.xs, path.ys) >= TANGLE && throughMiddle(path.xs, path.ys) >= 0.2)
      return penStroke(pen, rng, path.xs, path.ys);
  }
}

const TANGLE = 6;

function tanglePath(box: Box, rng: Rng): { xs: number[]; ys: number[] } {
  const ax = box.hw * rng.range(0.5, 0.85);
  const ay = box.hh * rng.range(0.5, 0.85);
  const fx = rng.range(10, 16);
  const f = [fx, rng.range(17, 25), fx * rng.range(1.3, 1.7), rng.range(17, 25)];
  const p = [0, 1, 2, 3].map(() => rng.range(0, 2 * Math.PI));
  const xs: number[] = [];
  const ys: number[] = [];
  const n = 160;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const x =
      0.7 * Math.sin((f[0] ?? 5) * t + (p[0] ?? 0)) +
      0.3 * Math.sin((f[1] ?? 13) * t + (p[1] ?? 0));
    const y =
      0.7 * Math.sin((f[2] ?? 5) * t + (p[2] ?? 0)) +
      0.3 * Math.sin((f[3] ?? 13) * t + (p[3] ?? 0));
    xs.push(box.cx + ax * x);
    ys.push(box.cy + ay * y);
  }
  return { xs, ys };
}

/** Share of a path's points in the middle of its bounding box (inside half its inscribed ellipse). */
function throughMiddle(xs: readonly number[], ys: readonly number[]): number {
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [cx, cy, ax, ay] = [(x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 || 1, (y1 - y0) / 2 || 1];
  const inside = xs.filter((x, i) => Math.hypot((x - cx) / ax, ((ys[i] ?? 0) - cy) / ay) < 0.5);
  return inside.length / xs.length;
}

/** Proper crossings between non-adjacent segments of a polyline. */
export function selfCrossings(xs: readonly number[], ys: readonly number[]): number {
  const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
    Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let count = 0;
  for (let i = 0; i + 1 < xs.length; i++)
    for (let j = i + 2; j + 1 < xs.length; j++) {
      const [ax, ay, bx, by] = [xs[i] ?? 0, ys[i] ?? 0, xs[i + 1] ?? 0, ys[i + 1] ?? 0];
      const [cx, cy, dx, dy] = [xs[j] ?? 0, ys[j] ?? 0, xs[j + 1] ?? 0, ys[j + 1] ?? 0];
      if (
        side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 &&
        side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0
      )
        count++;
    }
  return count;
}

function doubleIn(box: Box, pen: Pen, rng: Rng): Stroke[] {
  const wide = box.hw >= box.hh * 0.9;
  const halves: Box[] = [-1, 1].map((side) =>
    wide
      ? { cx: box.cx + (side * box.hw) / 2, cy: box.cy, hw: box.hw / 2 - 0.3, hh: box.hh }
      : { cx: box.cx, cy: box.cy + (side * box.hh) / 2, hw: box.hw, hh: box.hh / 2 - 0.3 },
  );
  const kinds = rng.pick([
    ['O', 'O'],
    ['O', 'X'],
    ['X', 'O'],
    ['O', 'X'],
  ] as const);
  return halves.flatMap((half, i) =>
    kinds[i] === 'O'
      ? [circleIn(half, pen, rng, rng.range(0.6, 0.9))]
      : crossIn(half, pen, rng, rng.range(0.6, 0.9)),
  );
}

/** A ○ or × drawn too large or too far over, so that it clearly crosses a free border. */
function acrossBorder(cell: Rect, pen: Pen, rng: Rng, room: Room): Stroke[] {
  const sides = (['top', 'right', 'bottom', 'left'] as const).filter((s) => room[s] >= 2);
  const side = sides.length > 0 ? rng.pick(sides) : 'top';
  const size = Math.min(cell.w, cell.h) * rng.range(0.6, 0.9);
  const over = Math.min(room[side] - 0.6, size * rng.range(0.25, 0.45));
  const r = size / 2;
  let cx = cell.x + cell.w / 2;
  let cy = cell.y + cell.h / 2;
  if (side === 'top') cy = cell.y - over + r;
  if (side === 'bottom') cy = cell.y + cell.h + over - r;
  if (side === 'left') cx = cell.x - over + r;
  if (side === 'right') cx = cell.x + cell.w + over - r;
  const box: Box = { cx, cy, hw: r, hh: r };
  return rng.chance(0.6)
    ? [ellipse(pen, rng, cx, cy, r, r * rng.range(0.85, 1), 0)]
    : crossIn(box, pen, rng, 0.95);
}
