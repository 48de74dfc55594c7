import sharp, { type Sharp } from 'sharp';
import type { FileType } from './capture';
import type { GreyRaster } from './raster';

function raw(image: GreyRaster, pageHeight?: number): Sharp {
  const input = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return sharp(input, {
    raw: { width: image.width, height: image.height, channels: 1, pageHeight },
  }).toColourspace('b-w');
}

/** Writes one captured page the way a scanner or camera stores it. Black-and-white TIFF is 1-bit G4. */
export async function encodeImage(
  image: GreyRaster,
  type: FileType,
  options: { dpi: number; quality: number; bw: boolean },
): Promise<Buffer> {
  const s = raw(image).withDensity(options.dpi);
  if (type === 'jpeg') return s.jpeg({ quality: options.quality }).toBuffer();
  if (type === 'png') return s.png({ compressionLevel: 6 }).toBuffer();
  return tiff(s, options.bw).toBuffer();
}

function tiff(s: Sharp, bw: boolean): Sharp {
  return bw
    ? s.tiff({ compression: 'ccittfax4', bitdepth: 1 })
    : s.tiff({ compression: 'lzw', predictor: 'horizontal' });
}

/** One TIFF holding several pages of the same size, as a feeder scanner writes a batch. */
export async function multiPageTiff(
  pages: GreyRaster[],
  options: { dpi: number; bw: boolean },
): Promise<Buffer> {
  const first = pages[0];
  if (first === undefined) throw new Error('a TIFF needs at least one page');
  const { width, height } = first;
  const joined = new Uint8Array(width * height * pages.length);
  pages.forEach((p, i) => {
    if (p.width !== width || p.height !== height) throw new Error('TIFF pages differ in size');
    joined.set(p.data, i * width * height);
  });
  const s = raw({ width, height: height * pages.length, data: joined }, height).withDensity(
    options.dpi,
  );
  return tiff(s, options.bw).toBuffer();
}

/**
 * A PDF as scanners write it: each page one greyscale JPEG (DCTDecode) drawn over the whole
 * page, the page size following from the pixel size and the resolution.
 */
export async function scannerPdf(
  pages: GreyRaster[],
  options: { dpi: number; quality: number },
): Promise<Buffer> {
  const jpegs = await Promise.all(
    pages.map((p) => raw(p).jpeg({ quality: options.quality }).toBuffer()),
  );
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    length += b.length;
  };
  const object = (n: number, body: Buffer | string, stream?: Buffer): void => {
    offsets[n] = length;
    push(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    if (stream !== undefined) {
      push(Buffer.from('\nstream\n', 'latin1'));
      push(stream);
      push(Buffer.from('\nendstream', 'latin1'));
    }
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const n = 3 + i * 3;
    const w = ((p.width * 72) / options.dpi).toFixed(2);
    const h = ((p.height * 72) / options.dpi).toFixed(2);
    const jpeg = jpegs[i] ?? Buffer.alloc(0);
    const draw = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`, 'latin1');
    object(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] ` +
        `/Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`,
    );
    object(
      n + 1,
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} ` +
        `/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`,
      jpeg,
    );
    object(n + 2, `<< /Length ${draw.length} >>`, draw);
  });
  const count = 3 + pages.length * 3;
  const xref = length;
  const rows = ['0000000000 65535 f \n'];
  for (let n = 1; n < count; n++)
    rows.push(`${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`);
  push(
    Buffer.from(
      `xref\n0 ${count}\n${rows.join('')}trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}
