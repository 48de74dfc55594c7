import { labelComponents, type Component } from './components';
import type { Point } from './homography';
import { downsample, type GrayImage } from './image';

/** The four registration marks as found in an image. */
export interface RegistrationMarks {
  /** Centres in image pixels, in image order: top-left, top-right, bottom-right, bottom-left. */
  centres: [Point, Point, Point, Point];
  /** Mean side of the four marks, in image pixels. */
  size: number;
}

export interface MarkSearch {
  /** Smallest and largest side of a mark, as a fraction of the image's longer side. */
  minSize?: number;
  maxSize?: number;
}

export interface PageSurvey {
  marks: RegistrationMarks | null;
  /** Share of the page's pixels that are dark (0–1), to tell a blank page from one without marks. */
  darkShare: number;
}

/** The working resolution: marks stay some 10 px wide and the search costs little. */
const WORKING_SIDE = 600;
/** A pixel is dark below this share of its neighbourhood's mean. */
const DARK_SHARE_OF_MEAN = 0.6;

/** Finds the four solid registration marks; fast enough for downscaled camera frames. */
export function findRegistrationMarks(
  image: GrayImage,
  search: MarkSearch = {},
): RegistrationMarks | null {
  return surveyPage(image, search).marks;
}

export function surveyPage(image: GrayImage, search: MarkSearch = {}): PageSurvey {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / WORKING_SIDE));
  const small = downsample(image, factor);
  const { width, height } = small;
  const mean = localMean(small, Math.max(4, Math.round(Math.max(width, height) / 10)));
  const mask = new Uint8Array(width * height);
  let dark = 0;
  for (let i = 0; i < mask.length; i++) {
    if ((small.data[i] ?? 255) < DARK_SHARE_OF_MEAN * (mean[i] ?? 255)) {
      mask[i] = 1;
      dark++;
    }
  }
  const longer = Math.max(width, height);
  const minSide = Math.max(3, (search.minSize ?? 0.006) * longer);
  const maxSide = (search.maxSize ?? 0.05) * longer;
  const candidates = labelComponents(mask, width, height).components.filter(
    (c) => isSquare(c, minSide, maxSide) && isSolid(image, factor, c, mean[index(c, width)] ?? 255),
  );
  const chosen = chooseCorners(candidates, width, height);
  const darkShare = dark / mask.length;
  if (!chosen) return { marks: null, darkShare };
  const centres = chosen.map((c) => refineCentre(image, factor, c));
  const size = (chosen.reduce((s, c) => s + Math.sqrt(c.area), 0) / 4) * factor;
  const [tl, tr, br, bl] = centres;
  if (!tl || !tr || !br || !bl) return { marks: null, darkShare };
  return { marks: { centres: [tl, tr, br, bl], size }, darkShare };
}

function index(c: Component, width: number): number {
  return Math.round(c.cy) * width + Math.round(c.cx);
}

/** Mean over a (2r+1)² box around each pixel, from an integral image. */
function localMean(image: GrayImage, r: number): Float32Array {
  const { width, height, data } = image;
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x] ?? 0;
      integral[(y + 1) * stride + x + 1] = (integral[y * stride + x + 1] ?? 0) + row;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const sum =
        (integral[y1 * stride + x1] ?? 0) -
        (integral[y0 * stride + x1] ?? 0) -
        (integral[y1 * stride + x0] ?? 0) +
        (integral[y0 * stride + x0] ?? 0);
      out[y * width + x] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  return out;
}

function isSquare(c: Component, minSide: number, maxSide: number): boolean {
  const w = c.maxX - c.minX + 1;
  const h = c.maxY - c.minY + 1;
  const side = Math.sqrt(c.area);
  return side >= minSide && side <= maxSide && w / h > 0.7 && h / w > 0.7 && c.area / (w * h) > 0.7;
}

/** Solid at full resolution: a QR finder pattern, which blurs into a square when reduced, is not. */
function isSolid(image: GrayImage, factor: number, c: Component, mean: number): boolean {
  const w = (c.maxX - c.minX + 1) * factor;
  const h = (c.maxY - c.minY + 1) * factor;
  const x0 = c.minX * factor + 0.25 * w;
  const y0 = c.minY * factor + 0.25 * h;
  const limit = DARK_SHARE_OF_MEAN * mean;
  const steps = 9;
  let light = 0;
  for (let j = 0; j < steps; j++) {
    const y = Math.round(y0 + ((j + 0.5) / steps) * 0.5 * h);
    for (let i = 0; i < steps; i++) {
      const x = Math.round(x0 + ((i + 0.5) / steps) * 0.5 * w);
      if ((image.data[y * image.width + x] ?? 255) >= limit) light++;
    }
  }
  return light <= 3;
}

/** The outermost four candidates, one per corner, of consistent size forming a convex quadrilateral. */
function chooseCorners(candidates: Component[], width: number, height: number): Component[] | null {
  const scores = [
    (c: Component) => -(c.cx / width + c.cy / height),
    (c: Component) => c.cx / width - c.cy / height,
    (c: Component) => c.cx / width + c.cy / height,
    (c: Component) => c.cy / height - c.cx / width,
  ];
  const shortlist = scores.map((score) =>
    [...candidates].sort((a, b) => score(b) - score(a)).slice(0, 4),
  );
  const [tls, trs, brs, bls] = shortlist;
  if (!tls || !trs || !brs || !bls) return null;
  let best: Component[] | null = null;
  let bestArea = 0;
  for (const tl of tls)
    for (const tr of trs)
      for (const br of brs)
        for (const bl of bls) {
          const quad = [tl, tr, br, bl];
          const area = convexArea(quad);
          if (ownCorners(quad, scores) && area > bestArea && consistent(quad, area)) {
            best = quad;
            bestArea = area;
          }
        }
  return best;
}

/**
 * Whether each corner is the most of its kind among the four: the same four marks turned by a
 * quarter have the same area to the last bit or two, and would read the page sideways.
 */
function ownCorners(quad: Component[], scores: ((c: Component) => number)[]): boolean {
  return scores.every((score, i) => {
    const c = quad[i];
    return c !== undefined && quad.every((d) => score(c) >= score(d));
  });
}

function consistent(quad: Component[], area: number): boolean {
  if (new Set(quad).size !== 4) return false;
  const sizes = quad.map((c) => Math.sqrt(c.area));
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  return largest <= 1.6 * smallest && area >= 36 * largest * largest;
}

/** Area of a clockwise (in image coordinates) convex quadrilateral, or 0 if it is not one. */
function convexArea(quad: Component[]): number {
  let area = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i];
    const b = quad[(i + 1) % 4];
    const c = quad[(i + 2) % 4];
    if (!a || !b || !c) return 0;
    const turn = (b.cx - a.cx) * (c.cy - b.cy) - (b.cy - a.cy) * (c.cx - b.cx);
    if (turn <= 0) return 0;
    area += a.cx * b.cy - b.cx * a.cy;
  }
  return area / 2;
}

/** Centroid of the mark's dark pixels at full resolution (pixel centres at integer positions). */
function refineCentre(image: GrayImage, factor: number, c: Component): Point {
  const x0 = Math.max(0, (c.minX - 1) * factor);
  const y0 = Math.max(0, (c.minY - 1) * factor);
  const x1 = Math.min(image.width, (c.maxX + 2) * factor);
  const y1 = Math.min(image.height, (c.maxY + 2) * factor);
  let lo = 255;
  let hi = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = image.data[y * image.width + x] ?? 255;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  const limit = (lo + hi) / 2;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      if ((image.data[y * image.width + x] ?? 255) < limit) {
        n++;
        sx += x;
        sy += y;
      }
    }
  if (n === 0) return { x: (c.cx + 0.5) * factor - 0.5, y: (c.cy + 0.5) * factor - 0.5 };
  return { x: sx / n, y: sy / n };
}
