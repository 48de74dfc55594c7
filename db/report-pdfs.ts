import type { Database } from 'better-sqlite3';

/** A report's PDF as printed from one HTML document. */
export interface ReportPdf {
  htmlSha256: string;
  title: string;
  pdf: Uint8Array;
  pdfSha256: string;
  printedAt: string;
}

/**
 * The PDFs of the package's reports, keyed by the SHA-256 of the HTML each was printed from: the
 * same HTML always gives back the PDF printed from it, a different one finds nothing.
 */
export function createReportPdfsRepo(db: Database, now: () => Date) {
  const select = db.prepare<[string], Omit<ReportPdf, 'pdf'> & { pdf: Buffer }>(
    `SELECT html_sha256 AS htmlSha256, title, pdf, pdf_sha256 AS pdfSha256, printed_at AS printedAt
     FROM report_pdf WHERE html_sha256 = ?`,
  );
  const insert = db.prepare<[string, string, Uint8Array, string, string]>(
    `INSERT INTO report_pdf (html_sha256, title, pdf, pdf_sha256, printed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (html_sha256) DO UPDATE SET title = excluded.title, pdf = excluded.pdf,
       pdf_sha256 = excluded.pdf_sha256, printed_at = excluded.printed_at`,
  );
  return {
    byHtml(htmlSha256: string): ReportPdf | undefined {
      return select.get(htmlSha256);
    },
    /** Keeps the PDF printed from an HTML, in place of one kept before (found damaged). */
    record(pdf: Omit<ReportPdf, 'printedAt'>): void {
      insert.run(pdf.htmlSha256, pdf.title, pdf.pdf, pdf.pdfSha256, now().toISOString());
    },
  };
}
