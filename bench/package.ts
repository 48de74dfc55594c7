import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportPackage, type ExportDeps } from '../core/export/package/handlers';
import { appVersion } from '../core/platform/open';
import { verifyPackage } from '../core/export/package/verify';
import type { PrintPdf } from '../core/reports/handlers';
import { openChromiumPrinter } from '../core/reports/pdf';
import type { PdfPrinter } from '../core/reports/printer';
import { chromiumUnavailable } from './browser';
import { certifiedCongress } from './congress';
import { median, ms, progress, sample, withPeak, type Repetitions } from './measure';

/*
 * export_N and verify_N: the signed results package of a congress of N ballots. The congress is
 * built once; then the export (read at one moment, tally, shuffled cast-vote records, audit log,
 * reports printed to PDF, manifest, signature, zip, durable write) is timed as the app runs it,
 * and the verification (zip, signature, digests, audit chain, a recount of every ballot) as the
 * county office runs it, file read included. The app prints its PDFs with Electron; here a
 * headless Chromium started once prints them. The export is also timed with printing replaced by
 * a fixed PDF, to show what the ballots cost apart from the four reports.
 */

export interface ExportFigures {
  median_ms: number | null;
  /** Why there is no figure with the reports printed (no Chromium), else absent. */
  reason?: string;
  without_pdf_median_ms: number;
  runs: number;
  ballots: number;
  package_mb: number;
  build_s: number;
  /** Peak RSS of this Node process while exporting; the Chromium that prints is not in it. */
  peak_mb: number;
}

export interface VerifyFigures {
  median_ms: number;
  runs: number;
  ballots: number;
  peak_mb: number;
}

/** A minimal valid PDF: what the package gets where the reports are not printed. */
const blankPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function packageBench(
  ballots: number,
  reps: Repetitions,
): Promise<{ export: ExportFigures; verify: VerifyFigures }> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-package-'));
  try {
    const started = performance.now();
    progress(`export: building a congress of ${ballots} ballots through the services`);
    const { day, congressId } = await certifiedCongress(join(dir, 'congress.sqlite'), ballots);
    const buildSeconds = (performance.now() - started) / 1000;
    const out = join(dir, 'packages');
    mkdirSync(out);
    let made = 0;
    let last = '';
    const exportOnce = async (printPdf: PrintPdf) => {
      made += 1;
      const deps: ExportDeps = {
        store: day.store,
        now: () => new Date(),
        printPdf,
        version: appVersion,
      };
      const fileName = `package-${made}.zip`;
      const done = await exportPackage(
        deps,
        { name: '钱总监', role: 'chief-scrutineer' },
        {
          congressId,
          folder: out,
          fileName,
        },
      );
      if (!done.ok) throw new Error(`export: ${done.error.message}`);
      last = done.value.file;
      rmPrevious(out, made);
    };

    progress('export: with the reports replaced by a fixed PDF');
    const bare = await withPeak(() =>
      sample(reps, () => exportOnce(() => Promise.resolve(blankPdf))),
    );
    const printed = await printedExports(reps, exportOnce);
    const packageMb = Math.round((statSync(last).size / 2 ** 20) * 10) / 10;

    progress('verify: the last package');
    const verified = await withPeak(() =>
      sample(reps, async () => {
        const verdict = verifyPackage(await readFile(last));
        if (!verdict.ok || !verdict.value.ok) throw new Error(`verify: ${JSON.stringify(verdict)}`);
      }),
    );
    day.services.close();
    const peak = Math.max(bare.peakMb, printed.peakMb ?? 0);
    return {
      export: {
        median_ms: printed.times === null ? null : ms(median(printed.times)),
        ...(printed.reason === undefined ? {} : { reason: printed.reason }),
        without_pdf_median_ms: ms(median(bare.value)),
        runs: bare.value.length,
        ballots,
        package_mb: packageMb,
        build_s: Math.round(buildSeconds),
        peak_mb: peak,
      },
      verify: {
        median_ms: ms(median(verified.value)),
        runs: verified.value.length,
        ballots,
        peak_mb: verified.peakMb,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Exports with the four reports printed by one warm Chromium; null with why if there is none. */
async function printedExports(
  reps: Repetitions,
  exportOnce: (printPdf: PrintPdf) => Promise<void>,
): Promise<{ times: number[] | null; reason?: string; peakMb: number | null }> {
  const missing = chromiumUnavailable();
  if (missing) return { times: null, reason: missing, peakMb: null };
  progress('export: with the reports printed by Chromium');
  let printer: PdfPrinter | undefined;
  try {
    printer = await openChromiumPrinter();
    const shared = printer;
    const run = await withPeak(() => sample(reps, () => exportOnce((r) => shared.print(r))));
    return { times: run.value, peakMb: run.peakMb };
  } finally {
    await printer?.close();
  }
}

/** Keeps only the newest package: a hundred-megabyte file per run would fill a small disk. */
function rmPrevious(folder: string, made: number): void {
  if (made > 1) rmSync(join(folder, `package-${made - 1}.zip`), { force: true });
}
