import init from './migrations/001_init.sql?raw';
import results from './migrations/002_results.sql?raw';
import scan from './migrations/003_scan.sql?raw';
import ballotLayout from './migrations/004_ballot_layout.sql?raw';
import dayPaths from './migrations/005_day_paths.sql?raw';
import congressArchive from './migrations/006_congress_archive.sql?raw';
import reportPdf from './migrations/009_report_pdf.sql?raw';

/**
 * Append-only: a migration, once released, is never edited; add the next number instead. Versions
 * only increase; a number may be skipped (the runner applies each version above the file's).
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_init', sql: init },
  { version: 2, name: '002_results', sql: results },
  { version: 3, name: '003_scan', sql: scan },
  { version: 4, name: '004_ballot_layout', sql: ballotLayout },
  { version: 5, name: '005_day_paths', sql: dayPaths },
  { version: 6, name: '006_congress_archive', sql: congressArchive },
  { version: 9, name: '009_report_pdf', sql: reportPdf },
];

export const schemaVersion = migrations.at(-1)?.version ?? 0;
