import type { BoxRecord } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import { boxStatePhrase } from '../../shared/strings/entry';
import { roundStatePhrases } from '../../shared/strings/setup';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { moveRound } from '../platform/round-state';
import { boxRecord, moveBox, withBox, type BoxInRound } from './boxes';

/*
 * 重开已核对的票箱: a recount of the paper finds a reconciled box miscounted. The 总监票人 reopens
 * it with the reason; both passes open again for their tellers to correct, and the differences
 * settled before are set aside (kept) so the corrected passes are compared afresh. The box no
 * longer counts until it is reconciled again, so a round whose entry was closed goes back to
 * counting with it. A certified round is not reopened this way: its certification is lifted
 * first (解锁重核), which records who and why.
 */
export function reopenBox(
  ctx: ServiceContext,
  actor: Actor,
  { boxId, reason }: { boxId: number; reason: string },
): Result<BoxRecord> {
  const { store } = ctx;
  return withBox(store, boxId, (found) => {
    const refused = refusal(found);
    if (refused) return refused;
    const { box, context } = found;
    const { round, election } = context;
    const roundFrom = round.state;
    if (roundFrom === 'counted') {
      moveRound(store, round, { to: 'counting' });
      audit(ctx, actor, 'round.recount', {
        roundId: round.id,
        electionId: election.id,
        reason: `重开票箱“${box.label}”：${reason}`,
      });
    }
    const moved = moveBox(store, found, 'reopen');
    if (!moved.ok) return moved;
    for (const n of [1, 2] as const) {
      const pass = store.ballots.passOf(box.id, n);
      if (pass) store.ballots.setPassDone(pass.id, false);
    }
    const superseded = store.ballots.supersedeReconciliations(box.id);
    audit(ctx, actor, 'box.reopen', {
      boxId: box.id,
      roundId: round.id,
      label: box.label,
      reason,
      roundFrom,
      superseded,
    });
    return ok(boxRecord(store, moved.value, election.doubleEntry));
  });
}

function refusal({ box, context }: BoxInRound): Result<never> | undefined {
  const { round, election } = context;
  const name = `票箱“${box.label}”`;
  if (round.state === 'certified') {
    return fail(
      'invalid-state',
      `“${election.title}”本轮结果已签核，不能直接重开${name}：须先由总监票人在“计票结果”中解锁重核（记录理由），再重开`,
    );
  }
  if (round.state !== 'counting' && round.state !== 'counted') {
    return fail(
      'invalid-state',
      `“${election.title}”本轮${roundStatePhrases[round.state]}，不能重开${name}`,
    );
  }
  if (box.state === 'reconciled') return undefined;
  const phrase = boxStatePhrase(box.state, election.doubleEntry);
  if (!election.doubleEntry && box.state === 'entered') {
    const first = round.state === 'counted' ? '先在“计票结果”中退回重新计票，再' : '';
    return fail(
      'invalid-state',
      `${name}${phrase}：本选举不设双人录入，清点有误的票箱请${first}由监票人“退回更正”`,
    );
  }
  return fail('invalid-state', `${name}${phrase}，还没有核对完成，不需要重开`);
}
