import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumFlags, findChromium } from './chromium';
import { pageFrame, type PdfPrinter, type PrintableReport } from './printer';

/**
 * Starts one Chromium, with a fresh profile in a temporary folder, for as many reports as needed;
 * `close` ends it and removes the folder. Used by the tests and the command line; the app prints
 * through Electron (electron/printing.ts) with the same interface.
 */
export async function openChromiumPrinter(
  executablePath = findChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<PdfPrinter> {
  const profile = await mkdtemp(join(tmpdir(), 'congress-tally-print-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumFlags,
      offline: true,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(
      `无法启动 Chromium（${executablePath}）生成 PDF，可用环境变量 CHROMIUM_PATH 指定其位置`,
      {
        cause: error,
      },
    );
  }
  await context.route('**/*', (route) => route.abort());
  return {
    print: (report) => printWith(context, report),
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function printWith(context: BrowserContext, report: PrintableReport): Promise<Uint8Array> {
  const page = await context.newPage();
  try {
    await page.setContent(report.html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: report.footer === 'page-numbers',
      ...pageFrame,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
