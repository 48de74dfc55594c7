import { encode } from 'uqr';
import type { BallotLayout, LayoutCell, Rect } from '../../../shared/scan/layout';
import { blankRaster, fillRect, mmToPx, type GreyRaster } from './raster';
import { createRng, type Rng } from './rng';

/** A clean raster of one printed page with the layout it was printed from. */
export interface BallotTemplate {
  image: GreyRaster;
  dpi: number;
  layout: BallotLayout;
  /** 0-based page of the layout the image shows. */
  page: number;
}

const BORDER = 0.35;
const PRINT = 25;

/**
 * Rasterises a plausible printed page from a layout until the real printed ballot exists:
 * registration marks as solid squares, 0.35 mm cell borders, a name cell with printed text-like
 * glyphs above each candidate's 符号 cell, a title band and the round code as a QR.
 */
export function syntheticTemplate(
  layout: BallotLayout,
  dpi: number,
  code: string,
  page = 0,
): BallotTemplate {
  const sheet = layout.pages[page];
  if (sheet === undefined) throw new Error(`layout has no page ${page}`);
  const s = mmToPx(dpi);
  const image = blankRaster(
    Math.round(layout.page.width * s),
    Math.round(layout.page.height * s),
    255,
  );
  const rect = (r: Rect, value = PRINT): void =>
    fillRect(image, r.x * s, r.y * s, (r.x + r.w) * s, (r.y + r.h) * s, value);
  const frame = (r: Rect): void => {
    const t = BORDER;
    rect({ x: r.x - t / 2, y: r.y - t / 2, w: r.w + t, h: t });
    rect({ x: r.x - t / 2, y: r.y + r.h - t / 2, w: r.w + t, h: t });
    rect({ x: r.x - t / 2, y: r.y - t / 2, w: t, h: r.h + t });
    rect({ x: r.x + r.w - t / 2, y: r.y - t / 2, w: t, h: r.h + t });
  };
  const rng = createRng(`template:${code}`);

  for (const m of sheet.marks) rect(m, 0);
  drawCode(image, sheet.code, code, s);
  textLine(rect, rng, { x: 40, y: 20, w: 110, h: 8 }, 7);
  textLine(rect, rng, { x: 30, y: 33, w: 120, h: 4 }, 3.2);
  textLine(rect, rng, { x: 30, y: 39, w: 100, h: 4 }, 3.2);

  for (const cell of sheet.cells) {
    frame(cell);
    if (cell.kind === 'mark' && cell.candidate !== undefined) {
      const name = nameCellAbove(cell, sheet.cells);
      frame(name);
      const glyph = Math.min(name.w * 0.5, 5);
      const count = 2 + (cell.candidate % 2);
      const x = name.x + (name.w - glyph) / 2;
      const y0 = name.y + (name.h - count * glyph * 1.25) / 2;
      for (let i = 0; i < count; i++) {
        printedGlyph(rect, rng, { x, y: y0 + i * glyph * 1.25, w: glyph, h: glyph });
      }
    }
  }
  for (let y = 268; y < 282; y += 5) textLine(rect, rng, { x: 20, y, w: 150, h: 3 }, 2.6);
  return { image, dpi, layout, page };
}

/** The printed name cell of a candidate: as tall as a write-in's name cell, or 2.3 × the 符号 cell. */
function nameCellAbove(cell: LayoutCell, cells: LayoutCell[]): Rect {
  const writeIn = cells.find((c) => c.kind === 'write-in');
  const h = writeIn?.h ?? cell.h * 2.3;
  return { x: cell.x, y: cell.y - h, w: cell.w, h };
}

type Paint = (r: Rect, value?: number) => void;

function textLine(paint: Paint, rng: Rng, box: Rect, size: number): void {
  for (let x = box.x; x + size <= box.x + box.w; x += size * 1.15) {
    if (rng.chance(0.08)) continue;
    printedGlyph(paint, rng, { x, y: box.y + (box.h - size) / 2, w: size, h: size });
  }
}

/** A square of printed strokes standing in for a Chinese character. */
function printedGlyph(paint: Paint, rng: Rng, box: Rect): void {
  const t = Math.max(0.25, box.w * 0.09);
  for (let n = 2 + rng.int(3); n > 0; n--) {
    const y = box.y + rng.range(0, box.h - t);
    const x = box.x + rng.range(0, box.w * 0.3);
    paint({ x, y, w: rng.range(box.w * 0.4, box.x + box.w - x), h: t });
  }
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const x = box.x + rng.range(0, box.w - t);
    const y = box.y + rng.range(0, box.h * 0.3);
    paint({ x, y, w: t, h: rng.range(box.h * 0.4, box.y + box.h - y) });
  }
}

/** The QR, sampled 4 × 4 per pixel so that neighbouring modules join without seams. */
function drawCode(image: GreyRaster, r: Rect, text: string, s: number): void {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const m = (Math.min(r.w, r.h) * s) / qr.size;
  const x0 = r.x * s;
  const y0 = r.y * s;
  const side = Math.ceil(qr.size * m);
  for (let py = Math.floor(y0); py < y0 + side; py++) {
    for (let px = Math.floor(x0); px < x0 + side; px++) {
      let dark = 0;
      for (let k = 0; k < 16; k++) {
        const mx = Math.floor((px + ((k % 4) + 0.5) / 4 - x0) / m);
        const my = Math.floor((py + (Math.floor(k / 4) + 0.5) / 4 - y0) / m);
        if (qr.data[my]?.[mx] === true) dark++;
      }
      const i = py * image.width + px;
      if (dark > 0)
        image.data[i] = Math.min(image.data[i] ?? 255, Math.round(255 * (1 - dark / 16)));
    }
  }
}
