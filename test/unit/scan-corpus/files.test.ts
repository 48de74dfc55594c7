import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  committeeTestLayout,
  createRng,
  generateBallot,
  generateBatch,
  syntheticTemplate,
  type FileType,
} from '../../scan/corpus';

const template = syntheticTemplate(committeeTestLayout(), 150, 'round-1');
const { width, height } = template.image;

describe('files as scanners and cameras write them', () => {
  const cases: [FileType, 'grey' | 'bw'][] = [
    ['jpeg', 'grey'],
    ['png', 'grey'],
    ['tiff', 'grey'],
    ['tiff', 'bw'],
    ['png', 'bw'],
  ];
  for (const [type, mode] of cases) {
    it(`${mode} ${type} decodes to the page size, one channel, at the resolution`, async () => {
      const ballot = await generateBallot(template, createRng(`${type}:${mode}`), {
        seats: 9,
        capture: { device: 'scanner', mode, file: type, quality: 60 },
      });
      expect(ballot.file.type).toBe(type);
      const meta = await sharp(ballot.file.bytes).metadata();
      expect(meta.format).toBe(type);
      expect([meta.width, meta.height, meta.channels]).toEqual([width, height, 1]);
      expect(meta.density).toBe(150);
      const decoded = await sharp(ballot.file.bytes).extractChannel(0).raw().toBuffer();
      if (type !== 'jpeg') expect(Buffer.compare(decoded, Buffer.from(ballot.pixels.data))).toBe(0);
    });
  }

  it('a camera shot is a JPEG of the page size', async () => {
    const ballot = await generateBallot(template, createRng('camera'), {
      seats: 9,
      capture: { device: 'camera' },
    });
    expect(ballot.capture.perspective).toBeGreaterThan(0);
    const meta = await sharp(ballot.file.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', width, height]);
  });

  it('a multi-page TIFF holds one page per ballot', async () => {
    const batch = await generateBatch({ template, count: 3, seed: 'tiff', seats: 9, type: 'tiff' });
    const meta = await sharp(batch.file.bytes, { pages: -1 }).metadata();
    expect(meta.pages).toBe(3);
    expect([meta.width, meta.pageHeight]).toEqual([width, height]);
    const second = await sharp(batch.file.bytes, { page: 1 }).extractChannel(0).raw().toBuffer();
    expect(Buffer.compare(second, Buffer.from(batch.ballots[1]?.pixels.data ?? []))).toBe(0);
  });

  it('a scanner PDF opens with one A4 page per ballot', async () => {
    const batch = await generateBatch({ template, count: 3, seed: 'pdf', seats: 9, type: 'pdf' });
    const doc = mupdf.Document.openDocument(batch.file.bytes, 'application/pdf');
    expect(doc.countPages()).toBe(3);
    const [x0, y0, x1, y1] = doc.loadPage(2).getBounds();
    expect(x1 - x0).toBeCloseTo((width * 72) / 150, 0);
    expect(y1 - y0).toBeCloseTo((height * 72) / 150, 0);
    expect(Math.abs(x1 - x0 - 595)).toBeLessThan(2);
  });
});
