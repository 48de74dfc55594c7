import type { Capture } from './capture';
import { invert, type Homography } from './homography';
import type { GreyRaster } from './raster';

const NOISE_TABLE = 4096;

/**
 * Produces the captured image in one streaming pass over output rows: each pixel is mapped back
 * through the inverse homography and sampled bilinearly from the inked sheet; a row is blurred
 * horizontally as it is made and vertically once its next row exists (3-tap, separable); then
 * paper tone, uneven light, sensor noise and the black-and-white threshold are applied.
 */
export function scanImage(
  sheet: GreyRaster,
  capture: Capture,
  transform: Homography,
  seed: number,
): GreyRaster {
  const { width, height } = sheet;
  const out = new Uint8Array(width * height);
  const inverse = invert(transform);
  const outside = ((capture.background - capture.black) / (capture.paper - capture.black)) * 255;
  const tone = toneOf(capture, width, height);
  const noise = noiseTable(seed, capture.noise);
  const blur = capture.blur;
  let prev = new Float32Array(width);
  let cur = new Float32Array(width);
  let next = new Float32Array(width);
  const line = new Float32Array(width);
  warpRow(sheet, inverse, 0, outside, line);
  blurRow(line, cur, blur);
  prev.set(cur);
  let state = seed | 1;
  for (let v = 0; v < height; v++) {
    if (v + 1 < height) {
      warpRow(sheet, inverse, v + 1, outside, line);
      blurRow(line, next, blur);
    } else {
      next.set(cur);
    }
    state = emitRow(out, v, width, prev, cur, next, blur, tone, noise, state);
    const t = prev;
    prev = cur;
    cur = next;
    next = t;
  }
  return { width, height, data: out };
}

interface Tone {
  black: number;
  span: number;
  cx: number;
  cy: number;
  lx: number;
  ly: number;
  vig: number;
  threshold: number;
}

function toneOf(capture: Capture, width: number, height: number): Tone {
  const cx = width / 2;
  const cy = height / 2;
  return {
    black: capture.black,
    span: (capture.paper - capture.black) / 255,
    cx,
    cy,
    lx: capture.light.x / width,
    ly: capture.light.y / height,
    vig: capture.light.vignette / (cx * cx + cy * cy),
    threshold: capture.mode === 'bw' ? capture.threshold : -1,
  };
}

function noiseTable(seed: number, sigma: number): Float32Array {
  const noise = new Float32Array(NOISE_TABLE);
  let s = (seed ^ 0x5bd1e995) | 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  for (let i = 0; i < NOISE_TABLE; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next())) * sigma;
    const a = 2 * Math.PI * next();
    noise[i] = r * Math.cos(a);
    noise[i + 1] = r * Math.sin(a);
  }
  return noise;
}

function warpRow(
  sheet: GreyRaster,
  h: Homography,
  v: number,
  outside: number,
  line: Float32Array,
): void {
  const { width, height } = sheet;
  const src = sheet.data;
  const [a, b, c, d, e, f, g, k, l] = h;
  const maxX = width - 1;
  const maxY = height - 1;
  const affine = g === 0 && k === 0;
  // Pixel i spans [i, i + 1): map output pixel centres, sample around source pixel centres.
  const y = v + 0.5;
  let X = a * 0.5 + b * y + c;
  let Y = d * 0.5 + e * y + f;
  let W = g * 0.5 + k * y + l;
  for (let u = 0; u < width; u++) {
    let sx = X - 0.5;
    let sy = Y - 0.5;
    if (!affine) {
      const iw = 1 / W;
      sx = X * iw - 0.5;
      sy = Y * iw - 0.5;
      W += g;
    }
    X += a;
    Y += d;
    if (sx >= 0 && sy >= 0 && sx < maxX && sy < maxY) {
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const p00 = src[i] as number;
      const p01 = src[i + 1] as number;
      const p10 = src[i + width] as number;
      const p11 = src[i + width + 1] as number;
      const top = p00 + (p01 - p00) * fx;
      line[u] = top + (p10 + (p11 - p10) * fx - top) * fy;
    } else {
      line[u] = outside;
    }
  }
}

function blurRow(line: Float32Array, into: Float32Array, wb: number): void {
  const n = line.length;
  const wc = 1 - 2 * wb;
  into[0] = line[0] as number;
  into[n - 1] = line[n - 1] as number;
  let left = line[0] as number;
  let mid = line[1] as number;
  for (let u = 1; u < n - 1; u++) {
    const right = line[u + 1] as number;
    into[u] = wc * mid + wb * (left + right);
    left = mid;
    mid = right;
  }
}

/** Writes one output row; returns the noise generator's state for the next row. */
function emitRow(
  out: Uint8Array,
  v: number,
  width: number,
  up: Float32Array,
  mid: Float32Array,
  down: Float32Array,
  wb: number,
  t: Tone,
  noise: Float32Array,
  seed: number,
): number {
  let state = seed;
  const wc = 1 - 2 * wb;
  const row = v * width;
  const dy = v - t.cy;
  const rowGain = 1 + t.ly * dy - t.vig * dy * dy;
  const { black, span, cx, lx, vig, threshold } = t;
  const mask = NOISE_TABLE - 1;
  for (let u = 0; u < width; u++) {
    const s = wc * (mid[u] as number) + wb * ((up[u] as number) + (down[u] as number));
    const dx = u - cx;
    const gain = rowGain + lx * dx - vig * dx * dx;
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    let o = (black + span * s) * gain + (noise[state & mask] as number);
    if (threshold >= 0) o = o < threshold ? 0 : 255;
    out[row + u] = o <= 0 ? 0 : o >= 255 ? 255 : (o + 0.5) | 0;
  }
  return state;
}
