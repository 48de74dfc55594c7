import { labelComponents } from './components';
import type { CellWindow } from './window';

/** The inside of a cell, border lines cut away, as a binary mask of confident ink. */
export interface InkMask {
  width: number;
  height: number;
  /** 1 where ink, after specks are dropped. */
  mask: Uint8Array;
  /** mm² of ink kept, of specks dropped, of faint (below the ink threshold) marks. */
  area: number;
  specks: number;
  faint: number;
  /** Components of the kept ink carrying at least an eighth of it. */
  parts: number;
  /** mm² of the inside. */
  inside: number;
}

/** Cut-away from the centre of each border line: half the 0.35 mm line, blur and misplacement. */
const INSET = 0.55;
/** Components smaller than this (mm²) are dust, noise or JPEG debris. */
const SPECK = 0.45;

function inkThresholds(win: CellWindow): { strong: number; faint: number } {
  return { strong: Math.max(0.3, 5 * win.noise), faint: Math.max(0.14, 3.5 * win.noise) };
}

export function insideMask(win: CellWindow, inset = INSET): InkMask {
  const cut = inset / win.pitch;
  const x0 = Math.ceil(win.left + cut);
  const x1 = Math.floor(win.right - cut);
  const y0 = Math.ceil(win.top + cut);
  const y1 = Math.floor(win.bottom - cut);
  const width = Math.max(1, x1 - x0 + 1);
  const height = Math.max(1, y1 - y0 + 1);
  const { strong, faint } = inkThresholds(win);
  // Hysteresis: faint samples count as ink where they join a confidently dark one, so a thin
  // blue stroke thinned by the scan stays in one piece.
  const weak = new Uint8Array(width * height);
  const dark = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = win.ink[(y + y0) * win.width + x + x0] ?? 0;
      if (v > faint) weak[y * width + x] = 1;
      if (v > strong) dark[y * width + x] = 1;
    }
  }
  const sample = win.pitch * win.pitch;
  const { labels, components } = labelComponents(weak, width, height);
  const strongCount = new Uint32Array(components.length + 1);
  for (let i = 0; i < dark.length; i++) {
    const label = labels[i] ?? 0;
    if (dark[i] === 1) strongCount[label] = (strongCount[label] ?? 0) + 1;
  }
  const keep = new Uint8Array(components.length + 1);
  let kept = 0;
  let specks = 0;
  let faintArea = 0;
  for (const c of components) {
    const strongShare = (strongCount[c.label] ?? 0) / c.area;
    if (strongShare === 0) faintArea += c.area;
    else if (c.area * sample >= SPECK && strongShare >= 0.2) {
      keep[c.label] = 1;
      kept += c.area;
    } else specks += c.area;
  }
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) if (keep[labels[i] ?? 0] === 1) mask[i] = 1;
  const parts = significantParts(mask, width, height, kept);
  return {
    width,
    height,
    mask,
    area: kept * sample,
    specks: specks * sample,
    faint: faintArea * sample,
    parts,
    inside: width * height * sample,
  };
}

/** Components carrying an eighth of the ink or more, gaps of one sample bridged. */
function significantParts(mask: Uint8Array, width: number, height: number, total: number): number {
  const grown = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] !== 1) continue;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const gx = x + dx;
          const gy = y + dy;
          if (gx >= 0 && gy >= 0 && gx < width && gy < height) grown[gy * width + gx] = 1;
        }
    }
  const { labels, components } = labelComponents(grown, width, height);
  const inked = new Uint32Array(components.length + 1);
  for (let i = 0; i < mask.length; i++) {
    const label = labels[i] ?? 0;
    if (mask[i] === 1) inked[label] = (inked[label] ?? 0) + 1;
  }
  let parts = 0;
  for (const c of components) if ((inked[c.label] ?? 0) * 8 >= total) parts++;
  return parts;
}

/**
 * mm of stroke that runs from inside the cell across its border: ink without a break from 0.5 to
 * 0.8 mm inside the border line to as far outside it (corners left out, where table lines meet).
 */
export function borderCrossing(win: CellWindow): number {
  const { strong, faint } = inkThresholds(win);
  const p = win.pitch;
  const offsets = [Math.round(0.5 / p), Math.round(0.8 / p)] as const;
  const corner = Math.round(1.2 / p);
  const at = (x: number, y: number): number => win.ink[y * win.width + x] ?? 0;
  const edges = [
    { line: win.top, out: -1, horizontal: true, from: win.left, to: win.right },
    { line: win.bottom, out: 1, horizontal: true, from: win.left, to: win.right },
    { line: win.left, out: -1, horizontal: false, from: win.top, to: win.bottom },
    { line: win.right, out: 1, horizontal: false, from: win.top, to: win.bottom },
  ];
  let crossing = 0;
  for (const e of edges) {
    for (let pos = Math.round(e.from) + corner; pos <= Math.round(e.to) - corner; pos++) {
      // Straight across, or slanting at 45° either way: a × crosses a border on the slant.
      const crossed = [-1, 0, 1].some((slope) => {
        let unbroken = true;
        let darkInside = false;
        let darkOutside = false;
        for (const side of [-1, 1])
          for (let k = offsets[0]; k <= offsets[1]; k++) {
            const across = e.line + side * k;
            const along = pos + slope * side * k;
            const v = e.horizontal ? at(along, across) : at(across, along);
            if (v <= faint) unbroken = false;
            if (v > strong) {
              if (side === e.out) darkOutside = true;
              else darkInside = true;
            }
          }
        return unbroken && darkInside && darkOutside;
      });
      if (crossed) crossing++;
    }
  }
  return crossing * p;
}
