import type { ScanSheet } from '../../../../shared/api/scan';
import type { Mark } from '../../../../shared/domain/paper-ballot';
import { READ_CONFIDENCE } from '../../../../shared/scan/cells';
import { emptyDraft, type Draft } from '../ballot-draft';

/**
 * A scanned sheet as a ballot the teller checks: what the machine read with confidence is filled
 * in, every doubtful cell is left untyped and needs the teller's key, and the written names the
 * machine saw ink for need typing. Nothing here counts until the teller confirms it.
 */

/** Candidates (0-based) whose cell the machine could not read with confidence. */
export function doubtfulOf(sheet: ScanSheet): Set<number> {
  const doubtful = new Set<number>();
  [...sheet.marks].forEach((mark, i) => {
    if (mark === '?' || (sheet.confidence[i] ?? 0) < READ_CONFIDENCE) doubtful.add(i);
  });
  return doubtful;
}

/** The machine's confident marks; null (to be typed) where it was unsure. */
export function draftOf(sheet: ScanSheet, candidates: number): Draft {
  const doubtful = doubtfulOf(sheet);
  const marks = Array.from({ length: candidates }, (_, i): Mark | null => {
    const read = sheet.marks[i];
    if (doubtful.has(i) || (read !== 'O' && read !== 'X' && read !== '-')) return null;
    return read;
  });
  const first = marks.indexOf(null);
  return { ...emptyDraft(candidates), marks, cursor: first === -1 ? candidates : first };
}

/** 另选人 slots where the machine saw something written or a mark above the name. */
export function writtenSlots(sheet: ScanSheet): number[] {
  return sheet.writeIns.filter((w) => w.ink || w.mark !== '-').map((w) => w.slot);
}

/** Read with confidence, nothing written: one key, or the page of thumbnails, confirms it. */
export function confidentlyRead(sheet: ScanSheet): boolean {
  return (
    sheet.status === 'pending' &&
    sheet.complete &&
    sheet.machine === 'read' &&
    doubtfulOf(sheet).size === 0 &&
    writtenSlots(sheet).length === 0
  );
}

/**
 * Why the ballot cannot be saved yet, or null. A doubtful cell must be typed; a declared-invalid
 * ballot needs nothing more.
 */
export function blockerOf(draft: Draft, doubtful: ReadonlySet<number>): string | null {
  if (draft.declaredInvalid !== null) return null;
  const open = [...doubtful].filter((i) => draft.marks[i] === null).map((i) => i + 1);
  if (open.length === 0) return null;
  return `第 ${open.join('、')} 名的符号机器未能可靠识别：请对照选票按键录入`;
}

/** What a second Enter confirms: ink in a name cell that has no name typed. */
export function unnamedInk(draft: Draft, sheet: ScanSheet): string | null {
  if (draft.declaredInvalid !== null) return null;
  const written = writtenSlots(sheet).length;
  if (written <= draft.writeIns.length) return null;
  return `另选人格有 ${written} 处笔迹，已填写 ${draft.writeIns.length} 个姓名（按 W 填写）；再按 Enter 则其余按未写计`;
}

/** The first `limit` pending sheets in scanning order, while each is read with confidence. */
export function confidentRun(sheets: readonly ScanSheet[], limit: number): ScanSheet[] {
  const run: ScanSheet[] = [];
  for (const sheet of sheets) {
    if (sheet.status !== 'pending') continue;
    if (!confidentlyRead(sheet) || run.length >= limit) break;
    run.push(sheet);
  }
  return run;
}
