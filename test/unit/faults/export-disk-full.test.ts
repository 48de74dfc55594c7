import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../../shared/api';
import { resultsHarness, times, type ResultsHarness } from '../results/fixture';
import { bundleChild, inspect, runLimited, smallDisk, tempDir } from './fixture';

/*
 * The stick fills while the results package is written: the export is refused with a message
 * that says so, no package (whole or partial, under any name) is left in the folder, and the
 * database is as it was — same audit head, no export recorded — so that the export can simply be
 * made again elsewhere. The reports are stand-ins of 1.5 MB each, so that the package is bigger
 * than the room left; what is in them does not matter here.
 */

const bigReport = () => Promise.resolve(new Uint8Array(1536 * 1024).fill(0x25));

/** A certified round of ten ballots, and the signing key made beforehand (its creation is audited). */
async function certified(): Promise<ResultsHarness> {
  const h = await resultsHarness({
    seats: 2,
    candidates: ['丁一', '王二', '李三', '张四'],
    entitled: 10,
    present: 10,
  });
  h.services.context.printPdf = bigReport;
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, [...times(6, 'OO--'), ...times(4, 'O-O-')]);
  await h.certify(h.formalRoundId);
  await h.must('export.publicKey', {}, h.chief.token);
  return h;
}

describe('the stick fills during an export', () => {
  it('a full RAM disk (tmpfs): refused as a full disk, no file left, the database as it was', async (context) => {
    const stick = join(tempDir(), 'stick');
    if (!smallDisk(stick, '1m')) {
      context.skip('此机器不允许测试挂载 tmpfs：改由下面的文件大小限制模拟磁盘已满');
      return;
    }
    console.info('导出时磁盘已满：用 1 MB 的 tmpfs 模拟');
    const h = await certified();
    const before = inspect(h.store.file);
    const refused = await h.call(
      'export.package',
      { congressId: h.congress.id, folder: stick },
      h.chief.token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', field: 'folder' } });
    expect(refused.ok || refused.error.message).toContain('磁盘已满');
    expect(readdirSync(stick)).toEqual([]);
    expect(inspect(h.store.file)).toEqual(before);

    const roomy = join(tempDir(), 'roomy');
    mkdirSync(roomy);
    await h.must('export.package', { congressId: h.congress.id, folder: roomy }, h.chief.token);
    expect(readdirSync(roomy)).toHaveLength(1);
    expect(inspect(h.store.file)).toMatchObject({ exports: 1, integrity: 'ok' });
  });

  describe('a file-size limit on the process (RLIMIT_FSIZE)', () => {
    let child = '';
    beforeAll(async () => {
      child = await bundleChild('export-child');
    });

    it('refused half-way with a clear message, no file left, the database as it was', async () => {
      console.info('导出时磁盘已满：用子进程的文件大小限制（ulimit -f）模拟');
      const h = await certified();
      h.services.close();
      const before = inspect(h.store.file);
      const folder = tempDir();
      const run = runLimited(1024, child, [h.store.file, folder]);
      if (run.status !== 0) throw new Error(`the child failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      const { message } = (result as { error: ApiError }).error;
      expect(message).toContain('结果包没有写入');
      expect(message).toContain(folder);
      expect(readdirSync(folder)).toEqual([]);
      expect(inspect(h.store.file)).toEqual(before);
    });
  });
});
