import type { Store } from '../../db/store';
import type { EnteredBallot, PassProgress } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Session } from '../platform/session-registry';
import { passLabels } from '../../shared/strings/entry';
import { passProgress, writablePass, type Teller } from './ballot-entry';
import { boardsOf } from './board';
import { findBox } from './boxes';
import { audit, type ServiceContext } from '../platform/context';
import { contentOf } from './differences';

/**
 * A pass's ballots in seq order, voided ones included. A teller sees only a pass of their own
 * (so the second teller never sees the first's entry); the scrutineers see either.
 */
export function passBallots(
  store: Store,
  session: Session,
  input: { boxId: number; pass?: 1 | 2 | undefined },
): Result<EnteredBallot[]> {
  const found = findBox(store, input.boxId);
  if (!found.ok) return found;
  const { box } = found.value;
  const own = [1, 2] as const;
  const which =
    input.pass ??
    (session.role === 'teller'
      ? own.find((n) => store.ballots.passOf(box.id, n)?.tellerId === session.personId)
      : 1);
  const pass = which === undefined ? undefined : store.ballots.passOf(box.id, which);
  if (!pass || which === undefined) {
    return fail('not-found', `票箱“${box.label}”还没有您录入的选票`);
  }
  if (session.role === 'teller' && pass.tellerId !== session.personId) {
    return fail(
      'forbidden',
      `票箱“${box.label}”的${passLabels[which]}不是您录入的；双人录入时两遍互不可见`,
    );
  }
  return ok(
    store.ballots.ofPass(pass.id).map((b) => ({
      id: b.id,
      seq: b.seq,
      voidedReason: b.voidedReason,
      ...contentOf(b),
    })),
  );
}

/**
 * Voids the standing ballot at `seq` of the caller's open pass (it stays, with the reason, and the
 * audit log records who and why); the pass's next place becomes that seq, to enter it again.
 */
export function voidBallot(
  ctx: ServiceContext,
  teller: Teller,
  input: { boxId: number; seq: number; reason: string },
): Result<PassProgress> {
  const { store } = ctx;
  const found = findBox(store, input.boxId);
  if (!found.ok) return found;
  const context = found.value.context;
  let removed: ReturnType<typeof contentOf> | undefined;
  const result = store.transaction((): Result<PassProgress> => {
    const pass = writablePass(store, found.value, teller);
    if (!pass.ok) return pass;
    const target = store.ballots.liveAt(pass.value.id, input.seq);
    if (!target) {
      return fail('not-found', `本遍没有第 ${input.seq} 张选票（或已作废）`, { field: 'seq' });
    }
    store.ballots.voidBallot(target.id, input.reason);
    audit(ctx, teller, 'ballot.void', {
      boxId: input.boxId,
      pass: pass.value.pass,
      seq: input.seq,
      reason: input.reason,
      ballot: contentOf(target),
    });
    if (pass.value.pass === 1) removed = contentOf(target);
    return ok(passProgress(store, found.value, pass.value));
  });
  if (result.ok && removed) boardsOf(store).removed(context, removed);
  return result;
}
