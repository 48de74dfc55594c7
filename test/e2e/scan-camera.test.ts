import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GreyRaster } from '../scan/corpus/raster';
import { signedIn, startApp, type AppUnderTest } from './harness';
import { markedPapers, seedScanDay } from './scan-fixture';

/**
 * A still picture as a camera stream: one grey frame in YUV4MPEG2, which Chromium's fake capture
 * device plays over and over as a 高拍仪 would show a sheet lying under it.
 */
function y4m(picture: GreyRaster): Buffer {
  const width = picture.width - (picture.width % 2);
  const height = picture.height - (picture.height % 2);
  const luma = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    luma.set(picture.data.subarray(y * picture.width, y * picture.width + width), y * width);
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\nFRAME\n`);
  return Buffer.concat([header, luma, chroma]);
}

describe('扫描录入 · 高拍仪', () => {
  let app: AppUnderTest | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes one frame of a ballot lying still under the camera, and reads it', async () => {
    // Chromium's fake camera opens its file when the page asks for the camera: the sheet under
    // it is drawn once the round's ballot has been printed.
    dir = mkdtempSync(join(tmpdir(), 'ct-camera-'));
    const video = join(dir, 'sheet.y4m');
    app = await startApp({
      chromiumArgs: [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const { adminToken, roundId } = await seedScanDay(app, 1);
    const [paper] = await markedPapers(app, adminToken, roundId, 1, {
      device: 'camera',
      upsideDown: false,
    });
    if (!paper) throw new Error('no paper');
    writeFileSync(video, y4m(paper.pixels));
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '张计票', '1357');
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: '扫描录入：1号箱' }).click();
    await page.getByRole('button', { name: '高拍仪 / 摄像头（C）' }).click();
    await page.getByText('已拍摄 1 张').waitFor({ timeout: 60_000 });
    await page.getByTestId('camera-state').filter({ hasText: '已拍摄：请换下一张选票' }).waitFor();
    await page.getByTestId('scan-counts').filter({ hasText: '待确认 1' }).waitFor();
    await page.getByTestId('sheet-image').waitFor();
    await app.screenshot('scan-camera');
    // Still there, the sheet is never taken twice.
    await page.getByTestId('camera-state').filter({ hasText: '已拍摄' }).waitFor();
    expect(await page.getByTestId('scan-counts').textContent()).toContain('待确认 1');
    const read = app.query<{ marks: string }>(
      `SELECT json_extract(payload, '$.marks') AS marks FROM audit
       WHERE action = 'ballot.scan-read' ORDER BY seq DESC LIMIT 1`,
    );
    const agree = [...(read?.marks ?? '')].every(
      (m, i) => m === '?' || m === paper.marks[i] || paper.marks[i] === '?',
    );
    expect(read?.marks).toHaveLength(paper.marks.length);
    expect(agree).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
