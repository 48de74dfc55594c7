import { createHash } from 'node:crypto';
import type { Store } from '../../../db/store';
import type { ServiceContext } from '../../platform/context';
import type { PrintPdf } from '../../reports/handlers';
import type { PrintableReport } from '../../reports/printer';
import { packageReports } from './reports';
import { resultsContent } from './results-document';

/*
 * The package's reports are printed when a round is certified, and kept with the digest of the
 * HTML they were printed from and of their own bytes. An export builds every report's HTML again
 * and takes the kept PDF of that very HTML, so that exporting is reading, hashing, signing and
 * writing. A round unlocked, changed and certified again has other figures, so other HTML: its
 * reports are printed anew, never taken from before the change. A kept PDF whose bytes no longer
 * match their digest is not used either. Keeping a PDF changes nothing the count rests on (it is
 * what the same HTML always prints), so it has no audit row of its own; the package's manifest
 * holds each PDF's digest.
 */

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What a report's PDF depends on: its HTML and whether its pages are numbered. */
export function htmlDigest(report: PrintableReport): string {
  return sha256(`${report.footer}\n${report.html}`);
}

/** Prints through `printPdf` only the reports with no kept PDF of the same HTML; keeps the new. */
export function keptOrPrinted(store: Store, printPdf: PrintPdf): PrintPdf {
  return async (report) => {
    const htmlSha256 = htmlDigest(report);
    const kept = store.reportPdfs.byHtml(htmlSha256);
    if (kept && sha256(kept.pdf) === kept.pdfSha256) return kept.pdf;
    const pdf = await printPdf(report);
    store.transaction(() =>
      store.reportPdfs.record({ htmlSha256, title: report.title, pdf, pdfSha256: sha256(pdf) }),
    );
    return pdf;
  };
}

/**
 * After a certification: prints the reports the congress's package holds from now on, so that
 * the export finds them. A failure to print is logged, not the certification's: the export then
 * prints what it does not find.
 */
export async function printCertifiedReports(ctx: ServiceContext, congressId: number) {
  const { store } = ctx;
  try {
    const reports = store.read(() => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return [];
      return packageReports(store, congress, resultsContent(store, congress).document).reports;
    });
    const print = keptOrPrinted(store, ctx.printPdf);
    for (const { report } of reports) await print(report);
  } catch (error) {
    ctx.log.error('签核后打印结果包报告单出现错误', error);
  }
}
