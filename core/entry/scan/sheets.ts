import type { EntryPass } from '../../../db/ballots';
import type { ScanSheet as StoredSheet } from '../../../db/scan';
import type { Store } from '../../../db/store';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { ScanSheet, ScanSheets, SheetPage } from '../../../shared/api/scan';
import type { PageReading, ReadStatus, WriteInRead } from '../../../shared/scan/read';
import { passLabels } from '../../../shared/strings/entry';
import type { Session } from '../../platform/session-registry';
import { passProgress } from '../ballot-entry';
import { findBox, type BoxInRound } from '../boxes';

/** The machine's reading of every page of the sheet, merged in page order. */
export interface MergedReading {
  machine: ReadStatus;
  complete: boolean;
  marks: string;
  confidence: number[];
  writeIns: WriteInRead[];
}

export function pagesOf(sheet: StoredSheet): SheetPage[] {
  return sheet.pages.map((p) => ({
    page: p.page,
    image: p.image,
    reading: JSON.parse(p.reading) as PageReading,
  }));
}

/** Marks of the candidates on each page put in ballot order; ? where no page showed one. */
export function mergedReading(sheet: StoredSheet, candidates: number): MergedReading {
  const pages = pagesOf(sheet);
  const marks: string[] = Array.from({ length: candidates }, () => '?');
  const confidence: number[] = Array.from({ length: candidates }, () => 0);
  const writeIns: WriteInRead[] = [];
  let machine: ReadStatus = 'read';
  for (const { reading } of pages) {
    if (reading.status !== 'read') machine = worse(machine, reading.status);
    reading.candidates.forEach((candidate, i) => {
      if (candidate < 0 || candidate >= candidates) return;
      marks[candidate] = reading.marks[i] ?? '?';
      confidence[candidate] = reading.confidence[i] ?? 0;
    });
    writeIns.push(...reading.writeIns);
  }
  const seen = new Set(pages.map((p) => p.page));
  let complete = true;
  for (let page = 1; page <= sheet.pageCount; page++) complete &&= seen.has(page);
  if (machine === 'read' && (!complete || marks.includes('?'))) machine = 'review';
  writeIns.sort((a, b) => a.slot - b.slot);
  return { machine, complete, marks: marks.join(''), confidence, writeIns };
}

const severity: Record<ReadStatus, number> = { read: 0, review: 1, blank: 2, refused: 3 };

function worse(a: ReadStatus, b: ReadStatus): ReadStatus {
  return severity[b] > severity[a] ? b : a;
}

function sheetRecord(
  store: Store,
  found: BoxInRound,
  pass: EntryPass,
  sheet: StoredSheet,
  place: number,
): ScanSheet {
  const merged = mergedReading(sheet, found.context.record.candidates.length);
  const ballot = sheet.ballotId === null ? undefined : store.ballots.byId(sheet.ballotId);
  return {
    id: sheet.id,
    boxId: found.box.id,
    pass: pass.pass,
    place,
    status: sheet.status,
    reason: sheet.reason,
    ...merged,
    pages: pagesOf(sheet),
    seq: ballot?.seq ?? null,
  };
}

/** The sheet's place in scanning order within its pass, from 1. */
export function placeOf(store: Store, sheet: StoredSheet): number {
  return store.scan.sheetsOf(sheet.passId).findIndex((s) => s.id === sheet.id) + 1;
}

export function recordOf(store: Store, found: BoxInRound, sheetId: number): ScanSheet {
  const sheet = store.scan.sheetById(sheetId);
  const pass = sheet && store.ballots.passById(sheet.passId);
  if (!sheet || !pass) throw new Error(`scan sheet ${sheetId} vanished`);
  return sheetRecord(store, found, pass, sheet, placeOf(store, sheet));
}

/** The pass a person may look at: a teller their own, the scrutineers either (pass 1 unless given). */
export function visiblePass(
  store: Store,
  session: Session,
  found: BoxInRound,
  which?: 1 | 2,
): Result<EntryPass> {
  const { box } = found;
  const own = ([1, 2] as const).find(
    (n) => store.ballots.passOf(box.id, n)?.tellerId === session.personId,
  );
  const chosen = which ?? (session.role === 'teller' ? own : 1);
  const pass = chosen === undefined ? undefined : store.ballots.passOf(box.id, chosen);
  if (!pass) return fail('not-found', `票箱“${box.label}”还没有您的录入`);
  if (session.role === 'teller' && pass.tellerId !== session.personId) {
    return fail(
      'forbidden',
      `票箱“${box.label}”的${passLabels[pass.pass]}不是您录入的；双人录入时两遍互不可见`,
    );
  }
  return ok(pass);
}

export function sheetList(
  store: Store,
  session: Session,
  input: { boxId: number; pass?: 1 | 2 | undefined },
  watching: (tellerId: number) => ScanSheets['watching'],
): Result<ScanSheets> {
  const found = findBox(store, input.boxId);
  if (!found.ok) return found;
  const pass = visiblePass(store, session, found.value, input.pass);
  if (!pass.ok) return pass;
  const sheets = store.scan.sheetsOf(pass.value.id);
  return ok({
    boxId: input.boxId,
    pass: pass.value.pass,
    scanned: store.scan.isScanned(pass.value.id),
    pagesPerBallot: sheets.at(-1)?.pageCount ?? null,
    watching: watching(pass.value.tellerId),
    sheets: sheets.map((s, i) => sheetRecord(store, found.value, pass.value, s, i + 1)),
    progress: passProgress(store, found.value, pass.value),
  });
}
