import type { Congress } from '../../../db/congresses';
import type { Store } from '../../../db/store';
import type { Result } from '../../../shared/api/result';
import type { ResultsDocument } from '../../../shared/export/results';
import { buildIssuanceSheet } from '../../reports/issuance-sheet';
import type { Built } from '../../reports/handlers';
import type { PrintableReport } from '../../reports/printer';
import { buildElectedList, buildResultSheet, buildSummary } from '../../reports/result-sheets';

/*
 * The PDFs of a package, built by the same builders as the app's preview and print, so that what
 * the county reads is what the hall signed. Their HTML is built inside the package's read
 * transaction; printing happens after it. The result sheets in the package carry no seal: a file
 * cannot hold the digest of the package that holds it. The seal is printed on paper after the
 * export, and refers to the package's manifest.
 */

export interface PackageReport {
  path: string;
  title: string;
  report: PrintableReport;
}

export interface PackageReports {
  reports: PackageReport[];
  /** Reports that could not be built, with why: listed in the manifest. */
  missing: string[];
}

export function packageReports(
  store: Store,
  congress: Congress,
  results: ResultsDocument,
): PackageReports {
  const reports: PackageReport[] = [];
  const missing: string[] = [];
  const add = (path: string, title: string, built: Result<Built>) => {
    if (built.ok) reports.push({ path: `reports/${path}.pdf`, title, report: built.value.report });
    else missing.push(`${title}：${built.error.message}`);
  };
  for (const election of results.elections) {
    for (const round of election.rounds) {
      const which = `${election.title}${round.label}`;
      const at = `e${election.id}-r${round.id}`;
      add(
        `issuance-${at}`,
        `分发、收回选票情况报告单：${which}`,
        buildIssuanceSheet(store, { roundId: round.id }),
      );
      add(
        `result-sheet-${at}`,
        `计票结果报告单：${which}`,
        buildResultSheet(store, { electionId: election.id, roundId: round.id }),
      );
    }
    if (election.rounds.some((r) => r.parameters.round !== 'preliminary')) {
      add(
        `elected-list-e${election.id}`,
        `当选名单：${election.title}`,
        buildElectedList(store, { electionId: election.id }),
      );
    }
  }
  add(
    'summary',
    `选举结果汇总：${congress.name}`,
    buildSummary(store, { congressId: congress.id }),
  );
  return { reports, missing };
}
