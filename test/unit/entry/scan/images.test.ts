import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imagesFolder } from '../../../../core/entry/scan/images';
import { file, openBox, scan, scanHarness, votes, type ScanSeeded } from './fixture';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a scanner names its files: the delegate's name would break the secret ballot. */
const scannerName = '东湖镇-张三-IMG_20250618_0931.jpg';

/** A JPEG as a scanner writes it, with the scanner's make and the time in its EXIF. */
async function scannerJpeg(h: ScanSeeded) {
  const plain = Buffer.from((await scan(h.paper, 'jpeg', [votes.mixed])).content, 'base64');
  const tagged = await sharp(plain)
    .withExif({
      IFD0: { Make: 'ScanCoMake', Model: 'FeedMaster', DateTime: '2025:06:18 09:31:00' },
    })
    .jpeg({ quality: 88 })
    .toBuffer();
  expect(tagged.includes('ScanCoMake')).toBe(true);
  return file(scannerName, tagged);
}

async function scannedSheet(h: ScanSeeded) {
  const boxId = await openBox(h, '一号箱', 10);
  const files = [await scannerJpeg(h), await scan(h.paper, 'tiff', [votes.allNine, votes.tick])];
  const intake = await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);
  return { boxId, sheets: intake.sheets };
}

describe('scanned page images', () => {
  it('are kept beside the database under their digest, with nothing of the scanner’s file', async () => {
    const h = await scanHarness();
    const { sheets } = await scannedSheet(h);
    const digests = sheets.flatMap((s) => s.pages.map((p) => p.image));
    expect(new Set(digests).size).toBe(3);

    const folder = imagesFolder(h.file);
    expect(readdirSync(folder).sort()).toEqual(digests.map((d) => `${d}.png`).sort());
    const times = new Set<number>();
    for (const digest of digests) {
      const bytes = readFileSync(join(folder, `${digest}.png`));
      expect(sha256(bytes)).toBe(digest);
      expect(bytes.includes('ScanCoMake')).toBe(false);
      times.add(statSync(join(folder, `${digest}.png`)).mtimeMs);
    }
    // Every file has the same time: the folder does not tell the order the sheets came in.
    expect(times.size).toBe(1);
    expect(h.count('SELECT count(*) AS n FROM scan_page')).toBe(3);

    const audit = h.store.db
      .prepare<[], { payload: string }>('SELECT payload FROM audit')
      .all()
      .map((r) => r.payload)
      .join('\n');
    h.services.close();
    const stored = [h.file, `${h.file}-wal`].filter(existsSync).map((f) => readFileSync(f));
    for (const needle of [scannerName, '张三', 'IMG_20250618', 'ScanCoMake']) {
      expect(audit).not.toContain(needle);
      for (const bytes of stored) expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
    }
  });

  it('are shown only as stored: an image altered or removed on disk is refused', async () => {
    const h = await scanHarness();
    const { sheets } = await scannedSheet(h);
    const [first, second] = sheets;
    if (!first || !second) throw new Error('sheets expected');
    const shown = await h.must('scan.image', { sheetId: first.id }, h.tellerA.token);
    const png = Buffer.from(shown.dataUrl.replace('data:image/png;base64,', ''), 'base64');
    expect(sha256(png)).toBe(first.pages[0]?.image);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', channels: 1, width: h.paper.sheets[0]?.width });

    const digest = first.pages[0]?.image ?? '';
    const path = join(imagesFolder(h.file), `${digest}.png`);
    const altered = Buffer.from(png);
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 0xff;
    writeFileSync(path, altered);
    expect(await h.call('scan.image', { sheetId: first.id }, h.tellerA.token)).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: `扫描图像 ${digest.slice(0, 12)}… 在数据库旁的图像文件夹中缺失或已被改动`,
      },
    });
    rmSync(join(imagesFolder(h.file), `${second.pages[0]?.image ?? ''}.png`));
    expect(await h.call('scan.image', { sheetId: second.id }, h.tellerA.token)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});
