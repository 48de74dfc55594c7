import type { GreyRaster } from './raster';
import type { Rng } from './rng';

/** A pen line in millimetres on the sheet: points and the full width at each point. */
export interface Stroke {
  xs: number[];
  ys: number[];
  widths: number[];
}

/** What a voter writes with: line width in millimetres and the grey it leaves at full cover. */
export interface Pen {
  width: number;
  ink: number;
}

export function choosePen(rng: Rng): Pen {
  const blue = rng.chance(0.4);
  return {
    width: rng.range(0.3, 0.9),
    ink: blue ? rng.range(90, 140) : rng.range(12, 45),
  };
}

/**
 * Turns a path into a stroke with the pressure of a hand: the width swells and thins smoothly
 * along the line and tapers where the pen lands and lifts.
 */
export function penStroke(pen: Pen, rng: Rng, xs: number[], ys: number[]): Stroke {
  const n = xs.length;
  const phase = rng.range(0, 2 * Math.PI);
  const swell = rng.range(0.05, 0.18);
  const cycles = rng.range(0.5, 2);
  const widths: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = n > 1 ? i / (n - 1) : 0.5;
    const taper = Math.min(1, 0.6 + 4 * t, 0.6 + 4 * (1 - t));
    widths.push(
      pen.width * taper * (1 - swell + swell * Math.sin(phase + 2 * Math.PI * cycles * t)),
    );
  }
  return { xs, ys, widths };
}

let scratch = new Float32Array(0);

/**
 * Draws strokes onto an image at `scale` pixels per millimetre. Coverage is the distance from each
 * pixel centre to the nearest segment against the local half-width (anti-aliased, one pixel of
 * ramp); the strokes of one mark share a coverage buffer so joints and crossings do not darken
 * twice, and the ink is laid multiplicatively over what is printed.
 */
export function drawStrokes(image: GreyRaster, strokes: Stroke[], pen: Pen, scale: number): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxW = 0;
  for (const s of strokes) {
    for (let i = 0; i < s.xs.length; i++) {
      const x = (s.xs[i] ?? 0) * scale;
      const y = (s.ys[i] ?? 0) * scale;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      maxW = Math.max(maxW, (s.widths[i] ?? 0) * scale);
    }
  }
  const pad = maxW / 2 + 2;
  const bx0 = Math.max(0, Math.floor(minX - pad));
  const by0 = Math.max(0, Math.floor(minY - pad));
  const bx1 = Math.min(image.width, Math.ceil(maxX + pad));
  const by1 = Math.min(image.height, Math.ceil(maxY + pad));
  const bw = bx1 - bx0;
  const bh = by1 - by0;
  if (bw <= 0 || bh <= 0) return;
  if (scratch.length < bw * bh) scratch = new Float32Array(bw * bh * 2);
  const cover = scratch;
  cover.fill(0, 0, bw * bh);
  for (const s of strokes) {
    for (let i = 0; i + 1 < s.xs.length; i++) {
      const j = i + 1;
      coverSegment(
        cover,
        bx0,
        by0,
        bw,
        bh,
        (s.xs[i] ?? 0) * scale,
        (s.ys[i] ?? 0) * scale,
        (s.xs[j] ?? 0) * scale,
        (s.ys[j] ?? 0) * scale,
        ((s.widths[i] ?? 0) * scale) / 2,
        ((s.widths[j] ?? 0) * scale) / 2,
      );
    }
  }
  const keep = 1 - pen.ink / 255;
  const { data, width } = image;
  for (let y = 0; y < bh; y++) {
    const row = (y + by0) * width + bx0;
    const crow = y * bw;
    for (let x = 0; x < bw; x++) {
      const c = cover[crow + x] ?? 0;
      if (c > 0) {
        const i = row + x;
        data[i] = Math.round((data[i] ?? 255) * (1 - c * keep));
      }
    }
  }
}

function coverSegment(
  cover: Float32Array,
  bx0: number,
  by0: number,
  bw: number,
  bh: number,
  ax: number,
  ay: number,
  cx: number,
  cy: number,
  ra: number,
  rc: number,
): void {
  const r = Math.max(ra, rc) + 1;
  const x0 = Math.max(0, Math.floor(Math.min(ax, cx) - r) - bx0);
  const y0 = Math.max(0, Math.floor(Math.min(ay, cy) - r) - by0);
  const x1 = Math.min(bw, Math.ceil(Math.max(ax, cx) + r) - bx0);
  const y1 = Math.min(bh, Math.ceil(Math.max(ay, cy) + r) - by0);
  const dx = cx - ax;
  const dy = cy - ay;
  const len2 = dx * dx + dy * dy;
  const inv = len2 > 1e-9 ? 1 / len2 : 0;
  for (let y = y0; y < y1; y++) {
    const py = y + by0 + 0.5 - ay;
    const row = y * bw;
    for (let x = x0; x < x1; x++) {
      const px = x + bx0 + 0.5 - ax;
      let t = (px * dx + py * dy) * inv;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d = Math.sqrt(ex * ex + ey * ey);
      let c = ra + (rc - ra) * t + 0.5 - d;
      if (c <= 0) continue;
      if (c > 1) c = 1;
      const k = row + x;
      if (c > (cover[k] ?? 0)) cover[k] = c;
    }
  }
}
