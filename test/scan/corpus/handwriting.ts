import type { Rect } from '../../../shared/scan/layout';
import { penStroke, type Pen, type Stroke } from './pen';
import type { Rng } from './rng';

/**
 * A hand-written name in a write-in cell: two or three characters, each a few brush-like strokes
 * (横 竖 撇 捺 点 and a hooked 竖) placed on the character's grid. It need not be legible; it has
 * to look like writing to anything that measures ink, strokes and extent.
 */
export function nameStrokes(cell: Rect, pen: Pen, rng: Rng): Stroke[] {
  const count = rng.chance(0.7) ? 3 : 2;
  const vertical = cell.h > cell.w * 1.3;
  const pitch = vertical ? cell.h / count : cell.w / count;
  const across = vertical ? cell.w : cell.h;
  const size = Math.min(pitch * 0.78, across * 0.7);
  const strokes: Stroke[] = [];
  for (let k = 0; k < count; k++) {
    const along = (k + 0.5) * pitch + rng.range(-0.05, 0.05) * pitch;
    const cx = vertical ? cell.x + cell.w / 2 + rng.range(-0.06, 0.06) * cell.w : cell.x + along;
    const cy = vertical ? cell.y + along : cell.y + cell.h / 2 + rng.range(-0.06, 0.06) * cell.h;
    strokes.push(...glyph(cx, cy, size * rng.range(0.85, 1), pen, rng));
  }
  return strokes;
}

type Kind = 'heng' | 'shu' | 'pie' | 'na' | 'dian' | 'gou';

function glyph(cx: number, cy: number, size: number, pen: Pen, rng: Rng): Stroke[] {
  const h = size / 2;
  const n = 3 + rng.int(6);
  const strokes: Stroke[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.weighted<Kind>({ heng: 4, shu: 3, pie: 2, na: 1.5, dian: 2, gou: 1 });
    const gx = cx + h * (rng.int(3) - 1) * 0.45 + rng.range(-0.1, 0.1) * h;
    const gy = cy + h * (rng.int(3) - 1) * 0.45 + rng.range(-0.1, 0.1) * h;
    strokes.push(penStroke(pen, rng, ...path(kind, gx, gy, h, cx, cy, rng)));
  }
  return strokes;
}

function path(
  kind: Kind,
  gx: number,
  gy: number,
  h: number,
  cx: number,
  cy: number,
  rng: Rng,
): [number[], number[]] {
  const pts: [number, number][] = [];
  const l = h * rng.range(0.5, 0.95);
  switch (kind) {
    case 'heng': {
      const slope = -rng.range(0.03, 0.12);
      for (let t = -1; t <= 1.001; t += 0.25) pts.push([cx + l * t, gy + l * t * slope]);
      break;
    }
    case 'shu':
      for (let t = -1; t <= 1.001; t += 0.25) pts.push([gx + l * 0.03 * t, cy + l * t]);
      break;
    case 'pie':
      for (let t = 0; t <= 1.001; t += 0.125)
        pts.push([gx + l * 0.4 - l * t * t, gy - l * 0.6 + l * 1.2 * t]);
      break;
    case 'na':
      for (let t = 0; t <= 1.001; t += 0.125)
        pts.push([gx - l * 0.5 + l * t, gy - l * 0.5 + l * t * (0.6 + 0.4 * t)]);
      break;
    case 'dian':
      pts.push([gx, gy], [gx + h * 0.08, gy + h * 0.1], [gx + h * 0.12, gy + h * 0.18]);
      break;
    case 'gou':
      for (let t = -1; t <= 1.001; t += 0.25) pts.push([gx, cy + l * t]);
      pts.push([gx - h * 0.1, cy + l - h * 0.08], [gx - h * 0.2, cy + l - h * 0.14]);
      break;
  }
  const limit = h * 1.05;
  return [
    pts.map(([x]) => Math.max(cx - limit, Math.min(cx + limit, x))),
    pts.map(([, y]) => Math.max(cy - limit, Math.min(cy + limit, y))),
  ];
}
