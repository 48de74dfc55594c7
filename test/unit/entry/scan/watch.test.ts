import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanWatchers } from '../../../../core/entry/scan/watch';
import { openBox, scan, scanHarness, votes, type ScanSeeded, type Vote } from './fixture';

/*
 * The folder a scanner saves into. Nothing here sleeps: each test waits, with a generous timeout,
 * for what the teller would see (the count of files taken, the sheets in the pass).
 */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function scannerFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ct-scanner-'));
  folders.push(folder);
  return folder;
}

const patience = { timeout: 30_000, interval: 100 };

async function save(h: ScanSeeded, folder: string, name: string, papers: Vote[]) {
  const kind = name.endsWith('.tif') ? 'tiff' : name.endsWith('.png') ? 'png' : 'jpeg';
  const bytes = Buffer.from((await scan(h.paper, kind, papers)).content, 'base64');
  writeFileSync(join(folder, name), bytes);
  return bytes;
}

async function list(h: ScanSeeded, boxId: number) {
  return h.must('scan.sheets', { boxId }, h.tellerA.token);
}

/** Waits until the folder has given `taken` files, and returns the pass's sheets then. */
async function taken(h: ScanSeeded, boxId: number, files: number) {
  return vi.waitFor(async () => {
    const now = await list(h, boxId);
    expect(now.watching?.taken).toBe(files);
    return now;
  }, patience);
}

const watchers = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
/** Folder watches of no test: an earlier test's, closed as it ended, go away a moment later. */
const idle = watchers();
const noWatchers = () => vi.waitFor(() => expect(watchers()).toBe(idle), patience);

describe('the watched scanner folder', () => {
  it('takes each file written after watching began once, in the order written', async () => {
    const h = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    const folder = scannerFolder();
    await save(h, folder, 'earlier.jpg', [votes.abstainAll]);
    await h.must('scan.watch', { boxId, folder }, h.tellerA.token);

    await save(h, folder, '001.jpg', [votes.allNine]);
    await save(h, folder, '002.png', [votes.mixed]);
    await save(h, folder, '003.tif', [votes.againstSome, votes.writeIn]);
    writeFileSync(join(folder, 'scanner.log'), 'not a scan');
    const first = await taken(h, boxId, 3);
    expect(first.watching).toEqual({ folder, taken: 3, problem: null });
    expect(first.sheets.map((s) => s.marks)).toEqual([
      'OOOOOOOOO--',
      'OOOOXXXOO-O',
      'OXOOOOOXO-X',
      'OOOOOOOO--X',
    ]);

    // A later file comes after them, and none of them is taken again meanwhile.
    await save(h, folder, '004.jpg', [votes.tick]);
    const second = await taken(h, boxId, 4);
    expect(second.sheets.map((s) => [s.place, s.marks])).toEqual([
      [1, 'OOOOOOOOO--'],
      [2, 'OOOOXXXOO-O'],
      [3, 'OXOOOOOXO-X'],
      [4, 'OOOOOOOO--X'],
      [5, 'OOO?OOOOO--'],
    ]);
  });

  it('takes a file written slowly in two parts once it is whole', async () => {
    const h = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    const folder = scannerFolder();
    await h.must('scan.watch', { boxId, folder }, h.tellerA.token);
    const whole = Buffer.from((await scan(h.paper, 'jpeg', [votes.mixed])).content, 'base64');
    const slow = join(folder, 'slow.jpg');
    writeFileSync(slow, whole.subarray(0, whole.length / 2));
    // A file finished after the first half was written: once it is taken, the watcher has seen
    // the half file standing still as long as it needs to take one.
    await save(h, folder, 'quick.jpg', [votes.allNine]);
    const meanwhile = await taken(h, boxId, 1);
    expect(meanwhile.sheets.map((s) => s.marks)).toEqual(['OOOOOOOOO--']);

    appendFileSync(slow, whole.subarray(whole.length / 2));
    const after = await taken(h, boxId, 2);
    expect(after.watching?.problem).toBeNull();
    expect(after.sheets.map((s) => [s.status, s.machine, s.marks])).toEqual([
      ['pending', 'read', 'OOOOOOOOO--'],
      ['pending', 'read', 'OOOOXXXOO-O'],
    ]);
  });

  it('stops taking files from a folder once unwatched, and only its teller may unwatch it', async () => {
    const h = await scanHarness();
    const one = await openBox(h, '一号箱', 10);
    const two = await openBox(h, '二号箱', 10);
    const [stopped, running] = [scannerFolder(), scannerFolder()];
    await noWatchers();
    const before = idle;
    await h.must('scan.watch', { boxId: one, folder: stopped }, h.tellerA.token);
    await h.must('scan.watch', { boxId: two, folder: running }, h.tellerA.token);
    expect(watchers()).toBe(before + 2);

    expect(await h.call('scan.unwatch', { boxId: one }, h.tellerB.token)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: '您没有在为这个票箱监视文件夹' },
    });
    expect(await h.must('scan.unwatch', { boxId: one }, h.tellerA.token)).toEqual({
      boxId: one,
      folder: null,
    });
    expect((await list(h, one)).watching).toBeNull();
    await vi.waitFor(() => expect(watchers()).toBe(before + 1), patience);

    // Files land in both folders; only the one still watched gives sheets, twice over.
    await save(h, stopped, 'a.jpg', [votes.allNine]);
    await save(h, running, 'b.jpg', [votes.mixed]);
    await taken(h, two, 1);
    await save(h, stopped, 'c.jpg', [votes.allNine]);
    await save(h, running, 'd.jpg', [votes.mixed]);
    await taken(h, two, 2);
    expect((await list(h, one)).sheets).toEqual([]);
  });

  it('stops every watcher when the services close', async () => {
    const h = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    await noWatchers();
    await h.must('scan.watch', { boxId, folder: scannerFolder() }, h.tellerA.token);
    expect(watchers()).toBe(idle + 1);

    h.services.close();
    expect(scanWatchers(h.services.context).status(boxId)).toBeNull();
    await noWatchers();
  });
});
