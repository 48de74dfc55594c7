import sharp from 'sharp';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { GrayImage } from '../../../shared/scan/image';

/** What scanners and cameras write: JPEG, PNG, TIFF (often several pages) and PDF. */
export type ImageKind = 'jpeg' | 'png' | 'tiff' | 'pdf';

/** PDF pages are rendered at this resolution, enough for the reader's cells and round code. */
const PDF_DPI = 200;
/** A feeder batch is a few hundred sheets at most; more in one file is not a scan. */
export const MAX_PAGES = 500;

export function kindOf(bytes: Uint8Array): ImageKind | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (
    (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) ||
    (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)
  )
    return 'tiff';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return undefined;
}

/**
 * Whether a PDF has its end: a reader repairs a cut-off PDF into fewer pages without a word, where
 * the image decoders refuse a cut-off JPEG, PNG or TIFF.
 */
export function looksWhole(bytes: Uint8Array): boolean {
  if (kindOf(bytes) !== 'pdf') return true;
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');
}

/**
 * Every page of an image file as an 8-bit grey image (JPEG orientation applied, transparency on
 * white paper). A file that is not one of the kinds, or that its decoder cannot read, is refused
 * with its name in the message.
 */
export async function decodePages(bytes: Uint8Array, name: string): Promise<Result<GrayImage[]>> {
  const kind = kindOf(bytes);
  if (kind === undefined) {
    return fail('invalid-argument', `文件“${name}”不是 JPEG、PNG、TIFF 或 PDF 图像，无法识别`, {
      field: 'files',
    });
  }
  try {
    return kind === 'pdf' ? await pdfPages(bytes, name) : await rasterPages(bytes, name);
  } catch {
    return fail('invalid-argument', `文件“${name}”已损坏或不完整，无法读出图像`, {
      field: 'files',
    });
  }
}

async function rasterPages(bytes: Uint8Array, name: string): Promise<Result<GrayImage[]>> {
  const meta = await sharp(bytes).metadata();
  const count = meta.pages ?? 1;
  if (count > MAX_PAGES) return tooMany(name, count);
  const pages: GrayImage[] = [];
  for (let page = 0; page < count; page++) {
    const { data, info } = await sharp(bytes, { page })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    pages.push(firstChannel(data, info.width, info.height, info.channels));
  }
  return ok(pages);
}

async function pdfPages(bytes: Uint8Array, name: string): Promise<Result<GrayImage[]>> {
  const pages = await renderPdf(bytes, PDF_DPI, MAX_PAGES);
  return typeof pages === 'number' ? tooMany(name, pages) : ok(pages);
}

/**
 * Every page of a PDF rendered in grey by mupdf at `dpi`, pixel i spanning [i, i + 1) of
 * `mm × dpi / 25.4`; past `maxPages` pages nothing is rendered and the page count is returned.
 */
export async function renderPdf(
  bytes: Uint8Array,
  dpi: number,
  maxPages = Infinity,
): Promise<GrayImage[] | number> {
  // ESM with WebAssembly: loaded on the first PDF only.
  const mupdf = await import('mupdf');
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    const count = doc.countPages();
    if (count > maxPages) return count;
    const scale = mupdf.Matrix.scale(dpi / 72, dpi / 72);
    const pages: GrayImage[] = [];
    for (let i = 0; i < count; i++) {
      const page = doc.loadPage(i);
      const pixmap = page.toPixmap(scale, mupdf.ColorSpace.DeviceGray, false);
      const width = pixmap.getWidth();
      const height = pixmap.getHeight();
      const stride = pixmap.getStride();
      const channels = pixmap.getNumberOfComponents() + pixmap.getAlpha();
      const pixels = pixmap.getPixels();
      const data = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) {
        if (channels === 1) data.set(pixels.subarray(y * stride, y * stride + width), y * width);
        else
          for (let x = 0; x < width; x++)
            data[y * width + x] = pixels[y * stride + x * channels] ?? 255;
      }
      pages.push({ width, height, data });
      pixmap.destroy();
      page.destroy();
    }
    return pages;
  } finally {
    doc.destroy();
  }
}

function firstChannel(data: Buffer, width: number, height: number, channels: number): GrayImage {
  if (channels === 1) return { width, height, data: new Uint8Array(data) };
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = data[i * channels] ?? 255;
  return { width, height, data: grey };
}

function tooMany(name: string, count: number): Result<never> {
  return fail(
    'invalid-argument',
    `文件“${name}”有 ${count} 页，一次最多 ${MAX_PAGES} 页，请分批扫描`,
    { field: 'files' },
  );
}

/** A page as stored: lossless grey PNG without the file's metadata (no scanner, no time). */
export function pagePng(image: GrayImage): Promise<Uint8Array> {
  const { width, height, data } = image;
  return sharp(data, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
}
