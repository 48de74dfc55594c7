import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imagesFolder } from '../../../../core/entry/scan/images';
import { REFUSED } from '../../../../shared/scan/read';
import { entryHarness } from '../fixture';
import {
  blank,
  file,
  openBox,
  otherElection,
  reprinted,
  scan,
  scanHarness,
  sheets,
  submit,
  votes,
} from './fixture';

describe('scanned files into a pass', () => {
  it('takes JPEG, PNG, multi-page TIFF and scanner PDF of the printed ballot as pending sheets with the marks the voters made', async () => {
    const h = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    const files = [
      await scan(h.paper, 'jpeg', [votes.allNine], 'IMG_0001.JPG'),
      await scan(h.paper, 'png', [votes.mixed]),
      await scan(h.paper, 'tiff', [votes.againstSome, votes.abstainAll]),
      await scan(h.paper, 'pdf', [votes.writeIn, votes.tick]),
    ];
    const intake = await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);
    expect(intake.pages).toBe(6);

    const expected = [
      { place: 1, marks: 'OOOOOOOOO--', machine: 'read' },
      { place: 2, marks: 'OOOOXXXOO-O', machine: 'read' },
      { place: 3, marks: 'OXOOOOOXO-X', machine: 'read' },
      { place: 4, marks: '-----------', machine: 'read' },
      { place: 5, marks: 'OOOOOOOO--X', machine: 'read' },
      // The tick is not read as either mark: the teller must look at the paper.
      { place: 6, marks: 'OOO?OOOOO--', machine: 'review' },
    ];
    const pending = expected.map((e) => ({ ...e, status: 'pending', complete: true, seq: null }));
    expect(intake.sheets).toMatchObject(pending);
    const list = await h.must('scan.sheets', { boxId }, h.tellerA.token);
    expect(list).toMatchObject({ pass: 1, scanned: true, pagesPerBallot: 1, sheets: pending });
    expect(list.sheets[4]?.writeIns.map((w) => [w.slot, w.ink, w.mark])).toEqual([
      [0, true, 'O'],
      [1, false, '-'],
      [2, false, '-'],
    ]);

    // A reading is no ballot until the teller confirms it.
    expect(list.progress).toMatchObject({ live: 0, nextSeq: 1 });
    expect(h.count('SELECT count(*) AS n FROM ballot')).toBe(0);
    const board = await h.must('entry.board', { roundId: h.round.id }, h.tellerA.token);
    expect(board?.entered).toBe(0);
  });

  it('refuses a sheet of another election and one printed before the reprint, each with its reason, and skips a blank page', async () => {
    const h = await scanHarness();
    const before = h.paper;
    const discipline = await otherElection(h);
    const paper = await reprinted(h, { writeInBlanks: 2 });
    const boxId = await openBox(h, '一号箱', 10);
    const files = [
      await scan(paper, 'jpeg', [votes.allNine]),
      await scan(discipline, 'jpeg', [{ marks: 'OO-XO' }]),
      await scan(before, 'jpeg', [votes.allNine]),
      await blank(paper),
    ];
    await h.must('scan.submitFiles', { boxId, files }, h.tellerA.token);

    const list = await sheets(h, boxId, h.tellerA.token);
    expect(list.map((s) => [s.place, s.status, s.reason])).toEqual([
      [1, 'pending', null],
      [2, 'refused', REFUSED.otherRound],
      [3, 'refused', REFUSED.oldPrint],
      [4, 'skipped', '空白页'],
    ]);
    expect(list[0]).toMatchObject({ marks: 'OOOOOOOOO--', machine: 'read' });

    const again = await h.call(
      'scan.confirm',
      {
        sheetId: list[2]?.id ?? 0,
        ballot: { marks: 'OOOOOOOOO--', writeIns: [], declaredInvalid: null },
      },
      h.tellerA.token,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '第 3 张扫描件已拒收，不能再处理' },
    });
  });

  it('refuses a file that is not an image, naming it, and keeps nothing of the call', async () => {
    const h = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    const good = await scan(h.paper, 'jpeg', [votes.allNine]);
    const notes = file('计票说明.txt', Buffer.from('第一票箱：清点 10 张\n', 'utf8'));
    const refused = await submit(h, boxId, h.tellerA.token, [good, notes]);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: '文件“计票说明.txt”不是 JPEG、PNG、TIFF 或 PDF 图像，无法识别',
      },
    });

    const bytes = Buffer.from(good.content, 'base64');
    const cut = file('cut.jpg', bytes.subarray(0, bytes.length / 2));
    const broken = await submit(h, boxId, h.tellerA.token, [good, cut]);
    expect(broken).toMatchObject({
      ok: false,
      error: { message: '文件“cut.jpg”已损坏或不完整，无法读出图像' },
    });

    expect(h.count('SELECT count(*) AS n FROM scan_reading')).toBe(0);
    expect(h.count('SELECT count(*) AS n FROM scan_page')).toBe(0);
    expect(h.count('SELECT count(*) AS n FROM scanned_pass')).toBe(0);
    expect(h.auditActions().filter((a) => a.startsWith('ballot.'))).toEqual([]);
    const folder = imagesFolder(h.file);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect((await h.must('scan.sheets', { boxId }, h.tellerA.token)).scanned).toBe(false);
  });

  it('refuses scans of a round whose ballots the program did not print', async () => {
    const h = await entryHarness();
    const printed = await scanHarness();
    const boxId = await openBox(h, '一号箱', 10);
    const refused = await submit(h, boxId, h.tellerA.token, [
      await scan(printed.paper, 'png', [votes.allNine]),
    ]);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-state',
        message:
          '“选举中国共产党东湖镇第十六届委员会委员”本轮选票的印制版式没有保存（选票须由本程序打印），无法识别扫描件；请改用键盘录入',
      },
    });
  });
});
