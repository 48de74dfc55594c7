import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import type { ApiError } from '../../../shared/api';
import { ballot, openHarness, seedCountingRound, type EntryHarness } from '../entry/fixture';
import { bundleChild, freeBytes, inspect, runLimited, smallDisk, tempDir } from './fixture';

/*
 * The disk fills while the tellers enter ballots: the ballot being committed is refused with a
 * message that says so, every ballot committed before it is there with its audit row, the file
 * passes its integrity check and its audit chain, and once there is room again entry carries on
 * at the place it stopped. Three ways to fill it: SQLite's own page limit (any machine), a small
 * RAM disk with a filler file (where the test may mount one), and a file-size limit on a child
 * process (RLIMIT_FSIZE, any Linux machine).
 */

const candidates = ['丁一', '王二', '李三'];
const paper = (seq: number) => ballot('-OX', { writeIns: [{ name: `另选人${seq}`, mark: 'O' }] });

interface Desk {
  h: EntryHarness;
  token: string;
  boxId: number;
}

/** A round being counted, a teller signed in, a box of 500 open for them. */
async function desk(file: string): Promise<Desk> {
  const h = openHarness(file);
  const teller = await h.person('teller', '张计票');
  const scrutineer = await h.person('scrutineer', '赵监票');
  const { round } = seedCountingRound(h.store, {
    candidates,
    seats: 2,
    issued: 500,
    returned: 500,
    writeInBlanks: 1,
  });
  const box = await h.must(
    'entry.createBox',
    { roundId: round.id, label: '一号票箱', expected: 500 },
    scrutineer.token,
  );
  await h.must('entry.open', { boxId: box.id }, teller.token);
  return { h, token: teller.token, boxId: box.id };
}

/** Commits from seq onwards until one is refused; the number saved and the refusal. */
async function commitUntilRefused(d: Desk, seq: number) {
  for (let n = 0; n < 400; n += 1) {
    const result = await d.h.call(
      'entry.commit',
      { boxId: d.boxId, seq: seq + n, ballot: paper(seq + n) },
      d.token,
    );
    if (!result.ok) return { committed: n, refusal: result.error };
  }
  throw new Error('the disk never filled');
}

/** The file as the next start would find it: sound, and every saved ballot with its audit row. */
function expectIntact(file: string, ballots: number): void {
  const found = inspect(file);
  expect(found.integrity).toBe('ok');
  expect(found.audit).toMatchObject({ ok: true });
  expect(found.ballots).toBe(ballots);
  expect(found.entered).toBe(ballots);
}

describe('the disk fills during entry', () => {
  it('SQLite’s page limit: refused as a full disk, nothing half-written, entry resumes', async () => {
    const file = join(tempDir(), 'congress.sqlite');
    const d = await desk(file);
    const pages = Number(d.h.store.db.pragma('page_count', { simple: true }));
    d.h.store.db.pragma(`max_page_count = ${pages + 3}`);
    const { committed, refusal } = await commitUntilRefused(d, 1);
    expect(committed).toBeGreaterThan(0);
    expect(refusal).toMatchObject({ code: 'storage' });
    expect(refusal.message).toContain('磁盘已满');
    expect(d.h.count('SELECT count(*) AS n FROM ballot')).toBe(committed);

    d.h.store.db.pragma(`max_page_count = ${pages * 100}`);
    const next = await d.h.must('entry.open', { boxId: d.boxId }, d.token);
    expect(next.progress.nextSeq).toBe(committed + 1);
    await d.h.must(
      'entry.commit',
      { boxId: d.boxId, seq: committed + 1, ballot: paper(committed + 1) },
      d.token,
    );
    d.h.services.close();
    expectIntact(file, committed + 1);
  });

  it('a full RAM disk (tmpfs): refused as a full disk, nothing half-written, entry resumes', async (context) => {
    const stick = join(tempDir(), 'stick');
    if (!smallDisk(stick, '2m')) {
      context.skip('此机器不允许测试挂载 tmpfs：改由下面的文件大小限制模拟磁盘已满');
      return;
    }
    console.info('磁盘已满：用 2 MB 的 tmpfs 和一个占位文件模拟');
    const file = join(stick, 'congress.sqlite');
    const d = await desk(file);
    const filler = join(stick, 'filler.bin');
    writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(stick) - 96 * 1024)));
    const { committed, refusal } = await commitUntilRefused(d, 1);
    expect(committed).toBeGreaterThan(0);
    expect(refusal).toMatchObject({ code: 'storage' });
    expect(refusal.message).toContain('磁盘已满');
    expect(refusal.message).toContain(file);

    rmSync(filler);
    await d.h.must(
      'entry.commit',
      { boxId: d.boxId, seq: committed + 1, ballot: paper(committed + 1) },
      d.token,
    );
    d.h.services.close();
    expectIntact(file, committed + 1);
  });

  describe('a file-size limit on the process (RLIMIT_FSIZE)', () => {
    let child = '';
    beforeAll(async () => {
      child = await bundleChild('entry-child');
    });

    it('refuses the ballot that does not fit, keeps the rest, and entry resumes without it', async () => {
      console.info('磁盘已满：用子进程的文件大小限制（ulimit -f）模拟');
      const file = join(tempDir(), 'congress.sqlite');
      const d = await desk(file);
      d.h.services.close();
      const limitKb = Math.ceil(statSync(file).size / 1024) + 256;
      const run = runLimited(limitKb, child, [file, '400']);
      if (run.status !== 0) throw new Error(`the child failed: ${run.stderr}`);
      const out = JSON.parse(run.stdout) as { committed: number; refusal: ApiError };
      expect(out.committed).toBeGreaterThan(0);
      expect(out.refusal).toMatchObject({ code: 'storage' });
      expect(out.refusal.message).toContain('没有保存');
      expectIntact(file, out.committed);

      // Started again with room on the disk, the teller carries on at the next place.
      const store = openStore(file);
      const pass = store.ballots.passOf(d.boxId, 1);
      expect(pass && store.ballots.passStatus(pass.id)).toEqual({
        live: out.committed,
        last: out.committed,
      });
      store.close();
    });
  });
});
