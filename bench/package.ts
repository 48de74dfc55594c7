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
 * built once and certified, which prints the package's reports (a headless Chromium started once
 * prints them; the app prints with Electron). Then the export (read at one moment, tally,
 * shuffled cast-vote records, audit log, the reports' HTML matched to the PDFs kept at
 * certification, manifest, signature, zip, durable write) is timed as the app runs it, and the
 * verification (zip, signature, digests, audit chain, a recount of every ballot) as the county
 * office runs it, file read included. The export is also timed with the kept PDFs removed before
 * each run, so that it prints the reports itself: what reusing them saves.
 */

export interface ExportFigures {
  median_ms: number | null;
  /** Why there is no figure (no Chromium to print the reports at certification), else absent. */
  reason?: string;
  /** Reports the timed exports printed themselves: 0 when certification's PDFs were reused. */
  printed_at_export?: number;
  /** The export printing its four reports again (kept PDFs removed before each run). */
  reprint_median_ms?: number;
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

/** A minimal valid PDF: what certification keeps where there is no Chromium to print with. */
const blankPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function packageBench(
  ballots: number,
  reps: Repetitions,
): Promise<{ export: ExportFigures; verify: VerifyFigures }> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-package-'));
  const missing = chromiumUnavailable();
  let printer: PdfPrinter | undefined;
  try {
    printer = missing ? undefined : await openChromiumPrinter();
    const warm = printer;
    let printedAtExport = 0;
    const printPdf: PrintPdf = (report) => {
      printedAtExport += 1;
      return warm ? warm.print(report) : Promise.resolve(blankPdf);
    };
    const started = performance.now();
    progress(`export: building a congress of ${ballots} ballots through the services`);
    const { day, congressId } = await certifiedCongress(
      join(dir, 'congress.sqlite'),
      ballots,
      printPdf,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    const out = join(dir, 'packages');
    mkdirSync(out);
    let made = 0;
    let last = '';
    const exportOnce = async () => {
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
        { congressId, folder: out, fileName },
      );
      if (!done.ok) throw new Error(`export: ${done.error.message}`);
      last = done.value.file;
      rmPrevious(out, made);
    };

    progress('export: with the reports printed at certification');
    printedAtExport = 0;
    const reused = await withPeak(() => sample(reps, exportOnce));
    const printedByReused = printedAtExport;
    const packageMb = Math.round((statSync(last).size / 2 ** 20) * 10) / 10;

    progress('verify: the last package');
    const verified = await withPeak(() =>
      sample(reps, async () => {
        const verdict = verifyPackage(await readFile(last));
        if (!verdict.ok || !verdict.value.ok) throw new Error(`verify: ${JSON.stringify(verdict)}`);
      }),
    );

    let reprinted: number[] | undefined;
    if (warm) {
      progress('export: printing the reports again (kept PDFs removed)');
      reprinted = await sample(reps, () => {
        day.store.transaction(() => day.store.db.exec('DELETE FROM report_pdf'));
        return exportOnce();
      });
    }
    day.services.close();
    return {
      export: {
        median_ms: missing ? null : ms(median(reused.value)),
        ...(missing === undefined ? {} : { reason: missing }),
        printed_at_export: printedByReused,
        ...(reprinted === undefined ? {} : { reprint_median_ms: ms(median(reprinted)) }),
        runs: reused.value.length,
        ballots,
        package_mb: packageMb,
        build_s: Math.round(buildSeconds),
        peak_mb: reused.peakMb,
      },
      verify: {
        median_ms: ms(median(verified.value)),
        runs: verified.value.length,
        ballots,
        peak_mb: verified.peakMb,
      },
    };
  } finally {
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keeps only the newest package: a hundred-megabyte file per run would fill a small disk. */
function rmPrevious(folder: string, made: number): void {
  if (made > 1) rmSync(join(folder, `package-${made - 1}.zip`), { force: true });
}
