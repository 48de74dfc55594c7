import sharp from 'sharp';
import { demoRoster, seeded } from '../cli/demo-roster';
import { renderPdf } from '../core/entry/scan/decode';
import { ballotReport } from '../core/reports/documents';
import { codeDigest, machineBallot } from '../core/reports/machine-ballot';
import { openChromiumPrinter } from '../core/reports/pdf';
import type { BallotProps } from '../core/reports/templates/Ballot';
import { sortNames } from '../shared/names/collate';
import type { KnownRound } from '../shared/scan/read';
import type { BallotLayout, LayoutCell } from '../shared/scan/layout';

/*
 * The page the scan benchmark reads: the app's own 9-of-11 committee ballot, printed by Chromium
 * as the app prints it, rasterised at 200 dpi as the app renders a scanner's PDF, marked by a voter in pen, skewed as a
 * document feeder skews it and saved as a scanner saves it (grey JPEG).
 */

export const DPI = 200;
/** A4 at 200 dpi, as the PDF renders. */
const A4_PX = { width: 1654, height: 2339 } as const;
const SKEW_DEGREES = 1.5;
/** What the voter marks, candidate by candidate: seven ○, two ×, two left blank. */
export const VOTES = 'OOXO-OOXOO-';
const PEN_MM = 0.5;

export interface ScanPage {
  jpeg: Buffer;
  round: KnownRound;
}

export async function scanPage(): Promise<ScanPage> {
  const props: BallotProps = {
    congressName: '中国共产党东湖镇第十六次代表大会',
    electionTitle: '选举中国共产党东湖镇第十六届委员会委员',
    seats: 9,
    candidates: sortNames(
      demoRoster(seeded(11), VOTES.length).map((d) => d.name),
      'party',
    ).sorted,
    strokeOrder: true,
    writeInBlanks: 3,
    instructions: '',
    colourLabel: '',
  };
  const identity = { congress: 7, election: 10, round: 20 };
  const built = machineBallot(props, identity);
  const layout = JSON.parse(built.layout.json) as BallotLayout;
  const printed = await printPdf(built.props);
  const png = await firstPagePng(printed);
  const jpeg = await markAndScan(png, layout);
  const code = { ...identity, layout: codeDigest(built.layout.digest), page: 1 };
  return { jpeg, round: { code, layout } };
}

async function printPdf(machineProps: BallotProps): Promise<Uint8Array> {
  const printer = await openChromiumPrinter();
  try {
    return await printer.print(ballotReport(machineProps));
  } finally {
    await printer.close();
  }
}

async function firstPagePng(pdf: Uint8Array): Promise<Buffer> {
  const pages = await renderPdf(pdf, DPI);
  const page = typeof pages === 'number' ? undefined : pages[0];
  if (!page) throw new Error('scan: the printed ballot has no page');
  const { width, height, data } = page;
  return sharp(data, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

/** The pen marks drawn on the raster, the sheet skewed and cropped back to A4, saved as a JPEG. */
async function markAndScan(png: Uint8Array, layout: BallotLayout): Promise<Buffer> {
  const { width = A4_PX.width, height = A4_PX.height } = await sharp(png).metadata();
  const marked = await sharp(png)
    .composite([{ input: Buffer.from(penSvg(layout, width, height)), left: 0, top: 0 }])
    .toBuffer();
  const skewed = await sharp(marked)
    .rotate(SKEW_DEGREES, { background: '#ffffff' })
    .toBuffer({ resolveWithObject: true });
  const left = Math.floor((skewed.info.width - A4_PX.width) / 2);
  const top = Math.floor((skewed.info.height - A4_PX.height) / 2);
  return sharp(skewed.data)
    .extract({ left, top, width: A4_PX.width, height: A4_PX.height })
    .toColourspace('b-w')
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** An SVG the size of the page with a ○ or × in each candidate's 符号 cell as VOTES says. */
function penSvg(layout: BallotLayout, width: number, height: number): string {
  const cells = (layout.pages[0]?.cells ?? []).filter(
    (c): c is LayoutCell & { candidate: number } => c.kind === 'mark' && c.candidate !== undefined,
  );
  if (cells.length !== VOTES.length) {
    throw new Error(`the ballot's first page has ${cells.length} candidates, not ${VOTES.length}`);
  }
  const px = DPI / 25.4;
  const strokes = cells.map((cell) => {
    const cx = (cell.x + cell.w / 2) * px;
    const cy = (cell.y + cell.h / 2) * px;
    const r = (Math.min(cell.w, cell.h) / 2) * 0.6 * px;
    // A hand's marks are neither round nor square: a tilted ellipse, a cross with unequal arms.
    switch (VOTES.charAt(cell.candidate)) {
      case 'O':
        return `<ellipse cx="${cx}" cy="${cy}" rx="${r * 1.1}" ry="${r * 0.85}" transform="rotate(-12 ${cx} ${cy})"/>`;
      case 'X':
        return (
          `<path d="M${cx - r} ${cy - r * 0.9} L${cx + r * 0.9} ${cy + r} ` +
          `M${cx + r} ${cy - r * 0.85} L${cx - r * 0.9} ${cy + r * 0.95}"/>`
        );
      default:
        return '';
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<g fill="none" stroke="#1e1e28" stroke-width="${PEN_MM * px}" stroke-linecap="round">` +
    `${strokes.join('')}</g></svg>`
  );
}
