import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mupdf from 'mupdf';
import { ballotReport } from '../../../core/reports/documents';
import { machineBallot, type RoundIdentity } from '../../../core/reports/machine-ballot';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import type { PdfPrinter } from '../../../core/reports/printer';
import type { BallotProps } from '../../../core/reports/templates/Ballot';
import type { BallotLayout } from '../../../shared/scan/layout';
import type { BallotTemplate } from './template';

/** A round as the app prints it: the machine ballot's PDF and the layout stored beside it. */
export interface PrintedBallot {
  round: RoundIdentity;
  /** Hex SHA-256 of the canonical layout JSON; its first 16 digits are in the round code. */
  digest: string;
  json: string;
  layout: BallotLayout;
  pdf: Uint8Array;
}

/**
 * Prints machine ballots with Chromium as the app does (machineBallot, ballotReport). A PDF is
 * kept in the temporary folder under the digest of its HTML, so Chromium starts at most once a
 * call, and not at all once the same ballots have been printed on this machine.
 */
export async function printBallots(
  ballots: readonly { props: BallotProps; round: RoundIdentity }[],
): Promise<PrintedBallot[]> {
  const folder = join(tmpdir(), 'congress-tally-printed-ballots');
  mkdirSync(folder, { recursive: true });
  let printer: PdfPrinter | undefined;
  try {
    const printed: PrintedBallot[] = [];
    for (const { props, round } of ballots) {
      const built = machineBallot(props, round);
      const report = ballotReport(built.props);
      const file = join(folder, `${createHash('sha256').update(report.html).digest('hex')}.pdf`);
      let pdf = cached(file);
      if (pdf === undefined) {
        printer ??= await openChromiumPrinter();
        pdf = await printer.print(report);
        writeFileSync(`${file}.${process.pid}`, pdf);
        renameSync(`${file}.${process.pid}`, file);
      }
      const { json, digest } = built.layout;
      printed.push({ round, digest, json, layout: JSON.parse(json) as BallotLayout, pdf });
    }
    return printed;
  } finally {
    await printer?.close();
  }
}

function cached(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Every page of a printed ballot rasterised in grey by mupdf at `dpi`, each a template for the page
 * of the layout it was printed with. Pixel i spans [i, i + 1) of `mm × dpi / 25.4`, as the
 * corpus's capture assumes.
 */
export function printedTemplates(
  pdf: Uint8Array,
  layout: BallotLayout,
  dpi: number,
): BallotTemplate[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const count = doc.countPages();
    if (count !== layout.pages.length) {
      throw new Error(`the PDF has ${count} pages, the layout ${layout.pages.length}`);
    }
    const scale = dpi / 72;
    return layout.pages.map((_, page) => {
      const loaded = doc.loadPage(page);
      const pixmap = loaded.toPixmap(
        mupdf.Matrix.scale(scale, scale),
        mupdf.ColorSpace.DeviceGray,
        false,
      );
      const width = pixmap.getWidth();
      const height = pixmap.getHeight();
      const stride = pixmap.getStride();
      const channels = pixmap.getNumberOfComponents() + pixmap.getAlpha();
      const pixels = pixmap.getPixels();
      const data = new Uint8Array(width * height);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          data[y * width + x] = pixels[y * stride + x * channels] ?? 255;
      pixmap.destroy();
      loaded.destroy();
      return { image: { width, height, data }, dpi, layout, page };
    });
  } finally {
    doc.destroy();
  }
}
