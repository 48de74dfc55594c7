import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { openStore } from '../db/store';
import { decodePages } from '../core/entry/scan/decode';
import { BLANK_REASON } from '../core/entry/scan/intake';
import { printedRounds } from '../core/entry/scan/printed';
import { roundContext } from '../core/entry/round';
import type { BallotLayout, LayoutCell, Rect } from '../shared/scan/layout';
import type { PageReading, ReadRounds } from '../shared/scan/read';
import { readBallotPage } from '../shared/scan/read';
import { idOption, oneLine, readArgs } from './args';
import type { CliIo } from './io';

const usage =
  '用法：congress-tally read-ballots --db <文件> --election <编号> [--json] <图像或文件夹>…，或 --layout 打印本轮选票的版式';
const IMAGE_NAME = /\.(jpe?g|png|tiff?|pdf)$/i;

/** One page as `--json` prints it. */
export interface PageLine {
  file: string;
  /** 1-based page within the file. */
  page: number;
  /** `blank`: an empty page (the back of a duplex scan), skipped. */
  status: 'read' | 'review' | 'refused' | 'blank';
  reason: string | null;
  /** The round the round code names; null where none was read. */
  round: number | null;
  marks: string;
  confidence: number[];
  writeIns: { cell: number; ink: boolean }[];
}

/** The printed layout as `--layout` prints it, in millimetres from the sheet's top-left corner. */
export interface LayoutLine {
  page: { width: number; height: number };
  pages: {
    marks: Rect[];
    cells: (Rect & { kind: LayoutCell['kind']; candidate: number | null })[];
  }[];
}

/**
 * `read-ballots`: reads scanned ballots against the election's printed round, as the scanning
 * service would, and prints what the machine read of each page; `--layout` prints the round's
 * printed layout instead. Nothing is kept or written.
 */
export async function readBallotsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--election'], flags: ['--json', '--layout'] });
  if (!parsed.ok) return bad(io, parsed.message);
  const { args } = parsed;
  const file = args.options.get('--db');
  const electionId = idOption(args, '--election');
  const layout = args.flags.has('--layout');
  if (file === undefined) return bad(io, '缺少参数 --db <文件>');
  if (!existsSync(file)) return bad(io, `数据库文件不存在：${file}`);
  if (electionId === null) return bad(io, '缺少参数 --election <编号>');
  if (typeof electionId === 'object') return bad(io, electionId.error);
  if (layout && args.positionals.length > 0) {
    return bad(io, '--layout 只打印选票版式，不识别图像：请不要同时给出图像文件');
  }
  if (!layout && args.positionals.length === 0) return bad(io, '请给出要识别的图像文件或文件夹');
  const files = await imageFiles(args.positionals);
  if (!files.ok) return bad(io, files.message);
  const rounds = roundsOf(file, electionId);
  if (!rounds.ok) return bad(io, rounds.message);
  if (layout) {
    io.stdout(JSON.stringify(layoutLine(rounds.value.expected.layout)));
    return 0;
  }
  await readFiles(rounds.value, files.value, io, args.flags.has('--json'));
  return 0;
}

export function layoutLine(layout: BallotLayout): LayoutLine {
  const rect = ({ x, y, w, h }: Rect): Rect => ({ x, y, w, h });
  return {
    page: { width: layout.page.width, height: layout.page.height },
    pages: layout.pages.map((page) => ({
      marks: page.marks.map(rect),
      cells: page.cells.map((cell) => ({
        kind: cell.kind,
        candidate: cell.candidate ?? null,
        ...rect(cell),
      })),
    })),
  };
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

function roundsOf(
  file: string,
  electionId: number,
): { ok: true; value: ReadRounds } | { ok: false; message: string } {
  let store;
  try {
    store = openStore(file, { readonly: true });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  try {
    const election = store.elections.byId(electionId);
    if (!election) return { ok: false, message: `数据库中没有编号为 ${electionId} 的选举事项` };
    const rounds = store.elections.roundsOf(electionId).filter((r) => r.state !== 'void');
    const round = rounds.find((r) => r.state === 'counting') ?? rounds.at(-1);
    const context = round && roundContext(store, round.id);
    if (!context) return { ok: false, message: `“${election.title}”还没有选举轮次` };
    const printed = printedRounds(store, context);
    return printed.ok ? printed : { ok: false, message: printed.error.message };
  } finally {
    store.close();
  }
}

/** The files named, and the image files of the folders named (by name), in the order given. */
async function imageFiles(
  paths: readonly string[],
): Promise<{ ok: true; value: string[] } | { ok: false; message: string }> {
  const files: string[] = [];
  for (const path of paths) {
    const found = await stat(path).catch(() => undefined);
    if (!found) return { ok: false, message: `找不到文件或文件夹：${path}` };
    if (!found.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path))
      .filter((n) => IMAGE_NAME.test(n) && !n.startsWith('.'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    files.push(...names.map((n) => join(path, n)));
  }
  return { ok: true, value: files };
}

export async function readFiles(
  rounds: ReadRounds,
  files: readonly string[],
  io: CliIo,
  json: boolean,
): Promise<void> {
  for (const file of files) {
    const bytes = await readFile(file);
    const pages = await decodePages(bytes, basename(file));
    if (!pages.ok) {
      print(io, json, refusedFile(file, pages.error.message));
      continue;
    }
    for (const [i, image] of pages.value.entries()) {
      print(io, json, pageLine(file, i + 1, readBallotPage(image, rounds)));
    }
  }
}

export function pageLine(file: string, page: number, reading: PageReading): PageLine {
  return {
    file,
    page,
    status: reading.status,
    reason: reading.status === 'blank' ? BLANK_REASON : reading.reason,
    round: reading.code?.round ?? null,
    marks: reading.marks,
    confidence: reading.confidence.map((c) => Math.round(c * 1000) / 1000),
    writeIns: reading.writeIns.map((w) => ({ cell: w.slot, ink: w.ink })),
  };
}

function refusedFile(file: string, reason: string): PageLine {
  const line = { file, page: 0, status: 'refused', reason, round: null } as const;
  return { ...line, marks: '', confidence: [], writeIns: [] };
}

const statusWords = {
  read: '已识别',
  review: '需人工核对',
  refused: '拒收',
  blank: '空白页，已跳过',
} as const;

function print(io: CliIo, json: boolean, line: PageLine): void {
  if (json) {
    io.stdout(JSON.stringify(line));
    return;
  }
  const where = line.page === 0 ? line.file : `${line.file} 第 ${line.page} 页`;
  const what =
    line.status === 'refused'
      ? `：${line.reason ?? ''}`
      : line.status === 'blank'
        ? ''
        : `：符号 ${line.marks}${line.writeIns.some((w) => w.ink) ? '，另选人栏有字迹' : ''}`;
  io.stdout(`${where}\u3000${statusWords[line.status]}${what}`);
}
