import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../cli/main';
import { REFUSED } from '../../../../shared/scan/read';
import { blank, otherElection, scan, scanHarness, votes, type ScanFile } from './fixture';

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

const digestOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function put(folder: string, scanned: ScanFile): string {
  const path = join(folder, scanned.name);
  writeFileSync(path, Buffer.from(scanned.content, 'base64'));
  return path;
}

/** A congress with its committee ballot and the discipline ballot printed, services closed. */
async function printedCongress() {
  const h = await scanHarness();
  const discipline = await otherElection(h);
  const folder = join(dirname(h.file), 'scans');
  mkdirSync(folder);
  const files = {
    first: put(folder, await scan(h.paper, 'jpeg', [votes.allNine], '01.jpg')),
    batch: put(folder, await scan(h.paper, 'tiff', [votes.fiveFor, votes.tick], '02.tif')),
    foreign: put(folder, await scan(discipline, 'png', [{ marks: 'OO-O-' }], '03.png')),
    back: put(folder, await blank(h.paper, '04.png')),
  };
  writeFileSync(join(folder, 'readme.txt'), 'not a scan');
  h.services.close();
  return { h, folder, files, election: String(h.election.id) };
}

describe('congress-tally read-ballots', () => {
  it('prints one JSON line per page, as the scanning service reads it, and writes nothing', async () => {
    const { h, folder, files, election } = await printedCongress();
    const notes = join(folder, 'readme.txt');
    const before = digestOf(h.file);
    const beside = readdirSync(dirname(h.file)).sort();

    const result = await run(
      'read-ballots',
      '--db',
      h.file,
      '--election',
      election,
      '--json',
      folder,
      notes,
    );
    expect(result).toMatchObject({ code: 0, stderr: [] });
    const lines = result.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'file',
        'page',
        'status',
        'reason',
        'round',
        'marks',
        'confidence',
        'writeIns',
      ]);
    }
    const noWriteIns = [0, 1, 2].map((cell) => ({ cell, ink: false }));
    expect(lines).toMatchObject([
      {
        file: files.first,
        page: 1,
        status: 'read',
        reason: null,
        round: h.round.id,
        marks: 'OOOOOOOOO--',
        writeIns: noWriteIns,
      },
      { file: files.batch, page: 1, status: 'read', round: h.round.id, marks: 'OOOOO------' },
      { file: files.batch, page: 2, status: 'review', round: h.round.id, marks: 'OOO?OOOOO--' },
      { file: files.foreign, page: 1, status: 'refused', reason: REFUSED.otherRound, marks: '' },
      { file: files.back, page: 1, status: 'blank', reason: '空白页', round: null },
      {
        file: notes,
        page: 0,
        status: 'refused',
        reason: '文件“readme.txt”不是 JPEG、PNG、TIFF 或 PDF 图像，无法识别',
      },
    ]);
    expect(lines[0]?.['confidence']).toHaveLength(11);
    expect(lines[3]?.['round']).not.toBe(h.round.id);

    expect(digestOf(h.file)).toBe(before);
    // Reading a WAL database leaves SQLite's reader index beside it, and an empty log.
    const after = readdirSync(dirname(h.file)).filter((n) => !/-(wal|shm)$/.test(n));
    expect(after.sort()).toEqual(beside);
    const log = `${h.file}-wal`;
    expect(existsSync(log) ? statSync(log).size : 0).toBe(0);
  });

  it('says what it read in Chinese without --json', async () => {
    const { h, files, election } = await printedCongress();
    const result = await run('read-ballots', '--db', h.file, '--election', election, files.batch);
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual([
      `${files.batch} 第 1 页\u3000已识别：符号 OOOOO------`,
      `${files.batch} 第 2 页\u3000需人工核对：符号 OOO?OOOOO--`,
    ]);
  });

  it('prints the round’s printed layout with --layout', async () => {
    const { h, election } = await printedCongress();
    const result = await run('read-ballots', '--db', h.file, '--election', election, '--layout');
    expect(result).toMatchObject({ code: 0, stderr: [] });
    expect(result.stdout).toHaveLength(1);
    const { layout } = h.paper;
    expect(JSON.parse(result.stdout[0] ?? '')).toEqual({
      page: { width: 210, height: 297 },
      pages: layout.pages.map((page) => ({
        marks: page.marks.map(({ x, y, w, h: height }) => ({ x, y, w, h: height })),
        cells: page.cells.map((c) => ({
          kind: c.kind,
          candidate: c.candidate ?? null,
          x: c.x,
          y: c.y,
          w: c.w,
          h: c.h,
        })),
      })),
    });
    const [first] = layout.pages;
    expect(first?.marks).toHaveLength(4);
    // 11 candidates' 符号 cells, and a 符号 and a 姓名 cell for each of the 3 另选人 slots.
    expect(first?.cells.filter((c) => c.kind === 'mark')).toHaveLength(14);
    expect(first?.cells.filter((c) => c.kind === 'write-in')).toHaveLength(3);
  });

  it('exits 2 with the problem and the usage for bad arguments', async () => {
    const { h, files, election } = await printedCongress();
    const usage = '。用法：congress-tally read-ballots --db <文件> --election <编号>';
    const cases: [string[], string][] = [
      [['--db', h.file, files.first], '缺少参数 --election <编号>'],
      [['--db', h.file, '--election', '999', files.first], '数据库中没有编号为 999 的选举事项'],
      [['--db', h.file, '--election', election], '请给出要识别的图像文件或文件夹'],
      [
        ['--db', h.file, '--election', 'one', files.first],
        '参数 --election 应为编号（正整数）：one',
      ],
      [
        ['--db', `${h.file}.missing`, '--election', election, files.first],
        `数据库文件不存在：${h.file}.missing`,
      ],
      [
        ['--db', h.file, '--election', election, join(dirname(h.file), 'nowhere')],
        '找不到文件或文件夹',
      ],
      [
        ['--db', h.file, '--election', election, '--layout', files.first],
        '--layout 只打印选票版式',
      ],
      [['--election', election, files.first], '缺少参数 --db <文件>'],
    ];
    for (const [argv, message] of cases) {
      const result = await run('read-ballots', ...argv);
      expect(result.code, message).toBe(2);
      expect(result.stdout).toEqual([]);
      expect(result.stderr).toHaveLength(1);
      expect(result.stderr[0]).toContain(message);
      expect(result.stderr[0]).toContain(usage);
    }
  });
});
