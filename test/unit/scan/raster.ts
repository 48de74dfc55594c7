import { applyHomography, homographyFromPoints } from '../../../shared/scan/homography';
import { sampleBilinear, type GrayImage } from '../../../shared/scan/image';
import { gaussian, seeded } from './rng';

/** A sheet being drawn, in millimetres; `ink` holds darkness 0 (paper) to 1 (black) per pixel. */
export interface Sheet {
  width: number;
  height: number;
  pxPerMm: number;
  ink: Float32Array;
}

export function sheet(widthMm: number, heightMm: number, dpi: number): Sheet {
  const pxPerMm = dpi / 25.4;
  const width = Math.round(widthMm * pxPerMm);
  const height = Math.round(heightMm * pxPerMm);
  return { width, height, pxPerMm, ink: new Float32Array(width * height) };
}

function put(s: Sheet, x: number, y: number, v: number): void {
  const i = y * s.width + x;
  if ((s.ink[i] ?? 0) < v) s.ink[i] = v;
}

export function fillRect(s: Sheet, x: number, y: number, w: number, h: number, darkness = 1): void {
  const k = s.pxPerMm;
  const x0 = Math.max(0, Math.round(x * k));
  const y0 = Math.max(0, Math.round(y * k));
  const x1 = Math.min(s.width, Math.round((x + w) * k));
  const y1 = Math.min(s.height, Math.round((y + h) * k));
  for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) put(s, px, py, darkness);
}

export function strokeRect(
  s: Sheet,
  x: number,
  y: number,
  w: number,
  h: number,
  line = 0.35,
): void {
  const points = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ] as const;
  polyline(s, points, line, 1);
}

/** A stroke of `width` mm through the points, anti-aliased. */
export function polyline(
  s: Sheet,
  points: readonly (readonly [number, number])[],
  width: number,
  darkness: number,
): void {
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a && b) segment(s, a[0], a[1], b[0], b[1], width, darkness);
  }
}

function segment(
  s: Sheet,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  width: number,
  darkness: number,
): void {
  const k = s.pxPerMm;
  const half = (width * k) / 2;
  const [x0, y0, x1, y1] = [ax * k, ay * k, bx * k, by * k];
  const minX = Math.max(0, Math.floor(Math.min(x0, x1) - half - 1));
  const maxX = Math.min(s.width - 1, Math.ceil(Math.max(x0, x1) + half + 1));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1) - half - 1));
  const maxY = Math.min(s.height - 1, Math.ceil(Math.max(y0, y1) + half + 1));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy || 1;
  for (let py = minY; py <= maxY; py++)
    for (let px = minX; px <= maxX; px++) {
      const cx = px + 0.5;
      const cy = py + 0.5;
      const t = Math.max(0, Math.min(1, ((cx - x0) * dx + (cy - y0) * dy) / len2));
      const d = Math.hypot(cx - x0 - t * dx, cy - y0 - t * dy);
      const cover = Math.max(0, Math.min(1, half + 0.5 - d));
      if (cover > 0) put(s, px, py, cover * darkness);
    }
}

export interface Distortion {
  /** Degrees, clockwise. */
  rotate?: number;
  scale?: number;
  /** Pixels. */
  shiftX?: number;
  shiftY?: number;
  /** Corner displacement as a share of the page (camera perspective). */
  perspective?: number;
  upsideDown?: boolean;
  /** Box blur radius in pixels. */
  blur?: number;
  /** Grey-level standard deviation of the noise. */
  noise?: number;
  /** Black-and-white thresholded scan. */
  threshold?: boolean;
  paper?: number;
  seed?: number;
  /** White border around the sheet, mm each side (the scanner bed beyond the paper). */
  pad?: number;
}

/** Renders the sheet as a scan or photograph with the given distortions. */
export function scan(s: Sheet, d: Distortion = {}): GrayImage {
  const paper = d.paper ?? 242;
  const flat: GrayImage = {
    width: s.width,
    height: s.height,
    data: new Uint8Array(s.width * s.height),
  };
  for (let i = 0; i < s.ink.length; i++)
    flat.data[i] = Math.round(paper - (s.ink[i] ?? 0) * (paper - 18));
  const padPx = Math.round((d.pad ?? 6) * s.pxPerMm);
  const width = flat.width + 2 * padPx;
  const height = flat.height + 2 * padPx;
  const cx = width / 2;
  const cy = height / 2;
  const angle = ((d.rotate ?? 0) * Math.PI) / 180 + (d.upsideDown ? Math.PI : 0);
  const scale = d.scale ?? 1;
  const place = (x: number, y: number): { x: number; y: number } => {
    const ux = (x - cx) * scale;
    const uy = (y - cy) * scale;
    return {
      x: cx + ux * Math.cos(angle) - uy * Math.sin(angle) + (d.shiftX ?? 0),
      y: cy + ux * Math.sin(angle) + uy * Math.cos(angle) + (d.shiftY ?? 0),
    };
  };
  const p = (d.perspective ?? 0) * width;
  const corners = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const bent = corners.map((c) => place(c.x, c.y));
  const pull = [
    { x: p, y: p * 0.5 },
    { x: -p * 0.3, y: 0 },
    { x: 0, y: 0 },
    { x: p * 0.6, y: -p * 0.2 },
  ];
  const to = bent.map((c, i) => ({ x: c.x + (pull[i]?.x ?? 0), y: c.y + (pull[i]?.y ?? 0) }));
  const back = homographyFromPoints(to, corners);
  if (!back) throw new Error('degenerate distortion');
  const out: GrayImage = { width, height, data: new Uint8Array(width * height) };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const q = applyHomography(back, x + 0.5, y + 0.5);
      const v = sampleBilinear(flat, q.x - 0.5 - padPx, q.y - 0.5 - padPx);
      out.data[y * width + x] = Math.round(v === 255 ? paper : v);
    }
  if (d.blur) boxBlur(out, d.blur);
  if (d.noise) {
    const rand = seeded(d.seed ?? 1);
    for (let i = 0; i < out.data.length; i++)
      out.data[i] = Math.max(
        0,
        Math.min(255, Math.round((out.data[i] ?? 0) + d.noise * gaussian(rand))),
      );
  }
  if (d.threshold)
    for (let i = 0; i < out.data.length; i++) out.data[i] = (out.data[i] ?? 0) < 140 ? 0 : 255;
  return out;
}

function boxBlur(image: GrayImage, r: number): void {
  const { width, height, data } = image;
  const tmp = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      let n = 0;
      for (let k = -r; k <= r; k++) {
        const xx = x + k;
        if (xx >= 0 && xx < width) {
          s += data[y * width + xx] ?? 0;
          n++;
        }
      }
      tmp[y * width + x] = s / n;
    }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      let n = 0;
      for (let k = -r; k <= r; k++) {
        const yy = y + k;
        if (yy >= 0 && yy < height) {
          s += tmp[yy * width + x] ?? 0;
          n++;
        }
      }
      data[y * width + x] = Math.round(s / n);
    }
}
