/** An 8-bit grey image, 0 black, row-major; the shape the reader takes. */
export interface GreyRaster {
  width: number;
  height: number;
  data: Uint8Array;
}

export function blankRaster(width: number, height: number, value: number): GreyRaster {
  return { width, height, data: new Uint8Array(width * height).fill(value) };
}

export function copyRaster(image: GreyRaster): GreyRaster {
  return { width: image.width, height: image.height, data: image.data.slice() };
}

/** Millimetres to pixels at a resolution. */
export function mmToPx(dpi: number): number {
  return dpi / 25.4;
}

/**
 * Paints an axis-aligned rectangle (pixel coordinates, fractional edges) with exact area coverage,
 * so printed rules and squares are anti-aliased the way a scan of print is. Print is opaque on
 * white paper, so overlapping shapes keep the darker value and painting twice changes nothing.
 */
export function fillRect(
  image: GreyRaster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  value: number,
): void {
  const { width, height, data } = image;
  const ix0 = Math.max(0, Math.floor(x0));
  const iy0 = Math.max(0, Math.floor(y0));
  const ix1 = Math.min(width, Math.ceil(x1));
  const iy1 = Math.min(height, Math.ceil(y1));
  for (let y = iy0; y < iy1; y++) {
    const cy = Math.min(y + 1, y1) - Math.max(y, y0);
    if (cy <= 0) continue;
    const row = y * width;
    for (let x = ix0; x < ix1; x++) {
      const cx = Math.min(x + 1, x1) - Math.max(x, x0);
      if (cx <= 0) continue;
      const i = row + x;
      const painted = Math.round(255 - (255 - value) * cx * cy);
      if (painted < (data[i] ?? 255)) data[i] = painted;
    }
  }
}

/** Mean grey over a rectangle (pixel coordinates), for tests and checks. */
export function meanIn(image: GreyRaster, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, Math.ceil(x1)); x++) {
      sum += image.data[y * image.width + x] ?? 0;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}
