import { READ_CONFIDENCE, readMarkCell, readNameCell, type CellMark } from './cells';
import { knownCode, sightCode, type CodeSighting, type KnownCode } from './code';
import type { Point } from './homography';
import type { GrayImage } from './image';
import type { BallotLayout, LayoutCell, LayoutPage, RoundCode } from './layout';
import { surveyPage, type MarkSearch, type RegistrationMarks } from './marks';
import { pageView, pageViews, type Orientation } from './view';
import { cellWindow, quadOf, type PageView } from './window';

/** A printed round: its code (the `page` field is ignored) and the layout it was printed with. */
export interface KnownRound {
  code: RoundCode;
  layout: BallotLayout;
}

/** The round being counted, and other prints of the congress that a refusal should name. */
export interface ReadRounds {
  expected: KnownRound;
  others?: readonly KnownRound[];
}

export interface ReadOptions {
  marks?: MarkSearch;
}

export interface CellRead {
  kind: LayoutCell['kind'];
  candidate: number | null;
  slot: number | null;
  /** The cell's corners in image pixels: top-left, top-right, bottom-right, bottom-left. */
  quad: [Point, Point, Point, Point];
  /** Mark cells: what is in them; name cells: null. */
  mark: CellMark | null;
  /** Name cells: is anything written; mark cells: null. */
  ink: boolean | null;
  confidence: number;
}

export interface WriteInRead {
  slot: number;
  ink: boolean;
  mark: CellMark;
  confidence: number;
}

export type ReadStatus = 'read' | 'review' | 'refused' | 'blank';

export interface PageReading {
  status: ReadStatus;
  /** Why the page was refused, in Chinese; null otherwise. */
  reason: string | null;
  code: RoundCode | null;
  /** 1-based page of the ballot (0 when unknown). */
  page: number;
  /** Ballot-order indices of the candidates whose cells are on this page, ascending. */
  candidates: number[];
  /** One of O X - ? per entry of `candidates`. */
  marks: string;
  confidence: number[];
  writeIns: WriteInRead[];
  cells: CellRead[];
  upsideDown: boolean;
}

export const REFUSED = {
  noMarks: '不是选票（找不到四个定位标记）',
  unknownCode: '不是本次大会的选票或无法识别票面代码',
  otherCongress: '不是本次大会的选票',
  otherRound: '这是另一选举事项/轮次的选票',
  oldPrint: '这是旧版选票（重新印制前）',
  noPage: '票面代码中的页码不在本轮选票中',
} as const;

/** A page with fewer dark pixels than this share and no marks is an empty back page. */
const BLANK_DARK_SHARE = 0.002;

export function readBallotPage(
  image: GrayImage,
  rounds: ReadRounds,
  options: ReadOptions = {},
): PageReading {
  const survey = surveyPage(image, options.marks);
  if (!survey.marks) {
    return survey.darkShare < BLANK_DARK_SHARE
      ? refusal('blank', null, null, false)
      : refusal('refused', REFUSED.noMarks, null, false);
  }
  const marks = survey.marks;
  const all = [rounds.expected, ...(rounds.others ?? [])];
  const known = all.flatMap((r) =>
    r.layout.pages.map((_, i) => knownCode({ ...r.code, page: i + 1 })),
  );
  const sighting = findCode(image, marks, all, known);
  if (!sighting.match) return refusal('refused', REFUSED.unknownCode, null, sighting.upsideDown);
  const code = sighting.match;
  const expected = rounds.expected.code;
  const why = refusalReason(code, expected);
  if (why) return refusal('refused', why, code, sighting.upsideDown);
  const page = rounds.expected.layout.pages[code.page - 1];
  if (!page) return refusal('refused', REFUSED.noPage, code, sighting.upsideDown);
  const orientation: Orientation = sighting.upsideDown ? 'upside-down' : 'upright';
  const view = pageView(image, marks, page, orientation);
  if (!view) return refusal('refused', REFUSED.noMarks, code, sighting.upsideDown);
  return readCells(view, page, code, sighting.upsideDown);
}

function refusalReason(code: RoundCode, expected: RoundCode): string | null {
  if (code.congress !== expected.congress) return REFUSED.otherCongress;
  if (code.election !== expected.election || code.round !== expected.round)
    return REFUSED.otherRound;
  if (code.layout.toLowerCase() !== expected.layout.toLowerCase()) return REFUSED.oldPrint;
  return null;
}

/** Tries each distinct printed geometry, upright then upside down, until a known code is seen. */
function findCode(
  image: GrayImage,
  marks: RegistrationMarks,
  rounds: readonly KnownRound[],
  known: readonly KnownCode[],
): { match: RoundCode | null; upsideDown: boolean } {
  const tried = new Set<string>();
  let firstPresence: { upright: boolean; upsideDown: boolean } | null = null;
  for (const round of rounds)
    for (const page of round.layout.pages) {
      const key = JSON.stringify([page.marks, page.code]);
      if (tried.has(key)) continue;
      tried.add(key);
      const seen: Partial<Record<Orientation, CodeSighting>> = {};
      for (const { orientation, view } of pageViews(image, marks, page)) {
        const sighting = sightCode(view, page.code, known);
        if (sighting.match)
          return { match: sighting.match.code, upsideDown: orientation === 'upside-down' };
        seen[orientation] = sighting;
      }
      firstPresence ??= {
        upright: seen.upright?.present ?? false,
        upsideDown: seen['upside-down']?.present ?? false,
      };
    }
  return {
    match: null,
    upsideDown: !!firstPresence && firstPresence.upsideDown && !firstPresence.upright,
  };
}

function readCells(
  view: { full: PageView; reduced: PageView },
  page: LayoutPage,
  code: RoundCode,
  upsideDown: boolean,
): PageReading {
  const windows = page.cells.map((cell) => cellWindow(view.reduced, cell));
  // Paper noise is the page's, not the cell's: a filled cell has no paper of its own to measure.
  const noise = median(windows.map((w) => w.noise));
  const cells: CellRead[] = page.cells.map((cell, i) => {
    const win = { ...(windows[i] ?? cellWindow(view.reduced, cell)), noise };
    const quad = quadOf(view.full, cell, 1);
    const base = {
      kind: cell.kind,
      candidate: cell.candidate ?? null,
      slot: cell.slot ?? null,
      quad,
    };
    if (cell.kind === 'write-in') {
      const name = readNameCell(win);
      return { ...base, mark: null, ink: name.ink, confidence: name.confidence };
    }
    const read = readMarkCell(win);
    return { ...base, mark: read.mark, ink: null, confidence: read.confidence };
  });
  const candidateCells = cells
    .filter((c) => c.kind === 'mark' && c.candidate !== null)
    .sort((a, b) => (a.candidate ?? 0) - (b.candidate ?? 0));
  const slots = [...new Set(cells.flatMap((c) => (c.slot === null ? [] : [c.slot])))].sort(
    (a, b) => a - b,
  );
  const writeIns = slots.map((slot): WriteInRead => {
    const markCell = cells.find((c) => c.slot === slot && c.kind === 'mark');
    const nameCell = cells.find((c) => c.slot === slot && c.kind === 'write-in');
    return {
      slot,
      ink: nameCell?.ink ?? false,
      mark: markCell?.mark ?? '-',
      confidence: Math.min(markCell?.confidence ?? 1, nameCell?.confidence ?? 1),
    };
  });
  const sure = cells.every((c) => c.confidence >= READ_CONFIDENCE && c.mark !== '?');
  return {
    status: sure ? 'read' : 'review',
    reason: null,
    code,
    page: code.page,
    candidates: candidateCells.map((c) => c.candidate ?? 0),
    marks: candidateCells.map((c) => c.mark ?? '?').join(''),
    confidence: candidateCells.map((c) => c.confidence),
    writeIns,
    cells,
    upsideDown,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function refusal(
  status: 'refused' | 'blank',
  reason: string | null,
  code: RoundCode | null,
  upsideDown: boolean,
): PageReading {
  return {
    status,
    reason,
    code,
    page: code?.page ?? 0,
    candidates: [],
    marks: '',
    confidence: [],
    writeIns: [],
    cells: [],
    upsideDown,
  };
}
