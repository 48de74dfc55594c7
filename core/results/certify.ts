import { fail, ok, type Result } from '../../shared/api/result';
import type { RoundNotReady, RoundResults } from '../../shared/api/results';
import { canMove, isBeforeVoting } from '../../shared/domain/rounds';
import { roundStatePhrases } from '../../shared/strings/setup';
import { withdrawAnnouncement } from '../announce/announcement';
import { audit, type ServiceContext } from '../platform/context';
import { followUpRound, resultRound } from './election-results';
import { openRunoff } from './follow-up';
import { notReady, personName, roundResults } from './round-results';
import { checkPin } from '../platform/session';
import type { Session } from '../platform/session-registry';
import { tallyOf } from './tally-input';
import { dateTime } from '../../shared/strings/time';
import { locate, notFound, type Located } from '../platform/lookup';
import { moveRound } from '../platform/round-state';

/*
 * 签核 and its undoing. The 总监票人 re-enters their PIN at the moment of certifying or unlocking:
 * a session left open on the counting laptop is not enough. A wrong PIN counts toward the same
 * lock-out as signing in.
 */

/** The session's person, still active, and their PIN checked (lock-outs respected). */
async function pinOf(ctx: ServiceContext, session: Session, pin: string): Promise<Result<null>> {
  const person = ctx.store.people.byId(session.personId);
  if (!person?.active) return fail('unauthenticated', '此账号已停用，请由管理员处理');
  return checkPin(ctx, person, pin);
}

export async function certify(
  ctx: ServiceContext,
  session: Session,
  { roundId, pin }: { roundId: number; pin: string },
): Promise<Result<RoundResults>> {
  const { store } = ctx;
  const at = locate(store, roundId);
  if (!at) return notFound('roundId');
  const refused = certifyRefusal(ctx, at);
  if (refused) return refused;
  const checked = await pinOf(ctx, session, pin);
  if (!checked.ok) return checked;
  return store.transaction(() => {
    const now = locate(store, roundId);
    if (!now) return notFound('roundId');
    const again = certifyRefusal(ctx, now);
    if (again) return again;
    const tallied = tallyOf(store, now);
    const { result } = tallied;
    moveRound(store, now.round, { to: 'certified', personId: session.personId });
    audit(ctx, session, 'round.certify', {
      roundId,
      electionId: now.election.id,
      title: now.election.title,
      ballots: result.ballots,
      elected: result.elected,
      runoff: result.runoff,
      vacancies: result.vacancies,
    });
    if (result.runoff && !followUpRound(now)) openRunoff(ctx, session, now, result.runoff);
    const certified = locate(store, roundId);
    if (!certified) throw new Error(`round ${roundId} vanished inside its certification`);
    return ok(roundResults(store, certified, tallied));
  });
}

function certifyRefusal(ctx: ServiceContext, at: Located): Result<never> | undefined {
  const { round } = at;
  if (round.state === 'certified') {
    const by = round.certifiedBy === null ? '' : `由 ${personName(ctx.store, round.certifiedBy)} `;
    const when = round.certifiedAt === null ? '' : `已于 ${dateTime(round.certifiedAt)} `;
    return fail('invalid-state', `本轮结果${when}${by}签核，无需再次签核`);
  }
  if (!canMove(round.state, 'certified')) {
    return fail(
      'invalid-state',
      `本轮${roundStatePhrases[round.state]}，不能签核：录入结束、计票完成后才能签核`,
    );
  }
  const blocked = roundResults(ctx.store, at, tallyOf(ctx.store, at)).certifyBlocked;
  return blocked === null ? undefined : fail('invalid-state', blocked);
}

/**
 * Lifts a certification so the round can be checked again: back to counting, with the reason
 * recorded (and printed on every later report). What was decided on the certified result — a
 * 再次投票 or 另行选举 not yet voted on, the chair's seat reduction — is withdrawn with it; once
 * such a round has been voted on, the result it rests on can no longer be reopened.
 */
export async function unlock(
  ctx: ServiceContext,
  session: Session,
  request: { roundId: number; pin: string; reason: string },
): Promise<Result<RoundNotReady>> {
  const { store } = ctx;
  const at = locate(store, request.roundId);
  if (!at) return notFound('roundId');
  const refused = unlockRefusal(at);
  if (refused) return refused;
  const checked = await pinOf(ctx, session, request.pin);
  if (!checked.ok) return checked;
  return store.transaction(() => {
    const now = locate(store, request.roundId);
    if (!now) return notFound('roundId');
    const again = unlockRefusal(now);
    if (again) return again;
    withdrawFollowUps(ctx, session, now);
    const { certifiedBy, certifiedAt } = now.round;
    moveRound(store, now.round, {
      to: 'counting',
      unlock: { personId: session.personId, reason: request.reason },
    });
    audit(ctx, session, 'round.unlock', {
      roundId: now.round.id,
      electionId: now.election.id,
      reason: request.reason,
      certifiedBy,
      certifiedAt,
    });
    withdrawAnnouncement(ctx, session, now.election.id);
    const unlocked = locate(store, request.roundId);
    if (!unlocked) throw new Error(`round ${request.roundId} vanished inside its unlock`);
    return ok(notReady(store, unlocked));
  });
}

function unlockRefusal(at: Located): Result<never> | undefined {
  if (at.round.state !== 'certified') {
    return fail(
      'invalid-state',
      `本轮${roundStatePhrases[at.round.state]}，没有已签核的结果可以解锁`,
    );
  }
  const next = followUpRound(at);
  if (next && next.state !== 'void' && !isBeforeVoting(next.state)) {
    const label = resultRound(next, at.rounds).label;
    return fail(
      'invalid-state',
      `${label}${roundStatePhrases[next.state]}，它依据本轮结果进行，本轮不能再解锁重核`,
    );
  }
  return undefined;
}

function withdrawFollowUps(ctx: ServiceContext, session: Session, at: Located): void {
  const { store } = ctx;
  const next = followUpRound(at);
  const label = resultRound(at.round, at.rounds).label;
  if (next && next.state !== 'void') {
    const reason = `${label}结果解锁重核，依据其结果开启的本轮取消`;
    moveRound(store, next, { to: 'void', reason });
    audit(ctx, session, 'round.void', { roundId: next.id, reason });
  }
  const reduction = store.elections.seatReductionOf(at.round.id);
  if (reduction) {
    store.results.removeSeatReduction(at.round.id);
    audit(ctx, session, 'round.reduceSeats.withdrawn', {
      ...reduction,
      reason: `${label}结果解锁重核`,
    });
  }
}

/** Sends a counted round back to entry (退回重新计票) before it is certified. */
export function recount(
  ctx: ServiceContext,
  session: Session,
  { roundId, reason }: { roundId: number; reason: string },
): Result<RoundNotReady> {
  const { store } = ctx;
  return store.transaction(() => {
    const at = locate(store, roundId);
    if (!at) return notFound('roundId');
    if (at.round.state !== 'counted') {
      const hint = at.round.state === 'certified' ? '；已签核的结果须先解锁' : '';
      return fail(
        'invalid-state',
        `本轮${roundStatePhrases[at.round.state]}，不能退回重新计票${hint}`,
      );
    }
    moveRound(store, at.round, { to: 'counting' });
    audit(ctx, session, 'round.recount', { roundId, electionId: at.election.id, reason });
    const back = locate(store, roundId);
    if (!back) throw new Error(`round ${roundId} vanished inside its recount`);
    return ok(notReady(store, back));
  });
}
