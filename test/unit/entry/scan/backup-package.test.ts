import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { imagesFolder } from '../../../../core/entry/scan/images';
import { readZip } from '../../../../core/export/package/zip';
import { hashPin } from '../../../../core/platform/pin';
import { openBox, scan, scanHarness, votes, type ScanSeeded } from './fixture';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const made = mkdtempSync(join(tmpdir(), prefix));
  folders.push(made);
  return made;
}

const pin = '2468';

/** The 总监票人 with a PIN that restore and certification check. */
async function chiefWithPin(h: ScanSeeded) {
  const pinHash = await hashPin(pin);
  const person = h.store.transaction(() =>
    h.store.people.create({ name: '孙总监', role: 'chief-scrutineer', pinHash }),
  );
  return h.services.context.sessions.open(person).token;
}

/** Three papers (○ and blanks only) scanned and confirmed into a box of three; the page digests. */
async function scannedBox(h: ScanSeeded) {
  const boxId = await openBox(h, '一号箱', 3);
  const files = [await scan(h.paper, 'tiff', [votes.allNine, votes.abstainAll, votes.fiveFor])];
  const intake = await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);
  const sheetIds = intake.sheets.map((s) => s.id);
  await h.must('scan.confirmMany', { boxId, sheetIds }, h.tellerA.token);
  const digests = intake.sheets.flatMap((s) => s.pages.map((p) => p.image));
  return { boxId, sheetId: sheetIds[0] ?? 0, digests };
}

describe('backups of a scanned count', () => {
  it('hold the page images, and a restore brings them back beside the database', async () => {
    const h = await scanHarness();
    const chief = await chiefWithPin(h);
    const { sheetId, digests } = await scannedBox(h);
    const stick = folder('ct-stick-');
    await h.must('backup.configure', { folder: stick, intervalMinutes: 15, keep: 20 }, chief);
    const made = await h.must('backup.now', {}, h.scrutineer.token);

    const kept = join(stick, 'congress-tally-images');
    expect(readdirSync(kept).sort()).toEqual(digests.map((d) => `${d}.png`).sort());
    const manifest = JSON.parse(readFileSync(`${made.file}.json`, 'utf8')) as { images: string[] };
    expect(manifest.images).toEqual([...digests].sort());

    // The laptop's image folder is lost; the database alone cannot show the paper.
    rmSync(imagesFolder(h.file), { recursive: true });
    expect(await h.call('scan.image', { sheetId }, h.scrutineer.token)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });

    // A backup whose image was changed on the stick is refused, and nothing is touched.
    const first = join(kept, `${digests[0] ?? ''}.png`);
    const original = readFileSync(first);
    writeFileSync(first, Buffer.concat([original, Buffer.from('x')]));
    const damaged = await h.call('backup.restore', { file: made.file, pin }, chief);
    expect(damaged).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    if (!damaged.ok) {
      expect(damaged.error.message).toBe(
        `备份 ${made.file} 未通过校验：备份所需的扫描图像 ${(digests[0] ?? '').slice(0, 12)}… 在 ${kept} 中缺失或已被改动。当前数据库没有任何改动。`,
      );
    }
    expect(readdirSync(join(h.file, '..')).some((n) => n.endsWith('.images'))).toBe(false);

    writeFileSync(first, original);
    await h.must('backup.restore', { file: made.file, pin }, chief);
    // A restore signs everyone out.
    const { context } = h.services;
    const scrutineer = context.store.people.byId(h.scrutineer.id);
    if (!scrutineer) throw new Error('the scrutineer is not in the backup');
    const token = context.sessions.open(scrutineer).token;
    const image = await h.must('scan.image', { sheetId }, token);
    expect(image.digest).toBe(digests[0]);
    expect(readdirSync(imagesFolder(h.file)).sort()).toEqual(digests.map((d) => `${d}.png`).sort());
  });

  it('copy each page to the stick once, however many backups hold it', async () => {
    const h = await scanHarness();
    const chief = await chiefWithPin(h);
    const { digests } = await scannedBox(h);
    const stick = folder('ct-stick-');
    await h.must('backup.configure', { folder: stick, intervalMinutes: 15, keep: 20 }, chief);
    await h.must('backup.now', {}, h.scrutineer.token);
    await h.must('backup.now', {}, h.scrutineer.token);
    expect(readdirSync(join(stick, 'congress-tally-images'))).toHaveLength(digests.length);
    expect(readdirSync(stick).filter((n) => n.endsWith('.sqlite'))).toHaveLength(2);
  });
});

describe('the results package of a scanned count', () => {
  it('holds no page image nor any trace of one', async () => {
    const h = await scanHarness({ issued: 3, returned: 3 });
    const chief = await chiefWithPin(h);
    const { boxId, digests } = await scannedBox(h);
    await h.must('entry.finishPass', { boxId }, h.tellerA.token);
    await h.must('entry.finish', { roundId: h.round.id }, h.scrutineer.token);
    await h.must('results.certify', { roundId: h.round.id, pin }, chief);

    const out = folder('ct-package-');
    const exported = await h.must(
      'export.package',
      { congressId: h.congress.id, folder: out },
      h.scrutineer.token,
    );
    const zip = readZip(readFileSync(exported.file));
    if (!zip.ok) throw new Error(zip.reason);
    expect(zip.entries.map((e) => e.name)).toContain('ballots.json');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const entry of zip.entries) {
      expect(entry.name).not.toMatch(/\.(png|jpe?g|tiff?)$/i);
      const data = Buffer.from(entry.data);
      expect(data.includes(png), entry.name).toBe(false);
      for (const digest of digests)
        expect(data.includes(digest.slice(0, 16)), entry.name).toBe(false);
    }
  });
});
