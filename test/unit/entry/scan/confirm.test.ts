import { describe, expect, it } from 'vitest';
import type { Seeded } from '../fixture';
import { entryHarness } from '../fixture';
import {
  ballot,
  enterAll,
  openBox,
  scan,
  scanHarness,
  sheets,
  votes,
  type ScanSeeded,
  type Vote,
} from './fixture';

/** Four papers, and what the teller keys for each, reading the paper itself. */
const papers: Vote[] = [votes.allNine, votes.mixed, votes.writeIn, votes.tick];
const asRead = [
  ballot('OOOOOOOOO--'),
  ballot('OOOOXXXOO-O'),
  ballot('OOOOOOOO--X', { writeIns: [{ name: '周涛', mark: 'O' }] }),
  ballot('OOO?OOOOO--'),
];

/** A box of `expected` ballots with the papers scanned into teller A's pass; the sheets' ids. */
async function scannedBox(h: ScanSeeded, papers: readonly Vote[], expected = 10) {
  const boxId = await openBox(h, '一号箱', expected);
  const files = await Promise.all(papers.map((v, i) => scan(h.paper, 'png', [v], `${i}.png`)));
  const intake = await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);
  return { boxId, ids: intake.sheets.map((s) => s.id) };
}

async function entered(h: Seeded, boxId: number) {
  const ballots = await h.must('entry.ballots', { boxId }, h.tellerA.token);
  return ballots.map(({ id: _id, ...b }) => b);
}

async function board(h: Seeded) {
  const shown = await h.must('entry.board', { roundId: h.round.id }, h.tellerA.token);
  if (!shown) throw new Error('no board');
  // The version only counts redraws.
  return { ...shown, version: 0 };
}

const statuses = async (h: Seeded, boxId: number) =>
  (await sheets(h, boxId, h.tellerA.token)).map((s) => [s.place, s.status, s.seq]);

describe('confirming scanned sheets', () => {
  it('enters each sheet into the pass exactly as the same ballot keyed', async () => {
    const keyed = await entryHarness();
    const keyedBox = await openBox(keyed, '一号箱', 10);
    await enterAll(keyed, keyedBox, keyed.tellerA.token, asRead);

    const h = await scanHarness();
    const { boxId, ids } = await scannedBox(h, papers);
    let progress;
    for (const [i, sheetId] of ids.entries()) {
      const done = await h.must(
        'scan.confirm',
        { sheetId, ballot: asRead[i] ?? ballot('') },
        h.tellerA.token,
      );
      expect(done.sheet).toMatchObject({ status: 'confirmed', seq: i + 1 });
      expect(done.committed.seq).toBe(i + 1);
      progress = done.committed.progress;
    }

    const keyedProgress = (await keyed.must('entry.open', { boxId: keyedBox }, keyed.tellerA.token))
      .progress;
    expect(progress).toEqual({ ...keyedProgress, boxId });
    expect(await entered(h, boxId)).toEqual(await entered(keyed, keyedBox));
    expect(await board(h)).toEqual(await board(keyed));
    expect(await board(h)).toMatchObject({ entered: 4, writeIns: [{ name: '周涛', for: 1 }] });
  });

  it('confirms the confident sheets together in scanning order, and refuses a doubtful or written-in one without changing anything', async () => {
    const h = await scanHarness();
    const scanned = [votes.allNine, votes.mixed, votes.tick, votes.againstSome, votes.writeIn];
    const { boxId, ids } = await scannedBox(h, scanned);
    const [s1, s2, s3, s4, s5] = ids.map((id) => id);
    if (!s1 || !s2 || !s3 || !s4 || !s5) throw new Error('five sheets expected');

    const doubtful = await h.call(
      'scan.confirmMany',
      { boxId, sheetIds: [s1, s2, s3] },
      h.tellerA.token,
    );
    expect(doubtful).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '第 3 张扫描件未能可靠识别，须逐张核对' },
    });
    const skipping = await h.call('scan.confirmMany', { boxId, sheetIds: [s2] }, h.tellerA.token);
    expect(skipping).toMatchObject({
      ok: false,
      error: { message: '只能按扫描顺序成批确认最前面的待确认扫描件，请刷新后重新选择' },
    });
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(0);
    expect((await statuses(h, boxId)).map(([, status]) => status)).toEqual(
      Array(5).fill('pending'),
    );

    const two = await h.must('scan.confirmMany', { boxId, sheetIds: [s2, s1] }, h.tellerA.token);
    expect(two).toMatchObject({ confirmed: 2, progress: { live: 2, nextSeq: 3 } });
    await h.must('scan.confirm', { sheetId: s3, ballot: ballot('OOO-OOOOO--') }, h.tellerA.token);

    const written = await h.call(
      'scan.confirmMany',
      { boxId, sheetIds: [s4, s5] },
      h.tellerA.token,
    );
    expect(written).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '第 5 张扫描件有另选人，须逐张核对并填写姓名' },
    });
    expect(await statuses(h, boxId)).toEqual([
      [1, 'confirmed', 1],
      [2, 'confirmed', 2],
      [3, 'confirmed', 3],
      [4, 'pending', null],
      [5, 'pending', null],
    ]);
    await h.must('scan.confirmMany', { boxId, sheetIds: [s4] }, h.tellerA.token);
    const named = ballot('OOOOOOOO--X', { writeIns: [{ name: '周涛', mark: 'O' }] });
    await h.must('scan.confirm', { sheetId: s5, ballot: named }, h.tellerA.token);
    expect((await entered(h, boxId)).map((b) => b.marks)).toEqual([
      'OOOOOOOOO--',
      'OOOOXXXOO-O',
      'OOO-OOOOO--',
      'OXOOOOOXO-X',
      'OOOOOOOO--X',
    ]);
  });

  it('refuses more sheets than the box was counted to hold', async () => {
    const h = await scanHarness();
    const { boxId, ids } = await scannedBox(h, [votes.allNine, votes.mixed, votes.abstainAll], 2);
    const over = await h.call('scan.confirmMany', { boxId, sheetIds: ids }, h.tellerA.token);
    expect(over).toMatchObject({
      ok: false,
      error: { message: '票箱“一号箱”清点为 2 张，已录入 0 张，不能再确认 3 张' },
    });
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(0);
  });

  it('sets refused and skipped sheets aside for good, in scanning order', async () => {
    const h = await scanHarness();
    const { boxId, ids } = await scannedBox(h, [votes.allNine, votes.mixed, votes.abstainAll]);
    const [s1, s2, s3] = ids;
    if (!s1 || !s2 || !s3) throw new Error('three sheets expected');

    const early = await h.call(
      'scan.confirm',
      { sheetId: s2, ballot: asRead[1] ?? ballot('') },
      h.tellerA.token,
    );
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '请按扫描顺序处理：先确认或拒收第 1 张扫描件' },
    });
    const refused = await h.must(
      'scan.refuse',
      { sheetId: s1, reason: '不是本票箱的选票' },
      h.tellerA.token,
    );
    expect(refused).toMatchObject({ status: 'refused', reason: '不是本票箱的选票', seq: null });
    expect(await h.must('scan.skip', { sheetId: s2 }, h.tellerA.token)).toMatchObject({
      status: 'skipped',
      reason: '不是选票，略过',
    });
    const third = await h.must(
      'scan.confirm',
      { sheetId: s3, ballot: ballot('-----------') },
      h.tellerA.token,
    );
    expect(third.committed.seq).toBe(1);

    for (const [sheetId, word] of [
      [s1, '已拒收'],
      [s2, '已略过'],
      [s3, '已确认录入'],
    ] as const) {
      const again = await h.call('scan.refuse', { sheetId, reason: '重复' }, h.tellerA.token);
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!again.ok) expect(again.error.message).toContain(word);
    }
    expect(await statuses(h, boxId)).toEqual([
      [1, 'refused', null],
      [2, 'skipped', null],
      [3, 'confirmed', 1],
    ]);
  });

  it('asks for a voided ballot to be keyed again before sheets are confirmed together', async () => {
    const h = await scanHarness();
    const { boxId, ids } = await scannedBox(h, [votes.allNine, votes.mixed, votes.abstainAll]);
    const [s1, s2, s3] = ids;
    if (!s1 || !s2 || !s3) throw new Error('three sheets expected');
    await h.must('scan.confirmMany', { boxId, sheetIds: [s1] }, h.tellerA.token);
    await h.must('entry.void', { boxId, seq: 1, reason: '与原票不符' }, h.tellerA.token);

    const blocked = await h.call(
      'scan.confirmMany',
      { boxId, sheetIds: [s2, s3] },
      h.tellerA.token,
    );
    expect(blocked).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: '本遍第 1 张已作废，请先用键盘重新录入这一张，再确认扫描件',
      },
    });
    expect(await statuses(h, boxId)).toEqual([
      [1, 'confirmed', 1],
      [2, 'pending', null],
      [3, 'pending', null],
    ]);
    await h.must('entry.commit', { boxId, seq: 1, ballot: ballot('OOOOOOOOO--') }, h.tellerA.token);
    const rest = await h.must('scan.confirmMany', { boxId, sheetIds: [s2, s3] }, h.tellerA.token);
    expect(rest.progress).toMatchObject({ live: 3, nextSeq: 4, reentry: false });
  });
});
