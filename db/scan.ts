import type { Database } from 'better-sqlite3';
import { returned } from './rows';

export type ScanStatus = 'pending' | 'confirmed' | 'refused' | 'skipped';

/** One scanned sheet of a pass, in scanning order (id), with its pages. */
export interface ScanSheet {
  id: number;
  passId: number;
  /** Pages of one printed ballot of the round: the sheet is complete with them all. */
  pageCount: number;
  status: ScanStatus;
  reason: string | null;
  ballotId: number | null;
  pages: ScanPage[];
}

export interface ScanPage {
  /** 1-based page of the ballot; 0 where the reader found none. */
  page: number;
  /** SHA-256 of the stored page image. */
  image: string;
  /** The machine's reading of the page, as JSON. */
  reading: string;
}

interface SheetPageRow extends Omit<ScanSheet, 'pages'> {
  page: number | null;
  image: string | null;
  reading: string | null;
}

const sheetWithPages = `SELECT r.id, r.pass_id AS passId, r.pages AS pageCount, r.status, r.reason, r.ballot_id AS ballotId,
    p.page, p.image, p.reading
  FROM scan_reading r LEFT JOIN scan_page p ON p.reading_id = r.id`;

function sheetsFrom(rows: Iterable<SheetPageRow>): ScanSheet[] {
  const sheets: ScanSheet[] = [];
  for (const { page, image, reading, ...sheet } of rows) {
    let current = sheets.at(-1);
    if (current?.id !== sheet.id) {
      current = { ...sheet, pages: [] };
      sheets.push(current);
    }
    if (page !== null && image !== null && reading !== null)
      current.pages.push({ page, image, reading });
  }
  return sheets;
}

/**
 * Scanned sheets waiting for a teller, and the passes entered from scans. Nothing here names a
 * file, a time or a scanner: a sheet's place in its pass is all its order says (secret ballot).
 */
export function createScanRepo(db: Database) {
  const markScanned = db.prepare<[number]>(
    'INSERT INTO scanned_pass (pass_id) VALUES (?) ON CONFLICT DO NOTHING',
  );
  const selectScanned = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM scanned_pass WHERE pass_id = ?',
  );
  const insertSheet = db.prepare<[number, number, ScanStatus, string | null], { id: number }>(
    'INSERT INTO scan_reading (pass_id, pages, status, reason) VALUES (?, ?, ?, ?) RETURNING id',
  );
  const insertPage = db.prepare<[number, number, string, string]>(
    'INSERT INTO scan_page (reading_id, page, image, reading) VALUES (?, ?, ?, ?)',
  );
  const selectSheet = db.prepare<[number], SheetPageRow>(
    `${sheetWithPages} WHERE r.id = ? ORDER BY p.page`,
  );
  const selectSheets = db.prepare<[number], SheetPageRow>(
    `${sheetWithPages} WHERE r.pass_id = ? ORDER BY r.id, p.page`,
  );
  const selectOfBallot = db.prepare<[number], { id: number }>(
    'SELECT id FROM scan_reading WHERE ballot_id = ?',
  );
  const selectLastSheet = db.prepare<[number], { id: number }>(
    'SELECT id FROM scan_reading WHERE pass_id = ? ORDER BY id DESC LIMIT 1',
  );
  const selectFirstPending = db.prepare<[number], { id: number }>(
    "SELECT id FROM scan_reading WHERE pass_id = ? AND status = 'pending' ORDER BY id LIMIT 1",
  );
  const settle = db.prepare<[ScanStatus, string | null, number | null, number]>(
    "UPDATE scan_reading SET status = ?, reason = ?, ballot_id = ? WHERE id = ? AND status = 'pending'",
  );

  const sheet = (id: number): ScanSheet | undefined => sheetsFrom(selectSheet.iterate(id))[0];

  return {
    markScanned: (passId: number): void => void markScanned.run(passId),
    isScanned: (passId: number): boolean => returned(selectScanned.get(passId)).n > 0,
    /** A new sheet, settled at once when the machine refused it or found it blank. */
    addSheet: (sheet: {
      passId: number;
      pageCount: number;
      status: ScanStatus;
      reason: string | null;
    }): number =>
      returned(insertSheet.get(sheet.passId, sheet.pageCount, sheet.status, sheet.reason)).id,
    addPage: (sheetId: number, page: ScanPage): void =>
      void insertPage.run(sheetId, page.page, page.image, page.reading),
    sheetById: sheet,
    /** The pass's sheets in scanning order. */
    sheetsOf: (passId: number): ScanSheet[] => sheetsFrom(selectSheets.iterate(passId)),
    /** The sheet a ballot was confirmed from; undefined for a keyed ballot. */
    sheetOfBallot(ballotId: number): ScanSheet | undefined {
      const row = selectOfBallot.get(ballotId);
      return row ? sheet(row.id) : undefined;
    },
    lastSheet(passId: number): ScanSheet | undefined {
      const row = selectLastSheet.get(passId);
      return row ? sheet(row.id) : undefined;
    },
    firstPending: (passId: number): number | undefined => selectFirstPending.get(passId)?.id,
    /** Settles a pending sheet; false if it was no longer pending. */
    settle: (id: number, status: ScanStatus, reason: string | null, ballotId: number | null) =>
      settle.run(status, reason, ballotId, id).changes > 0,
  };
}
