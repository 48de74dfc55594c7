import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../core/export/package/verify';
import { digestHex } from '../../../core/export/package/signature';
import type { PrintableReport } from '../../../core/reports/printer';
import type { Manifest } from '../../../shared/export/manifest';
import { chiefPin, type ResultsHarness } from '../results/fixture';
import {
  certifyWithRunoff,
  committeeElection,
  entriesOf,
  json,
  packageIn,
  tempDir,
} from './fixture';

/** The services' printer, counted: the titles it was asked to print, in order. */
function countPrints(h: ResultsHarness): string[] {
  const printed: string[] = [];
  const print = h.services.context.printPdf;
  h.services.context.printPdf = (report: PrintableReport) => {
    printed.push(report.title);
    return print(report);
  };
  return printed;
}

/** One election: the formal round ties at the last seat, the runoff settles it. */
async function certifiedElection() {
  const h = await committeeElection();
  const printed = countPrints(h);
  const runoffId = await certifyWithRunoff(h);
  return { h, printed, runoffId };
}

async function exportOnce(h: ResultsHarness) {
  const folder = tempDir();
  const exported = await h.must(
    'export.package',
    { congressId: h.congress.id, folder },
    h.chief.token,
  );
  const { bytes } = packageIn(folder);
  const entries = entriesOf(bytes);
  return { exported, bytes, entries, manifest: json<Manifest>(entries, 'manifest.json') };
}

const reportFiles = (manifest: Manifest) =>
  manifest.files.filter((f) => f.path.startsWith('reports/'));

describe("the package's reports", () => {
  it('are printed at certification and taken by the export without printing again', async () => {
    const { h, printed } = await certifiedElection();
    const atCertification = printed.length;
    expect(printed).toContain(`${h.congress.name}选举结果汇总`);
    expect(printed.filter((t) => t.endsWith('计票结果报告单'))).toHaveLength(2);

    const { bytes, manifest } = await exportOnce(h);
    expect(printed.length).toBe(atCertification);
    const reports = reportFiles(manifest);
    expect(reports.length).toBeGreaterThan(0);
    const kept = h.store.db
      .prepare<[], { pdf_sha256: string }>('SELECT pdf_sha256 FROM report_pdf')
      .all()
      .map((r) => r.pdf_sha256);
    for (const file of reports) expect(kept).toContain(file.digest);
    const verdict = verifyPackage(bytes);
    expect(verdict.ok && verdict.value.ok).toBe(true);
  });

  it('are printed anew when a kept PDF no longer matches its digest', async () => {
    const { h, printed } = await certifiedElection();
    const row = h.store.db
      .prepare<[], { html_sha256: string; title: string }>(
        "SELECT html_sha256, title FROM report_pdf WHERE title LIKE '%计票结果报告单' LIMIT 1",
      )
      .get();
    if (!row) throw new Error('no result sheet was kept at certification');
    h.store.db
      .prepare('UPDATE report_pdf SET pdf = ? WHERE html_sha256 = ?')
      .run(Buffer.from('%PDF-1.4\n%%EOF\n'), row.html_sha256);
    const before = printed.length;

    const { bytes, manifest } = await exportOnce(h);
    expect(printed.slice(before)).toEqual([row.title]);
    const again = h.store.reportPdfs.byHtml(row.html_sha256);
    expect(again && digestHex('sha-256', again.pdf)).toBe(again?.pdfSha256);
    expect(Buffer.from(again?.pdf ?? []).length).toBeGreaterThan(1000);
    expect(reportFiles(manifest).map((f) => f.digest)).toContain(again?.pdfSha256);
    const verdict = verifyPackage(bytes);
    expect(verdict.ok && verdict.value.ok).toBe(true);
  });

  it('are printed anew when a changed round is certified again, and the old PDF is not used', async () => {
    const { h, printed, runoffId } = await certifiedElection();
    const first = await exportOnce(h);
    const sheetOf = (manifest: Manifest) =>
      reportFiles(manifest).find(
        (f) => f.path.includes(`-r${runoffId}.pdf`) && f.path.includes('result-sheet'),
      );

    await h.must(
      'results.unlock',
      { roundId: runoffId, pin: chiefPin, reason: '核对票箱' },
      h.chief.token,
    );
    const beforeRecertify = printed.length;
    await h.must('entry.finish', { roundId: runoffId }, h.scrutineer.token);
    h.advance(60_000);
    await h.certify(runoffId);
    const reprinted = printed.slice(beforeRecertify);
    expect(reprinted.some((t) => t.endsWith('计票结果报告单'))).toBe(true);

    const atExport = printed.length;
    h.advance(60_000);
    const second = await exportOnce(h);
    expect(printed.length).toBe(atExport);
    const oldSheet = sheetOf(first.manifest);
    const newSheet = sheetOf(second.manifest);
    expect(oldSheet).toBeDefined();
    expect(newSheet?.digest).not.toBe(oldSheet?.digest);
    const data = second.entries.find((e) => e.name === newSheet?.path)?.data ?? new Uint8Array();
    expect(digestHex('sha-256', data)).toBe(newSheet?.digest);
    const verdict = verifyPackage(second.bytes);
    expect(verdict.ok && verdict.value.ok).toBe(true);
  });
});
