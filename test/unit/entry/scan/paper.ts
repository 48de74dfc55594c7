import sharp from 'sharp';
import { afterAll } from 'vitest';
import type { Store } from '../../../../db/store';
import { renderPdf } from '../../../../core/entry/scan/decode';
import { printPrintout } from '../../../../core/reports/handlers';
import { openChromiumPrinter } from '../../../../core/reports/pdf';
import type { PdfPrinter, PrintableReport } from '../../../../core/reports/printer';
import type { GrayImage } from '../../../../shared/scan/image';
import type { BallotLayout, Rect } from '../../../../shared/scan/layout';
import { multiPageTiff, scannerPdf } from '../../../scan/corpus';

/*
 * The real paper of a round: its machine ballot printed by Chromium as the set-up step prints it
 * (the layout recorded with the round), rasterised as the app renders a scanner's PDF, and marked
 * by a voter's pen in the 符号 cells the stored layout gives.
 */

export const DPI = 150;
const pxPerMm = DPI / 25.4;

let printer: Promise<PdfPrinter> | undefined;
/** The same HTML gives the same PDF: a test file prints each distinct ballot once. */
const printed = new Map<string, Promise<Uint8Array>>();

afterAll(async () => {
  if (printer) await (await printer).close();
  printer = undefined;
});

function print(report: PrintableReport): Promise<Uint8Array> {
  let pdf = printed.get(report.html);
  if (!pdf) {
    printer ??= openChromiumPrinter();
    pdf = printer.then((p) => p.print(report));
    printed.set(report.html, pdf);
  }
  return pdf;
}

/** One printed ballot of a round: its sheets as unmarked page images, and the layout printed. */
export interface Paper {
  roundId: number;
  layout: BallotLayout;
  sheets: GrayImage[];
}

/** Prints the round's ballot (draft or printed: it ends printed) and rasterises it. */
export async function printBallot(store: Store, roundId: number): Promise<Paper> {
  const actor = { name: '王管理', role: 'admin' } as const;
  const done = await printPrintout(store, actor, print, { kind: 'ballot', roundId });
  if (!done.ok) throw new Error(done.error.message);
  const layout = store.ballotLayouts.latestOf(roundId)?.layout;
  if (!layout) throw new Error(`round ${roundId}: the print recorded no layout`);
  return { roundId, layout, sheets: await rasterise(done.value.pdf) };
}

async function rasterise(pdf: Uint8Array): Promise<GrayImage[]> {
  const pages = await renderPdf(pdf, DPI);
  if (typeof pages === 'number') throw new Error('the ballot has too many pages');
  return pages;
}

/** What a voter put on the paper: a mark per candidate, and names written in 另选人 slots. */
export interface Vote {
  /** O, X or - per candidate in ballot order; `v` is a tick (✓), which no teller reads as ○ or ×. */
  marks: string;
  /** Slot index → its mark (O, X or -) with a name written beside it. */
  writeIns?: Record<number, 'O' | '-'>;
}

const px = (mm: number) => mm * pxPerMm;

function markSvg(mark: string, cell: Rect): string {
  const cx = px(cell.x + cell.w / 2);
  const cy = px(cell.y + cell.h / 2);
  const r = px(Math.min(cell.w, cell.h) * 0.3);
  const pen = `stroke="#1a1a1a" stroke-width="${px(0.6)}" fill="none" stroke-linecap="round"`;
  if (mark === 'O') return `<ellipse cx="${cx}" cy="${cy}" rx="${r * 1.1}" ry="${r}" ${pen}/>`;
  if (mark === 'X') {
    return `<path d="M${cx - r} ${cy - r}L${cx + r} ${cy + r}M${cx + r} ${cy - r}L${cx - r} ${cy + r}" ${pen}/>`;
  }
  if (mark === 'v') {
    return `<path d="M${cx - r} ${cy}L${cx - r / 3} ${cy + r * 0.8}L${cx + r} ${cy - r}" ${pen}/>`;
  }
  return '';
}

/** A name written in a cell: a few hand strokes across it. */
function nameSvg(cell: Rect): string {
  const y = px(cell.y + cell.h / 2);
  const x0 = px(cell.x + cell.w * 0.2);
  const step = px(cell.w * 0.12);
  const h = px(cell.h * 0.25);
  const pen = `stroke="#1a1a1a" stroke-width="${px(0.5)}" fill="none"`;
  return [0, 1, 2]
    .map((i) => {
      const x = x0 + i * 2 * step;
      return `<path d="M${x} ${y - h}L${x + step} ${y - h}L${x} ${y + h}L${x + step} ${y + h}" ${pen}/>`;
    })
    .join('');
}

/** The ballot's sheets with the vote drawn on them. */
export async function markedBallot(paper: Paper, vote: Vote): Promise<GrayImage[]> {
  return Promise.all(
    paper.sheets.map(async (sheet, i) => {
      const cells = paper.layout.pages[i]?.cells ?? [];
      const shapes = cells.map((cell) => {
        if (cell.kind === 'mark' && cell.candidate !== undefined) {
          return markSvg(vote.marks[cell.candidate] ?? '-', cell);
        }
        const written = cell.slot === undefined ? undefined : vote.writeIns?.[cell.slot];
        if (written === undefined) return '';
        return cell.kind === 'write-in' ? nameSvg(cell) : markSvg(written, cell);
      });
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sheet.width}" height="${sheet.height}">${shapes.join('')}</svg>`;
      const { data, info } = await sharp(Buffer.from(sheet.data), {
        raw: { width: sheet.width, height: sheet.height, channels: 1 },
      })
        .composite([{ input: Buffer.from(svg) }])
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data: firstChannel(data, info.channels) };
    }),
  );
}

function firstChannel(data: Buffer, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data);
  return Uint8Array.from({ length: data.length / channels }, (_, i) => data[i * channels] ?? 255);
}

/** An empty sheet: the back of a duplex scan. */
export function blankSheet(like: GrayImage): GrayImage {
  return {
    width: like.width,
    height: like.height,
    data: new Uint8Array(like.data.length).fill(250),
  };
}

function raw(image: GrayImage) {
  return sharp(Buffer.from(image.data), {
    raw: { width: image.width, height: image.height, channels: 1 },
  }).withDensity(DPI);
}

export type FileKind = 'jpeg' | 'png' | 'tiff' | 'pdf';

/** The pages as one file the way a scanner saves them: JPEG and PNG take one page. */
export async function encode(kind: FileKind, pages: readonly GrayImage[]): Promise<Buffer> {
  const [first] = pages;
  if (!first) throw new Error('no page to encode');
  if (kind === 'jpeg') return raw(first).jpeg({ quality: 88 }).toBuffer();
  if (kind === 'png') return raw(first).png().toBuffer();
  if (kind === 'tiff') return multiPageTiff([...pages], { dpi: DPI, bw: false });
  return scannerPdf([...pages], { dpi: DPI, quality: 88 });
}
