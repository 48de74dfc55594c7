import { applyHomography, type Homography, type Point } from './homography';
import { percentile, sampleBilinear, type GrayImage } from './image';
import type { Rect } from './layout';

/** The page as the reader samples it: a (possibly reduced) image and the map from millimetres. */
export interface PageView {
  image: GrayImage;
  /** Millimetres on the sheet → pixels of `image`. */
  toImage: Homography;
  /** Grey level of the printed black (the registration marks). */
  black: number;
}

/**
 * A rectified patch of the sheet around one cell: `ink[i]` is how dark a sample is between the
 * local paper (0) and printed black (1); the cell's border lines have been located in it.
 */
export interface CellWindow {
  width: number;
  height: number;
  /** Millimetres per sample. */
  pitch: number;
  ink: Float32Array;
  /** Located border lines, in samples: left, top, right, bottom. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Mean ink along the four border lines (a printed line is near 1). */
  borderInk: number;
  /** Spread of the paper's grey, in ink units: the noise the thresholds must clear. */
  noise: number;
}

const SAMPLE_PITCH = 0.25;
const MARGIN = 1.75;
const BORDER_SEARCH = 1.0;

export function quadOf(view: PageView, rect: Rect, scale: number): [Point, Point, Point, Point] {
  const { x, y, w, h } = rect;
  const p = (u: number, v: number): Point => {
    const q = applyHomography(view.toImage, u, v);
    return { x: q.x * scale, y: q.y * scale };
  };
  return [p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)];
}

/** Grey samples of a rectangle of the sheet, `pitch` mm apart, row-major. */
export function sampleRect(view: PageView, rect: Rect, pitch: number): Float32Array {
  const width = Math.max(1, Math.round(rect.w / pitch));
  const height = Math.max(1, Math.round(rect.h / pitch));
  const out = new Float32Array(width * height);
  const h = view.toImage;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  if (h0 === undefined || h1 === undefined || h2 === undefined || h3 === undefined) return out;
  if (h4 === undefined || h5 === undefined || h6 === undefined || h7 === undefined) return out;
  const h8v = h8 ?? 1;
  for (let j = 0; j < height; j++) {
    const v = rect.y + (j + 0.5) * pitch;
    for (let i = 0; i < width; i++) {
      const u = rect.x + (i + 0.5) * pitch;
      const w = h6 * u + h7 * v + h8v;
      out[j * width + i] = sampleBilinear(
        view.image,
        (h0 * u + h1 * v + h2) / w,
        (h3 * u + h4 * v + h5) / w,
      );
    }
  }
  return out;
}

export function cellWindow(view: PageView, cell: Rect): CellWindow {
  const pitch = SAMPLE_PITCH;
  const rect = {
    x: cell.x - MARGIN,
    y: cell.y - MARGIN,
    w: cell.w + 2 * MARGIN,
    h: cell.h + 2 * MARGIN,
  };
  const grey = sampleRect(view, rect, pitch);
  const width = Math.max(1, Math.round(rect.w / pitch));
  const height = Math.max(1, Math.round(rect.h / pitch));
  const paper = percentile(grey, 0.9);
  const contrast = Math.max(24, paper - view.black);
  const ink = new Float32Array(grey.length);
  for (let i = 0; i < grey.length; i++) ink[i] = (paper - (grey[i] ?? 255)) / contrast;
  const m = MARGIN / pitch;
  const search = BORDER_SEARCH / pitch;
  const left = findLine(ink, width, height, 'column', m, search);
  const right = findLine(ink, width, height, 'column', m + cell.w / pitch, search);
  const top = findLine(ink, width, height, 'row', m, search);
  const bottom = findLine(ink, width, height, 'row', m + cell.h / pitch, search);
  return {
    width,
    height,
    pitch,
    ink,
    left: left.at,
    right: right.at,
    top: top.at,
    bottom: bottom.at,
    borderInk: (left.ink + right.ink + top.ink + bottom.ink) / 4,
    noise: paperNoise(grey, paper, contrast),
  };
}

/** The darkest row (or column) near `expected`, averaged over the middle of the edge. */
function findLine(
  ink: Float32Array,
  width: number,
  height: number,
  along: 'row' | 'column',
  expected: number,
  search: number,
): { at: number; ink: number } {
  const span = along === 'row' ? width : height;
  const lines = along === 'row' ? height : width;
  const from = Math.round(span * 0.25);
  const to = Math.round(span * 0.75);
  let best = Math.round(expected);
  let bestInk = -Infinity;
  const lo = Math.max(0, Math.round(expected - search));
  const hi = Math.min(lines - 1, Math.round(expected + search));
  for (let line = lo; line <= hi; line++) {
    let sum = 0;
    for (let k = from; k < to; k++) {
      sum += ink[along === 'row' ? line * width + k : k * width + line] ?? 0;
    }
    const mean = sum / Math.max(1, to - from);
    // prefer the line nearest the expected place among near-equals
    const score = mean - 0.02 * Math.abs(line - expected);
    if (score > bestInk) {
      bestInk = score;
      best = line;
    }
  }
  return { at: best, ink: bestInk };
}

/** Spread of the paper's grey from the median to the 90th percentile (most samples are paper). */
function paperNoise(grey: Float32Array, paper: number, contrast: number): number {
  return Math.max(0, paper - percentile(grey, 0.5)) / (1.2816 * contrast);
}
