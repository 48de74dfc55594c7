import type { Box, EntryPass } from '../../db/ballots';
import type { Store } from '../../db/store';
import { passInState } from '../../shared/domain/boxes';
import { passOpenFor } from '../../shared/domain/passes';
import type { BoxRecord, Committed, EntrySheet, PassProgress } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import {
  storedBallot,
  type BallotEntry,
  type StoredBallot,
} from '../../shared/domain/paper-ballot';
import { boxStatePhrase, passLabels } from '../../shared/strings/entry';
import { boardsOf } from './board';
import { boxRecord, findBox, moveBox, type BoxInRound } from './boxes';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { differencesOf } from './differences';
import { whileCounting } from './round';

/** The signed-in teller, as entry needs them: who they are and how the audit log names them. */
export interface Teller extends Actor {
  personId: number;
}

export interface CommitInput {
  boxId: number;
  seq: number;
  ballot: BallotEntry;
}

/** The caller's pass of the box, where the box's state has a teller typing now. */
function tellerPass(store: Store, found: BoxInRound, teller: Teller): Result<EntryPass> {
  const { box, context } = found;
  const which = passInState(box.state);
  const phrase = boxStatePhrase(box.state, context.election.doubleEntry);
  if (which === undefined) {
    const hint = box.state === 'entered' ? '；如需更正，请监票人退回' : '';
    return fail('invalid-state', `票箱“${box.label}”${phrase}，现在不能录入${hint}`);
  }
  const pass = store.ballots.passOf(box.id, which);
  if (!pass) {
    return fail('invalid-state', `票箱“${box.label}”的${passLabels[which]}尚未开始，请先打开票箱`);
  }
  if (pass.tellerId !== teller.personId) {
    const name = store.people.byId(pass.tellerId)?.name ?? '另一名计票人';
    return fail(
      'forbidden',
      `票箱“${box.label}”的${passLabels[which]}由 ${name} 录入；每位计票人只能录入自己的一遍`,
    );
  }
  return ok(pass);
}

/** Where the pass stands: its count, its next place (a voided one first) and its last entry. */
export function passProgress(store: Store, found: BoxInRound, pass: EntryPass): PassProgress {
  const { live, last } = store.ballots.passStatus(pass.id);
  const gap = live < last ? store.ballots.firstGap(pass.id) : undefined;
  return {
    boxId: found.box.id,
    pass: pass.pass,
    live,
    expected: found.box.expected,
    nextSeq: gap ?? last + 1,
    reentry: gap !== undefined,
    lastSeq: store.ballots.lastEntered(pass.id) ?? null,
  };
}

/** Starts or resumes the caller's pass of a box: pass 1, or pass 2 by a second teller. */
export function openPass(ctx: ServiceContext, teller: Teller, boxId: number): Result<EntrySheet> {
  const { store } = ctx;
  return store.transaction(() => {
    const found = findBox(store, boxId);
    if (!found.ok) return found;
    const counting = whileCounting(found.value.context);
    if (!counting.ok) return counting;
    const opened = takePass(ctx, teller, found.value);
    if (!opened.ok) return opened;
    const box = store.ballots.boxById(boxId) ?? found.value.box;
    const current = { ...found.value, box };
    return ok({
      round: current.context.record,
      box: boxRecord(store, box, current.context.election.doubleEntry),
      progress: passProgress(store, current, opened.value),
    });
  });
}

/** Opens the pass `passOpenFor` gives the teller; tellerPass words its refusals. */
function takePass(ctx: ServiceContext, teller: Teller, found: BoxInRound): Result<EntryPass> {
  const { store } = ctx;
  const { box, context } = found;
  const begun = [store.ballots.passOf(box.id, 1), store.ballots.passOf(box.id, 2)].filter(
    (p): p is EntryPass => p !== undefined,
  );
  const opening = passOpenFor(
    { state: box.state, passes: begun },
    teller.personId,
    context.election.doubleEntry,
  );
  if (!opening.open && opening.refusal === 'own-first') {
    return fail(
      'forbidden',
      `第二遍须由另一名计票人独立录入：票箱“${box.label}”的第一遍是您录入的`,
    );
  }
  if (!opening.open || (opening.resumed && !opening.startsSecond)) {
    return tellerPass(store, found, teller);
  }
  if (opening.startsSecond) {
    const moved = moveBox(store, found, 'start-second');
    if (!moved.ok) return moved;
  }
  const begunPass = begun.find((p) => p.pass === opening.pass);
  const pass = begunPass ?? store.ballots.openPass(box.id, opening.pass, teller.personId);
  const detail = opening.pass === 1 ? {} : { resumed: begunPass !== undefined };
  audit(ctx, teller, 'box.open-pass', { boxId: box.id, pass: opening.pass, ...detail });
  return ok(pass);
}

/** What is wrong with an entry for this ballot paper, before anything is written. */
export function entryProblem(found: BoxInRound, entry: BallotEntry): Result<never> | undefined {
  const { candidates, writeInBlanks, kind } = found.context.record;
  if (entry.marks.length !== candidates.length) {
    return fail(
      'invalid-argument',
      `选票上有 ${candidates.length} 名候选人，录入了 ${entry.marks.length} 个符号`,
      { field: 'ballot.marks' },
    );
  }
  if (entry.declaredInvalid === null && entry.writeIns.length > writeInBlanks) {
    return fail(
      'invalid-argument',
      kind === 'runoff'
        ? '再次投票只在票数相等的被选举人中进行，不能另选他人'
        : `选票只印有 ${writeInBlanks} 个另选人空格，录入了 ${entry.writeIns.length} 个另选人`,
      { field: 'ballot.writeIns' },
    );
  }
  return undefined;
}

/**
 * Commits one ballot of the caller's open pass, with its audit row, in one transaction: when this
 * returns ok the ballot is on disk. The bench calls it directly.
 */
export function commitBallot(
  ctx: ServiceContext,
  teller: Teller,
  input: CommitInput,
): Result<Committed> {
  const { store } = ctx;
  let committed: { found: BoxInRound; pass: EntryPass; stored: StoredBallot } | undefined;
  const result = store.transaction((): Result<Committed> => {
    const found = findBox(store, input.boxId);
    if (!found.ok) return found;
    const ready = writablePass(store, found.value, teller);
    if (!ready.ok) return ready;
    const problem = entryProblem(found.value, input.ballot);
    if (problem) return problem;
    const pass = ready.value;
    const { box } = found.value;
    const { live, last } = store.ballots.passStatus(pass.id);
    const expectedSeq = live < last ? (store.ballots.firstGap(pass.id) ?? last + 1) : last + 1;
    if (input.seq !== expectedSeq) return seqConflict(input.seq, expectedSeq);
    if (live >= box.expected) return boxFull(box.label, box.expected, live);
    const stored = storedBallot(found.value.context.reader, input.ballot);
    const writeIns = stored.writeIns.map((w, slot) => ({ slot, ...w }));
    store.ballots.insert({ passId: pass.id, seq: input.seq, ...stored, writeIns });
    audit(ctx, teller, 'ballot.enter', {
      boxId: box.id,
      pass: pass.pass,
      seq: input.seq,
      ...stored,
    });
    committed = { found: found.value, pass, stored };
    return ok({
      seq: input.seq,
      invalidReason: stored.invalidReason,
      progress: progressAfter(store, found.value, pass, input.seq, live + 1, last),
    });
  });
  if (committed?.pass.pass === 1) boardsOf(store).added(committed.found.context, committed.stored);
  return result;
}

/** The caller's pass, while the round is counting and the box is open for it. */
export function writablePass(store: Store, found: BoxInRound, teller: Teller): Result<EntryPass> {
  const counting = whileCounting(found.context);
  if (!counting.ok) return counting;
  return tellerPass(store, found, teller);
}

/** Progress after a commit, without reading the pass again unless a gap is left behind. */
function progressAfter(
  store: Store,
  found: BoxInRound,
  pass: EntryPass,
  seq: number,
  live: number,
  lastBefore: number,
): PassProgress {
  const last = Math.max(seq, lastBefore);
  const gap = live < last ? store.ballots.firstGap(pass.id) : undefined;
  return {
    boxId: found.box.id,
    pass: pass.pass,
    live,
    expected: found.box.expected,
    nextSeq: gap ?? last + 1,
    reentry: gap !== undefined,
    lastSeq: seq,
  };
}

function seqConflict(given: number, expected: number): Result<never> {
  return fail(
    'conflict',
    `第 ${given} 张与录入进度不符：本遍下一张应为第 ${expected} 张（可能刚才已经保存过），请核对后继续`,
    { field: 'seq' },
  );
}

function boxFull(label: string, expected: number, live: number): Result<never> {
  return fail(
    'conflict',
    `票箱“${label}”清点为 ${expected} 张，已录入 ${live} 张，不能再录入；如清点张数有误，请监票人更正本箱张数`,
  );
}

/**
 * Closes the caller's pass once it holds exactly the box's count with no voided place left empty.
 * Pass 2's end compares the two passes; when they agree the box is reconciled at once.
 */
export function finishPass(ctx: ServiceContext, teller: Teller, boxId: number): Result<BoxRecord> {
  const { store } = ctx;
  return store.transaction((): Result<BoxRecord> => {
    const found = findBox(store, boxId);
    if (!found.ok) return found;
    const pass = writablePass(store, found.value, teller);
    if (!pass.ok) return pass;
    const incomplete = incompleteness(store, found.value, pass.value);
    if (incomplete) return incomplete;
    const event = pass.value.pass === 1 ? 'finish-first' : 'finish-second';
    const moved = moveBox(store, found.value, event);
    if (!moved.ok) return moved;
    store.ballots.setPassDone(pass.value.id, true);
    audit(ctx, teller, 'box.finish-pass', {
      boxId,
      pass: pass.value.pass,
      ballots: moved.value.expected,
    });
    const box =
      pass.value.pass === 2
        ? reconcileIfSame(ctx, teller, { ...found.value, box: moved.value })
        : moved.value;
    return ok(boxRecord(store, box, found.value.context.election.doubleEntry));
  });
}

function incompleteness(
  store: Store,
  found: BoxInRound,
  pass: EntryPass,
): Result<never> | undefined {
  const { box } = found;
  const { live, last } = store.ballots.passStatus(pass.id);
  const gap = live < last ? store.ballots.firstGap(pass.id) : undefined;
  if (gap !== undefined) {
    return fail('conflict', `票箱“${box.label}”第 ${gap} 张已作废，尚未重新录入，不能完成`);
  }
  if (live !== box.expected) {
    return fail(
      'conflict',
      `票箱“${box.label}”清点为 ${box.expected} 张，本遍已录入 ${live} 张，还差 ${box.expected - live} 张，不能完成`,
    );
  }
  return undefined;
}

/** Two passes that agree on every ballot need no one to settle anything. */
function reconcileIfSame(ctx: ServiceContext, actor: Actor, found: BoxInRound): Box {
  if (differencesOf(ctx.store, found.box).length > 0) return found.box;
  const moved = moveBox(ctx.store, found, 'resolve-last');
  if (!moved.ok) throw new Error(`box ${found.box.id}: a compared box could not be reconciled`);
  audit(ctx, actor, 'box.reconciled', { boxId: found.box.id, differences: 0 });
  return moved.value;
}
