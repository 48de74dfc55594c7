import type { EntryPass } from '../../../db/ballots';
import type { ScanSheet as StoredSheet } from '../../../db/scan';
import type { Store } from '../../../db/store';
import type { PassProgress } from '../../../shared/api/entry';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { ScanConfirmed, ScanSheet } from '../../../shared/api/scan';
import type { BallotEntry } from '../../../shared/domain/paper-ballot';
import { audit, type ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/lookup';
import { commitBallot, passProgress, writablePass, type Teller } from '../ballot-entry';
import { findBox, type BoxInRound } from '../boxes';
import { mergedReading, placeOf, recordOf, type MergedReading } from './sheets';

interface OwnSheet {
  sheet: StoredSheet;
  found: BoxInRound;
  pass: EntryPass;
  place: number;
}

const settledWords = { confirmed: '已确认录入', refused: '已拒收', skipped: '已略过' } as const;

/** A pending sheet of the caller's open pass. */
function ownSheet(store: Store, teller: Teller, sheetId: number): Result<OwnSheet> {
  const sheet = store.scan.sheetById(sheetId);
  const owner = sheet && store.ballots.passById(sheet.passId);
  if (!sheet || !owner) return notFound('sheetId');
  const found = findBox(store, owner.boxId);
  if (!found.ok) return found;
  const pass = writablePass(store, found.value, teller);
  if (!pass.ok) return pass;
  const place = placeOf(store, sheet);
  if (pass.value.id !== sheet.passId) {
    return fail('forbidden', `这张扫描件不属于您正在录入的票箱“${found.value.box.label}”这一遍`);
  }
  if (sheet.status !== 'pending') {
    return fail('conflict', `第 ${place} 张扫描件${settledWords[sheet.status]}，不能再处理`);
  }
  return ok({ sheet, found: found.value, pass: pass.value, place });
}

/** Sheets go into the pass in scanning order, each at the pass's next place. */
function readyToEnter(store: Store, own: OwnSheet, merged: MergedReading): Result<PassProgress> {
  const { sheet, found, pass, place } = own;
  if (!merged.complete) {
    return fail(
      'conflict',
      `第 ${place} 张扫描件缺页（本轮选票共 ${sheet.pageCount} 页），请补扫或拒收`,
    );
  }
  const first = store.scan.firstPending(pass.id);
  if (first !== sheet.id) {
    const earlier = first === undefined ? undefined : store.scan.sheetById(first);
    const at = earlier ? placeOf(store, earlier) : place;
    return fail('conflict', `请按扫描顺序处理：先确认或拒收第 ${at} 张扫描件`);
  }
  return roomInPass(store, found, pass);
}

/** The pass's progress, unless a voided place must be keyed again before any sheet goes in. */
function roomInPass(store: Store, found: BoxInRound, pass: EntryPass): Result<PassProgress> {
  const progress = passProgress(store, found, pass);
  if (progress.reentry) {
    return fail(
      'conflict',
      `本遍第 ${progress.nextSeq} 张已作废，请先用键盘重新录入这一张，再确认扫描件`,
    );
  }
  return ok(progress);
}

/** The cells the teller entered differently from the machine, for the audit log. */
function changedCells(own: OwnSheet, merged: MergedReading, entry: BallotEntry) {
  const names = own.found.context.record.candidates;
  const candidates = [...merged.marks].flatMap((machine, i) => {
    const teller = entry.marks[i] ?? '';
    return machine === teller ? [] : [{ candidate: i, name: names[i] ?? '', machine, teller }];
  });
  // The teller types the names written in, in slot order, without the empty slots between.
  const used = merged.writeIns.filter((w) => w.ink || w.mark !== '-');
  const count = Math.max(used.length, entry.writeIns.length);
  const writeIns = Array.from({ length: count }, (_, i) => {
    const read = used[i];
    const typed = entry.writeIns[i];
    return {
      slot: read?.slot ?? null,
      machine: read ? { ink: read.ink, mark: read.mark } : null,
      teller: typed ? { written: true, mark: typed.mark } : null,
    };
  }).filter((w) => !(w.machine?.ink === true && w.machine.mark === w.teller?.mark));
  return { candidates, writeIns, declaredInvalid: entry.declaredInvalid };
}

function enter(ctx: ServiceContext, teller: Teller, own: OwnSheet, entry: BallotEntry) {
  const { store } = ctx;
  const merged = mergedReading(own.sheet, own.found.context.record.candidates.length);
  const ready = readyToEnter(store, own, merged);
  if (!ready.ok) return ready;
  const seq = ready.value.nextSeq;
  const committed = commitBallot(ctx, teller, { boxId: own.found.box.id, seq, ballot: entry });
  if (!committed.ok) return committed;
  const ballot = store.ballots.liveAt(own.pass.id, seq);
  if (!ballot || !store.scan.settle(own.sheet.id, 'confirmed', null, ballot.id)) {
    throw new Error(`scan sheet ${own.sheet.id}: confirmed ballot not found`);
  }
  audit(ctx, teller, 'ballot.scan-confirm', {
    boxId: own.found.box.id,
    pass: own.pass.pass,
    seq,
    sheet: own.sheet.id,
    images: own.sheet.pages.map((p) => p.image),
    machine: {
      marks: merged.marks,
      writeIns: merged.writeIns.map(({ slot, ink, mark }) => ({ slot, ink, mark })),
    },
    changed: changedCells(own, merged, entry),
  });
  return ok({ sheet: recordOf(store, own.found, own.sheet.id), committed: committed.value });
}

/** Enters a pending sheet as the teller reads the paper, with the same commit as a keyed ballot. */
export function confirmSheet(
  ctx: ServiceContext,
  teller: Teller,
  input: { sheetId: number; ballot: BallotEntry },
): Result<ScanConfirmed> {
  return ctx.store.transaction((): Result<ScanConfirmed> => {
    const own = ownSheet(ctx.store, teller, input.sheetId);
    if (!own.ok) return own;
    return enter(ctx, teller, own.value, input.ballot);
  });
}

/**
 * Enters the next pending sheets of the pass as the machine read them, all or none: each must
 * be read with confidence, with no written name to type, and the box must have room for them.
 */
export function confirmMany(
  ctx: ServiceContext,
  teller: Teller,
  input: { boxId: number; sheetIds: readonly number[] },
): Result<{ confirmed: number; progress: PassProgress }> {
  const { store } = ctx;
  return store.transaction(() => {
    const found = findBox(store, input.boxId);
    if (!found.ok) return found;
    const pass = writablePass(store, found.value, teller);
    if (!pass.ok) return pass;
    const ids = [...new Set(input.sheetIds)].sort((a, b) => a - b);
    const pending = store.scan.sheetsOf(pass.value.id).filter((s) => s.status === 'pending');
    const candidates = found.value.context.record.candidates.length;
    for (const [i, id] of ids.entries()) {
      const sheet = pending[i];
      if (sheet?.id !== id) {
        return fail('conflict', '只能按扫描顺序成批确认最前面的待确认扫描件，请刷新后重新选择', {
          field: 'sheetIds',
        });
      }
      const merged = mergedReading(sheet, candidates);
      const writes = merged.writeIns.some((w) => w.ink || w.mark !== '-');
      if (merged.machine !== 'read' || writes) {
        const place = placeOf(store, sheet);
        return fail(
          'conflict',
          writes
            ? `第 ${place} 张扫描件有另选人，须逐张核对并填写姓名`
            : `第 ${place} 张扫描件未能可靠识别，须逐张核对`,
          { field: 'sheetIds' },
        );
      }
    }
    const room = roomInPass(store, found.value, pass.value);
    if (!room.ok) return room;
    const progress = room.value;
    if (progress.live + ids.length > found.value.box.expected) {
      return fail(
        'conflict',
        `票箱“${found.value.box.label}”清点为 ${found.value.box.expected} 张，已录入 ${progress.live} 张，不能再确认 ${ids.length} 张`,
      );
    }
    for (const sheet of pending.slice(0, ids.length)) {
      const merged = mergedReading(sheet, candidates);
      const own = { sheet, found: found.value, pass: pass.value, place: placeOf(store, sheet) };
      const entered = enter(ctx, teller, own, {
        marks: merged.marks,
        writeIns: [],
        declaredInvalid: null,
      });
      // Everything that could refuse was checked above: a refusal here is a bug.
      if (!entered.ok) throw new Error(`scan sheet ${sheet.id}: ${entered.error.message}`);
    }
    return ok({ confirmed: ids.length, progress: passProgress(store, found.value, pass.value) });
  });
}

/** Sets a pending sheet aside: refused with a reason, or skipped as no ballot at all. */
export function settleSheet(
  ctx: ServiceContext,
  teller: Teller,
  input: { sheetId: number; status: 'refused' | 'skipped'; reason: string },
): Result<ScanSheet> {
  const { store } = ctx;
  return store.transaction((): Result<ScanSheet> => {
    const own = ownSheet(store, teller, input.sheetId);
    if (!own.ok) return own;
    store.scan.settle(input.sheetId, input.status, input.reason, null);
    audit(ctx, teller, `ballot.scan-${input.status === 'refused' ? 'refuse' : 'skip'}`, {
      boxId: own.value.found.box.id,
      pass: own.value.pass.pass,
      sheet: input.sheetId,
      reason: input.reason,
    });
    return ok(recordOf(store, own.value.found, input.sheetId));
  });
}
