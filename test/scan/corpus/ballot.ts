import type { LayoutCell, Rect } from '../../../shared/scan/layout';
import { captureTransform, chooseCapture, type Capture, type FileType } from './capture';
import { encodeImage } from './encode';
import { nameStrokes } from './handwriting';
import type { Homography } from './homography';
import { canCrossBorder, markStrokes, type CellMark, type OddMark, type Room } from './marks';
import { choosePen, drawStrokes } from './pen';
import { copyRaster, mmToPx, type GreyRaster } from './raster';
import type { Rng } from './rng';
import { scanImage } from './scan';
import type { BallotTemplate } from './synthetic-template';
import { chooseVotes, DEFAULT_SHARES, type VoteShares } from './votes';

/** '?' is a mark the reader must send to review rather than count. */
export type TruthMark = 'O' | 'X' | '-' | '?';

export interface BallotTruth {
  /** 0-based page of the layout. */
  page: number;
  /** Ballot-order index of the candidate behind each character of `marks`. */
  candidates: number[];
  /** One character per candidate cell on the page. */
  marks: string;
  writeIns: { slot: number; ink: boolean; mark: TruthMark }[];
  /** Every '?' cell (by candidate or write-in slot) and what was drawn there. */
  review: { candidate?: number; slot?: number; mark: OddMark }[];
}

export interface BallotOptions {
  seats: number;
  shares?: Partial<VoteShares>;
  /** Fixes parts of the capture instead of drawing them at random. */
  capture?: Partial<Capture>;
}

export interface DrawnBallot {
  truth: BallotTruth;
  capture: Capture;
  /**
   * Sheet → image, in pixel units where pixel i spans [i, i + 1) (a point at `mm` on the sheet is
   * at `mm × dpi / 25.4` template pixels), to find a cell on the captured image.
   */
  transform: Homography;
  pixels: GreyRaster;
}

export interface GeneratedBallot extends DrawnBallot {
  file: { bytes: Buffer; type: FileType };
}

function isOdd(mark: CellMark | null): mark is OddMark {
  return mark !== null && mark !== 'O' && mark !== 'X';
}

function truthMark(mark: CellMark | null): TruthMark {
  return mark === null ? '-' : mark === 'O' || mark === 'X' ? mark : '?';
}

/** The voter's marks on a copy of the template, then one capture pass; no file is written. */
export function drawBallot(
  template: BallotTemplate,
  rng: Rng,
  options: BallotOptions,
): DrawnBallot {
  const page = template.layout.pages[template.page];
  if (page === undefined) throw new Error(`layout has no page ${template.page}`);
  const voteRng = rng.fork();
  const inkRng = rng.fork();
  const captureRng = rng.fork();
  const candidateCells = page.cells
    .filter((c) => c.kind === 'mark' && c.candidate !== undefined)
    .sort((a, b) => (a.candidate ?? 0) - (b.candidate ?? 0));
  const slots = [
    ...new Set(page.cells.flatMap((c) => (c.slot === undefined ? [] : [c.slot]))),
  ].sort((a, b) => a - b);
  const slotCell = (slot: number, kind: LayoutCell['kind']): LayoutCell | undefined =>
    page.cells.find((c) => c.slot === slot && c.kind === kind);

  const votes = chooseVotes(voteRng, candidateCells.length, slots.length, options.seats, {
    ...DEFAULT_SHARES,
    ...options.shares,
  });
  const sheet = copyRaster(template.image);
  const scale = mmToPx(template.dpi);
  const pen = choosePen(inkRng);
  const review: BallotTruth['review'] = [];
  const draw = (cell: LayoutCell | undefined, wanted: CellMark | null): CellMark | null => {
    if (cell === undefined || wanted === null) return null;
    const room = roomAround(cell, page.cells);
    const mark = wanted === 'border' && !canCrossBorder(room) ? 'double' : wanted;
    const strokes = markStrokes(
      mark,
      cell,
      { ...pen, width: pen.width * inkRng.range(0.9, 1.1) },
      inkRng,
      room,
    );
    drawStrokes(sheet, strokes, pen, scale);
    return mark;
  };

  const marks = candidateCells.map((cell, i) => {
    const mark = draw(cell, votes.candidates[i] ?? null);
    if (isOdd(mark)) {
      review.push({ candidate: cell.candidate ?? i, mark });
    }
    return truthMark(mark);
  });
  const writeIns = slots.map((slot, i) => {
    const vote = votes.writeIns[i] ?? { name: false, mark: null };
    const nameCell = slotCell(slot, 'write-in');
    const ink = vote.name && nameCell !== undefined;
    if (ink) drawStrokes(sheet, nameStrokes(nameCell, pen, inkRng), pen, scale);
    const mark = draw(slotCell(slot, 'mark'), vote.mark);
    if (isOdd(mark)) {
      review.push({ slot, mark });
    }
    return { slot, ink, mark: truthMark(mark) };
  });

  const capture = chooseCapture(captureRng, options.capture);
  const { width, height } = sheet;
  const transform = captureTransform(capture, width, height, template.dpi, captureRng);
  const pixels = scanImage(sheet, capture, transform, captureRng.uint32());
  const truth: BallotTruth = {
    page: template.page,
    candidates: candidateCells.map((c, i) => c.candidate ?? i),
    marks: marks.join(''),
    writeIns,
    review,
  };
  return { truth, capture, transform, pixels };
}

export async function generateBallot(
  template: BallotTemplate,
  rng: Rng,
  options: BallotOptions,
): Promise<GeneratedBallot> {
  const drawn = drawBallot(template, rng, options);
  const bytes = await encodeImage(drawn.pixels, drawn.capture.file, {
    dpi: template.dpi,
    quality: drawn.capture.quality,
    bw: drawn.capture.mode === 'bw',
  });
  return { ...drawn, file: { bytes, type: drawn.capture.file } };
}

/** Free millimetres beyond each border of a cell before another listed cell, capped at 8. */
function roomAround(cell: Rect, cells: readonly Rect[]): Room {
  const room: Room = { top: 8, right: 8, bottom: 8, left: 8 };
  const eps = 0.01;
  for (const o of cells) {
    if (o === cell) continue;
    const overlapX = o.x < cell.x + cell.w - eps && o.x + o.w > cell.x + eps;
    const overlapY = o.y < cell.y + cell.h - eps && o.y + o.h > cell.y + eps;
    if (overlapX && o.y + o.h <= cell.y + eps) room.top = Math.min(room.top, cell.y - o.y - o.h);
    if (overlapX && o.y >= cell.y + cell.h - eps)
      room.bottom = Math.min(room.bottom, o.y - cell.y - cell.h);
    if (overlapY && o.x + o.w <= cell.x + eps) room.left = Math.min(room.left, cell.x - o.x - o.w);
    if (overlapY && o.x >= cell.x + cell.w - eps)
      room.right = Math.min(room.right, o.x - cell.x - cell.w);
  }
  return room;
}
