import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../../core/entry/scan/decode';
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
 * Every page of a printed ballot rasterised in grey at `dpi` as the app renders a scanner's PDF,
 * each a template for the page of the layout it was printed with.
 */
export async function printedTemplates(
  pdf: Uint8Array,
  layout: BallotLayout,
  dpi: number,
): Promise<BallotTemplate[]> {
  const pages = await renderPdf(pdf, dpi);
  if (typeof pages === 'number' || pages.length !== layout.pages.length) {
    throw new Error(`the PDF's pages do not match the layout's ${layout.pages.length}`);
  }
  return pages.map((image, page) => ({ image, dpi, layout, page }));
}
