import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Announcement } from '../../shared/api/results';
import { roundStatePhrases } from '../../shared/strings/setup';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { orderNote } from '../results/elected';
import { electedNames, resultRound } from '../results/election-results';
import { projectedKey } from '../entry/overview';
import { followUpOf } from '../results/follow-up';
import { tallyOf } from '../results/tally-input';
import type { RoundResult } from '../../shared/tally';
import { locate, notFound, type Located } from '../platform/lookup';

/** The setting naming the round whose result the projector announces. */
export const announcementKey = 'projector.announcement';

function announcedRound(store: Store): number | null {
  const value = store.settings.get(announcementKey);
  return typeof value === 'number' ? value : null;
}

/** Puts a certified round's announcement on the projector (or takes it off with null). */
export function announce(
  ctx: ServiceContext,
  actor: Actor,
  roundId: number | null,
): Result<{ roundId: number | null }> {
  const { store } = ctx;
  return store.transaction(() => {
    if (roundId !== null) {
      const at = locate(store, roundId);
      if (!at) return notFound('roundId');
      if (at.round.state !== 'certified') {
        return fail(
          'invalid-state',
          `“${at.election.title}”${resultRound(at.round, at.rounds).label}${roundStatePhrases[at.round.state]}：只有经总监票人签核的结果才能宣布`,
          { field: 'roundId' },
        );
      }
    }
    store.settings.set(announcementKey, roundId);
    // The hall's screen shows one thing: the result announced replaces the tally board.
    const board = store.settings.get(projectedKey);
    if (roundId !== null && typeof board === 'number') store.settings.set(projectedKey, null);
    audit(ctx, actor, 'projector.announcement', { roundId });
    return ok({ roundId });
  });
}

/** Takes an election's result off the projector when its certification is lifted. */
export function withdrawAnnouncement(ctx: ServiceContext, actor: Actor, electionId: number): void {
  const { store } = ctx;
  const roundId = announcedRound(store);
  const shown = roundId === null ? undefined : store.elections.roundById(roundId);
  if (shown?.electionId !== electionId) return;
  store.settings.set(announcementKey, null);
  audit(ctx, actor, 'projector.announcement', { roundId: null, withdrawn: roundId });
}

/**
 * What the projector shows: read afresh on every call, and only while the round is certified —
 * a result unlocked for a recount disappears from the hall's screen at once.
 */
export function announcement(store: Store): Announcement | null {
  const roundId = announcedRound(store);
  const at = roundId === null ? undefined : locate(store, roundId);
  if (!at || at.round.state !== 'certified') return null;
  const { result } = tallyOf(store, at);
  return {
    roundId: at.round.id,
    congressName: at.congress.name,
    electionTitle: at.election.title,
    roundLabel: resultRound(at.round, at.rounds).label,
    seats: at.round.seats,
    status: result.status,
    ballots: result.ballots,
    elected: electedNames(store, at, at.round.id).map((e) => e.name),
    orderNote: orderNote(at.election.office),
    pending: pendingWords(store, at, result),
  };
}

function pendingWords(store: Store, at: Located, result: RoundResult): string | null {
  if (result.status !== 'valid') return '本轮选举无效，应重新选举';
  const followUp = followUpOf(store, at, result);
  switch (followUp.kind) {
    case 'none':
      return null;
    case 'runoff':
      return `${followUp.candidates.join('、')} 得票相等，将就最后 ${followUp.seats} 个名额再次投票`;
    case 'formal':
      return `以上 ${followUp.qualified.length} 名列为正式候选人，将进行正式选举`;
    case 'shortfall': {
      const d = followUp.reduction;
      const reduced = d
        ? `经${d.decidedBy}决定，名额由 ${d.seatsBefore} 名减为 ${d.seatsAfter} 名`
        : '';
      if (followUp.seats === 0) return reduced;
      const next = `尚缺 ${followUp.seats} 名，将另行选举`;
      return reduced ? `${reduced}；${next}` : `${next}或由大会决定减少名额`;
    }
  }
}
