import type { Store } from '../../db/store';
import type { Comparison } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import {
  storedBallot,
  type BallotEntry,
  type StoredBallot,
} from '../../shared/domain/paper-ballot';
import { boxStatePhrase } from '../../shared/strings/entry';
import { entryProblem } from './ballot-entry';
import { boardsOf } from './board';
import { boxRecord, findBox, moveBox, type BoxInRound } from './boxes';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { differencesOf } from './differences';
import { whileCounting } from './round';

export interface ResolveInput {
  boxId: number;
  seq: number;
  choice: 'first' | 'second' | 'other';
  ballot?: BallotEntry | undefined;
  note: string;
}

/** The two passes of a compared box side by side, with every difference and its decision. */
export function comparison(store: Store, boxId: number): Result<Comparison> {
  const found = findBox(store, boxId);
  if (!found.ok) return found;
  const { box, context } = found.value;
  if (box.state !== 'comparing' && box.state !== 'reconciled') {
    return fail(
      'invalid-state',
      `票箱“${box.label}”${boxStatePhrase(box.state, context.election.doubleEntry)}，两遍录入完成后才能核对`,
    );
  }
  return ok(comparisonOf(store, found.value));
}

function comparisonOf(store: Store, found: BoxInRound): Comparison {
  const { box, context } = found;
  const tellerOf = (n: 1 | 2) => {
    const pass = store.ballots.passOf(box.id, n);
    return (pass && store.people.byId(pass.tellerId)?.name) ?? '';
  };
  return {
    box: boxRecord(store, box, context.election.doubleEntry),
    round: context.record,
    firstTeller: tellerOf(1),
    secondTeller: tellerOf(2),
    differences: differencesOf(store, box),
  };
}

/**
 * Settles one difference against the paper. Pass 1 ends up holding the decided ballot: when it is
 * not pass 1's own entry, that entry is voided and the decided one takes its seq. The last
 * difference settled reconciles the box; only then do its ballots count.
 */
export function resolve(
  ctx: ServiceContext,
  actor: Actor & { personId: number },
  input: ResolveInput,
): Result<Comparison> {
  const { store } = ctx;
  let swapped: { found: BoxInRound; before: StoredBallot; after: StoredBallot } | undefined;
  const result = store.transaction((): Result<Comparison> => {
    const found = findBox(store, input.boxId);
    if (!found.ok) return found;
    const checked = resolvable(store, found.value, input);
    if (!checked.ok) return checked;
    const { first, second } = checked.value;
    const decided = decidedBallot(found.value, input, second);
    if (!decided.ok) return decided;
    const pass1 = store.ballots.passOf(input.boxId, 1);
    const standing = pass1 && store.ballots.liveAt(pass1.id, input.seq);
    if (!pass1 || !standing) throw new Error(`box ${input.boxId}: pass 1 lost seq ${input.seq}`);
    if (input.choice !== 'first') {
      store.ballots.voidBallot(standing.id, `核对：以${choiceWords[input.choice]}为准`);
      const writeIns = decided.value.writeIns.map((w, slot) => ({ slot, ...w }));
      store.ballots.insert({ passId: pass1.id, seq: input.seq, ...decided.value, writeIns });
      swapped = { found: found.value, before: first, after: decided.value };
    }
    store.ballots.recordReconciliation({
      boxId: input.boxId,
      seq: input.seq,
      choice: input.choice,
      note: input.note,
      resolvedBy: actor.personId,
    });
    audit(ctx, actor, 'box.reconcile', {
      boxId: input.boxId,
      seq: input.seq,
      choice: input.choice,
      note: input.note,
      first,
      second,
      decided: decided.value,
    });
    return ok(afterResolving(ctx, actor, found.value));
  });
  if (result.ok && swapped) {
    const boards = boardsOf(store);
    boards.removed(swapped.found.context, swapped.before);
    boards.added(swapped.found.context, swapped.after);
  }
  return result;
}

const choiceWords = { first: '第一遍录入', second: '第二遍录入', other: '核对时录入的内容' };

function resolvable(
  store: Store,
  found: BoxInRound,
  input: ResolveInput,
): Result<{ first: StoredBallot; second: StoredBallot }> {
  const { box, context } = found;
  const counting = whileCounting(context);
  if (!counting.ok) return counting;
  if (box.state !== 'comparing') {
    return fail(
      'invalid-state',
      `票箱“${box.label}”${boxStatePhrase(box.state, context.election.doubleEntry)}，现在没有要核对的差异`,
    );
  }
  const difference = differencesOf(store, box).find((d) => d.seq === input.seq);
  if (!difference) {
    return fail('not-found', `票箱“${box.label}”第 ${input.seq} 张两遍录入一致，无需核对`, {
      field: 'seq',
    });
  }
  if (difference.resolution) {
    return fail(
      'conflict',
      `票箱“${box.label}”第 ${input.seq} 张已由 ${difference.resolution.resolvedBy} 核对`,
      { field: 'seq' },
    );
  }
  return ok({ first: difference.first, second: difference.second });
}

function decidedBallot(
  found: BoxInRound,
  input: ResolveInput,
  second: StoredBallot,
): Result<StoredBallot> {
  if (input.choice !== 'other') {
    if (input.ballot) {
      return fail('invalid-argument', '选择以某一遍为准时不需另录选票内容', { field: 'ballot' });
    }
    return ok(second);
  }
  if (!input.ballot) {
    return fail('invalid-argument', '请录入原票上的正确内容', { field: 'ballot' });
  }
  if (input.note === '') {
    return fail('invalid-argument', '另录正确内容时须写明说明（如：对照原票，第 3 名为×）', {
      field: 'note',
    });
  }
  const problem = entryProblem(found, input.ballot);
  if (problem) return problem;
  return ok(storedBallot(found.context.reader, input.ballot));
}

function afterResolving(ctx: ServiceContext, actor: Actor, found: BoxInRound): Comparison {
  const { store } = ctx;
  const left = differencesOf(store, found.box).filter((d) => d.resolution === null).length;
  if (left > 0) return comparisonOf(store, found);
  const moved = moveBox(store, found, 'resolve-last');
  if (!moved.ok) throw new Error(`box ${found.box.id}: a settled box could not be reconciled`);
  audit(ctx, actor, 'box.reconciled', { boxId: found.box.id });
  return comparisonOf(store, { ...found, box: moved.value });
}
