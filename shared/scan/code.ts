import { percentile } from './image';
import type { Rect, RoundCode } from './layout';
import { encodeRoundCode, QR_ECC_LEVELS, roundCodeMatrix } from './round-code';
import { sampleRect, type PageView } from './window';

/** A round code the reader may meet, with the QR matrices it can be printed as. */
export interface KnownCode {
  code: RoundCode;
  text: string;
  matrices: Uint8Array[];
  sizes: number[];
}

export interface CodeMatch {
  code: RoundCode;
  /** Share of modules that differ from the printed matrix (0 = perfect). */
  distance: number;
}

export interface CodeSighting {
  /** Does the region hold a QR-like pattern at all (some 30–70 % dark, with a clear square)? */
  present: boolean;
  match: CodeMatch | null;
}

/** A match needs at most this share of modules wrong, and a clear lead over any other code. */
const MAX_DISTANCE = 0.16;
const MIN_LEAD = 0.12;

const matrixCache = new Map<string, KnownCode>();

export function knownCode(code: RoundCode): KnownCode {
  const text = encodeRoundCode(code);
  const cached = matrixCache.get(text);
  if (cached) return cached;
  const matrices: Uint8Array[] = [];
  const sizes: number[] = [];
  for (const ecc of QR_ECC_LEVELS) {
    const m = roundCodeMatrix(code, ecc);
    const flat = new Uint8Array(m.length * m.length);
    m.forEach((row, y) => row.forEach((dark, x) => (flat[y * m.length + x] = dark ? 1 : 0)));
    if (
      matrices.some((other) => other.length === flat.length && other.every((v, i) => v === flat[i]))
    )
      continue;
    matrices.push(flat);
    sizes.push(m.length);
  }
  const known = { code, text, matrices, sizes };
  matrixCache.set(text, known);
  return known;
}

/** Samples the printed code region and matches it against the known codes by Hamming distance. */
export function sightCode(view: PageView, rect: Rect, known: readonly KnownCode[]): CodeSighting {
  const grow = Math.min(rect.w, rect.h) * 0.08;
  const area = { x: rect.x - grow, y: rect.y - grow, w: rect.w + 2 * grow, h: rect.h + 2 * grow };
  const pitch = Math.min(area.w, area.h) / 150;
  const grey = sampleRect(view, area, pitch);
  const width = Math.max(1, Math.round(area.w / pitch));
  const height = Math.max(1, Math.round(area.h / pitch));
  const paper = percentile(grey, 0.95);
  const black = percentile(grey, 0.05);
  if (paper - black < 40) return { present: false, match: null };
  const limit = (paper + black) / 2;
  const box = symbolBox(grey, width, height, limit);
  if (!box) return { present: false, match: null };
  let dark = 0;
  for (let y = box.top; y <= box.bottom; y++)
    for (let x = box.left; x <= box.right; x++) if ((grey[y * width + x] ?? 255) < limit) dark++;
  const share = dark / ((box.bottom - box.top + 1) * (box.right - box.left + 1));
  const present = share > 0.3 && share < 0.7;
  const sizes = [...new Set(known.flatMap((k) => k.sizes))];
  const grids = new Map(sizes.map((n) => [n, moduleGrid(grey, width, box, n)]));
  const scored = known.map((k) => {
    let distance = 1;
    k.matrices.forEach((matrix, i) => {
      const grid = grids.get(k.sizes[i] ?? 0);
      if (grid) distance = Math.min(distance, hamming(grid, matrix));
    });
    return { code: k.code, text: k.text, distance };
  });
  scored.sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  const runnerUp = scored.find((s) => best && s.text !== best.text);
  if (!best || best.distance > MAX_DISTANCE) return { present, match: null };
  if (runnerUp && runnerUp.distance < best.distance + MIN_LEAD) return { present, match: null };
  return { present: true, match: { code: best.code, distance: best.distance } };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The symbol's extent: the outer rows and columns with long dark stretches (the finder patterns). */
function symbolBox(grey: Float32Array, width: number, height: number, limit: number): Box | null {
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if ((grey[y * width + x] ?? 255) < limit) {
        rows[y] = (rows[y] ?? 0) + 1;
        cols[x] = (cols[x] ?? 0) + 1;
      }
  const first = (counts: Uint32Array, need: number): number => counts.findIndex((c) => c >= need);
  const last = (counts: Uint32Array, need: number): number => {
    for (let i = counts.length - 1; i >= 0; i--) if ((counts[i] ?? 0) >= need) return i;
    return -1;
  };
  const top = first(rows, 0.25 * width);
  const bottom = last(rows, 0.25 * width);
  const left = first(cols, 0.25 * height);
  const right = last(cols, 0.25 * height);
  if (top < 0 || left < 0 || bottom - top < 20 || right - left < 20) return null;
  return { left, top, right, bottom };
}

/** Dark (1) or light (0) for each of n × n modules, from the centre of each module. */
function moduleGrid(grey: Float32Array, width: number, box: Box, n: number): Uint8Array {
  const mw = (box.right - box.left + 1) / n;
  const mh = (box.bottom - box.top + 1) / n;
  const values = new Float32Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const cx = box.left + (i + 0.5) * mw - 0.5;
      const cy = box.top + (j + 0.5) * mh - 0.5;
      let sum = 0;
      let count = 0;
      for (let dy = -0.25; dy <= 0.25; dy += 0.25)
        for (let dx = -0.25; dx <= 0.25; dx += 0.25) {
          const x = Math.round(cx + dx * mw);
          const y = Math.round(cy + dy * mh);
          sum += grey[y * width + x] ?? 255;
          count++;
        }
      values[j * n + i] = sum / count;
    }
  const limit = (percentile(values, 0.1) + percentile(values, 0.9)) / 2;
  const grid = new Uint8Array(n * n);
  for (let k = 0; k < grid.length; k++) grid[k] = (values[k] ?? 255) < limit ? 1 : 0;
  return grid;
}

function hamming(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return 1;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d / a.length;
}
