import type { Box } from '../../db/ballots';
import type { Store } from '../../db/store';
import { boxCounts } from '../../shared/domain/boxes';
import type { EntryOverview } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import { boxStatePhrase } from '../../shared/strings/entry';
import { roundStatePhrases } from '../../shared/strings/setup';
import { boxRecord } from './boxes';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { roundContext, type RoundContext } from './round';
import { moveRound } from '../platform/round-state';
import { notFound } from '../platform/lookup';

/** The setting naming the round whose board the projector shows. */
export const projectedKey = 'projector.board';

export function projectedRound(store: Store): number | null {
  const value = store.settings.get(projectedKey);
  return typeof value === 'number' ? value : null;
}

/** The round an election is at: its latest one still standing (a voided one is held again). */
function currentRound(store: Store, electionId: number): RoundContext | undefined {
  const rounds = store.elections.roundsOf(electionId);
  const round = rounds.findLast((r) => r.state !== 'void') ?? rounds.at(-1);
  return round && roundContext(store, round.id);
}

export function overview(store: Store, electionId: number): Result<EntryOverview> {
  if (!store.elections.byId(electionId)) {
    return notFound('electionId');
  }
  const context = currentRound(store, electionId);
  if (!context) {
    return ok({
      round: null,
      notice: '本选举事项还没有选举轮次',
      boxes: [],
      totals: { expected: 0, returned: null, difference: null },
      finish: { ready: false, blockers: ['本选举事项还没有选举轮次'] },
      projected: false,
    });
  }
  return ok(overviewOf(store, context));
}

function overviewOf(store: Store, context: RoundContext): EntryOverview {
  const { round, election } = context;
  const boxes = store.ballots.boxesOf(round.id);
  const expected = boxes.reduce((sum, b) => sum + b.expected, 0);
  const blockers = finishBlockers(store, context, boxes);
  return {
    round: context.record,
    notice: noticeOf(context),
    boxes: boxes.map((b) => boxRecord(store, b, election.doubleEntry)),
    totals: {
      expected,
      returned: round.returned,
      difference: round.returned === null ? null : expected - round.returned,
    },
    finish: { ready: blockers.length === 0, blockers },
    projected: projectedRound(store) === round.id,
  };
}

function noticeOf({ round }: RoundContext): string | null {
  if (round.state === 'counting') return null;
  if (round.state === 'counted' || round.state === 'certified' || round.state === 'void') {
    return `本轮${roundStatePhrases[round.state]}，录入已结束`;
  }
  return `本轮${roundStatePhrases[round.state]}；在“发票”步骤登记收回的选票后即可录入`;
}

/** Every reason the round cannot go to the tally yet; none means it can. */
function finishBlockers(store: Store, context: RoundContext, boxes: readonly Box[]): string[] {
  const { round, election } = context;
  if (round.state !== 'counting') return [`本轮${roundStatePhrases[round.state]}`];
  if (round.returned === null) return ['尚未登记收回的选票张数'];
  const blockers: string[] = [];
  if (boxes.length === 0 && round.returned > 0) blockers.push('尚未建立票箱');
  for (const box of boxes) {
    if (!boxCounts(box.state, election.doubleEntry)) {
      blockers.push(`票箱“${box.label}”${boxStatePhrase(box.state, election.doubleEntry)}`);
    }
  }
  const expected = boxes.reduce((sum, b) => sum + b.expected, 0);
  if (expected !== round.returned) {
    const gap = expected - round.returned;
    blockers.push(
      `各票箱清点合计 ${expected} 张，收回选票 ${round.returned} 张，${gap > 0 ? '多' : '少'} ${Math.abs(gap)} 张`,
    );
  }
  if (blockers.length === 0) {
    // The boxes' counts hold only if every counted pass holds its count: checked, not assumed.
    const entered = store.ballots
      .passCounts(round.id)
      .filter((p) => p.pass === 1)
      .reduce((sum, p) => sum + p.live, 0);
    if (entered !== round.returned) {
      blockers.push(`已录入 ${entered} 张，与收回选票 ${round.returned} 张不符`);
    }
  }
  return blockers;
}

/** Closes entry: the round moves to counted (the tally), refused with every reason while not ready. */
export function finishEntry(
  ctx: ServiceContext,
  actor: Actor,
  roundId: number,
): Result<EntryOverview> {
  const { store } = ctx;
  return store.transaction((): Result<EntryOverview> => {
    const context = roundContext(store, roundId);
    if (!context) return notFound('roundId');
    const boxes = store.ballots.boxesOf(roundId);
    const blockers = finishBlockers(store, context, boxes);
    if (blockers.length > 0) {
      return fail('invalid-state', `“${context.election.title}”还不能计票：${blockers.join('；')}`);
    }
    moveRound(store, context.round, { to: 'counted' });
    audit(ctx, actor, 'round.counted', {
      roundId,
      boxes: boxes.length,
      ballots: context.round.returned,
    });
    const counted = roundContext(store, roundId);
    if (!counted) throw new Error(`round ${roundId} vanished inside its transaction`);
    return ok(overviewOf(store, counted));
  });
}
