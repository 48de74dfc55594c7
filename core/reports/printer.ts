import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fontStack } from './templates/styles';

/** A report ready to preview (its `html`) or print; built once by the report's builder. */
export interface PrintableReport {
  /** Used for the PDF's file name and the preview's title. */
  title: string;
  /** A complete, self-contained HTML document. */
  html: string;
  /** 'page-numbers' prints 「第 x 页 共 y 页」 at the foot of every page; a ballot has none. */
  footer: 'page-numbers' | 'none';
}

/** A report component as a standalone HTML document string. */
export function renderHtml(document: ReactElement): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(document)}`;
}

/** Turns a report into PDF bytes: Chromium (tests, command line) or Electron (the app). */
export interface PdfPrinter {
  print(report: PrintableReport): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Header and footer templates as Chromium's printToPDF takes them (Electron's too): the page
 * number and count are filled into the spans by class. They sit in the page's bottom margin, so
 * a report with page numbers keeps at least 15 mm there.
 */
export const pageFrame = {
  headerTemplate: '<span></span>',
  footerTemplate:
    `<div style="width:100%;text-align:center;font-size:9pt;color:#000;font-family:${fontStack.replaceAll("'", '&quot;')};">` +
    '第 <span class="pageNumber"></span> 页　共 <span class="totalPages"></span> 页</div>',
};
