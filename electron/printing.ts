import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageFrame, type PdfPrinter, type PrintableReport } from '../core/reports/printer';

/** An in-memory session of its own, so that blocking its requests touches nothing else. */
const partition = 'congress-tally-reports';

/**
 * The app's PdfPrinter: a hidden window (no offscreen rendering needed for printToPDF) that loads
 * each report from a temporary file rather than a data: URL, which Chromium caps at 2 MB, and
 * prints it with the same page frame as the Chromium printer. The report's markup has no script
 * and no external file, so JavaScript is off and every request but the report itself is refused.
 */
export async function openElectronPrinter(): Promise<PdfPrinter> {
  const folder = await mkdtemp(join(tmpdir(), 'congress-tally-print-'));
  const allowed = pathToFileURL(folder).href;
  const reportSession = session.fromPartition(partition);
  reportSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(allowed) });
  });
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      partition,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
    },
  });
  let printed = 0;
  const printOne = async (report: PrintableReport): Promise<Uint8Array> => {
    printed += 1;
    const file = join(folder, `report-${printed}.html`);
    await writeFile(file, report.html, 'utf8');
    try {
      await window.loadFile(file);
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: report.footer === 'page-numbers',
        ...pageFrame,
      });
      return new Uint8Array(pdf);
    } finally {
      await rm(file, { force: true });
    }
  };
  // One window prints one report at a time; later requests wait their turn.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    print(report) {
      const result = queue.then(() => printOne(report));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      window.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
