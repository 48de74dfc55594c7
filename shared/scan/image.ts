/** An 8-bit grey image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Box average over `factor` × `factor` blocks; the ragged right and bottom edges are dropped. */
export function downsample(image: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const sums = new Uint32Array(width);
  const out = new Uint8Array(width * height);
  const area = factor * factor;
  const src = image.data;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x++) {
        const start = row + x * factor;
        let s = 0;
        for (let dx = 0; dx < factor; dx++) s += src[start + dx] ?? 0;
        sums[x] = (sums[x] ?? 0) + s;
      }
    }
    const row = y * width;
    for (let x = 0; x < width; x++) out[row + x] = Math.round((sums[x] ?? 0) / area);
  }
  return { width, height, data: out };
}

/** Bilinear grey value at a sub-pixel position; outside the image reads as white paper. */
export function sampleBilinear(image: GrayImage, x: number, y: number): number {
  const { width, height, data } = image;
  if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) return 255;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = x0 + 1 < width ? x0 + 1 : x0;
  const y1 = y0 + 1 < height ? y0 + 1 : y0;
  const fx = x - x0;
  const fy = y - y0;
  const r0 = y0 * width;
  const r1 = y1 * width;
  const a = data[r0 + x0] ?? 255;
  const b = data[r0 + x1] ?? 255;
  const c = data[r1 + x0] ?? 255;
  const d = data[r1 + x1] ?? 255;
  return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
}

/** The grey level below which `fraction` of the values lie (values 0–255). */
export function percentile(values: ArrayLike<number>, fraction: number): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < values.length; i++) {
    const v = Math.round(values[i] ?? 0);
    const bin = v < 0 ? 0 : v > 255 ? 255 : v;
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  const target = fraction * values.length;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] ?? 0;
    if (seen >= target) return v;
  }
  return 255;
}
