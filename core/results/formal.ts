import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import type { FollowUp } from '../../shared/api/results';
import { roundStatePhrases } from '../../shared/strings/setup';
import type { RoundResult } from '../../shared/tally';
import { congressRules } from '../platform/congress-rules';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import type { Located } from '../platform/lookup';
import { orderCandidates, slateStatus } from '../setup/candidates';
import { resultRound } from './election-results';
import { tallyOf } from './tally-input';

/*
 * After a 预选: the names it qualified (with those of a 再次投票 on a tie at its last place) become
 * the formal round's candidates. The formal round is opened from the results, by the 总监票人 or
 * the administrator, and links to the round it came from (parent_round_id).
 */

/** The 预选 a round belongs to: itself, or the one a runoff (of a runoff …) was held after. */
export function preliminaryOf(round: Round, rounds: readonly Round[]): Round | undefined {
  let at: Round | undefined = round;
  while (at?.kind === 'runoff') {
    const parentId: number | null = at.parentRoundId;
    at = rounds.find((r) => r.id === parentId);
  }
  return at?.kind === 'preliminary' ? at : undefined;
}

/** Whether the round only qualifies candidates (a 预选 or its runoff): it elects nobody. */
export function qualifiesOnly(round: Round, rounds: readonly Round[]): boolean {
  return preliminaryOf(round, rounds) !== undefined;
}

type FormalFollowUp = Extract<FollowUp, { kind: 'formal' }>;

/** What a certified 预选 (or its certified runoff) leads to: the formal round and its names. */
export function formalFollowUp(store: Store, at: Located, result: RoundResult) {
  const chain = chainOf(at);
  const qualified = chain
    .filter((r) => r.state === 'certified')
    .flatMap(
      (round) =>
        (round.id === at.round.id ? result : tallyOf(store, { ...at, round }).result).elected,
    );
  const opened = formalRoundAfter(at, chain);
  const followUp: FormalFollowUp = {
    kind: 'formal',
    formalCandidates: chain[0]?.formalCandidates ?? at.round.seats,
    qualified,
    round: opened ? resultRound(opened, at.rounds) : null,
    blocked: opened ? null : (blockedReason(at, chain, qualified) ?? null),
  };
  return followUp;
}

/** The 预选 and every runoff held after it, in the order held. */
function chainOf(at: Located): Round[] {
  // at.round is read after the change being answered (a certification); at.rounds may be older.
  const rounds = at.rounds.map((r) => (r.id === at.round.id ? at.round : r));
  const first = preliminaryOf(at.round, rounds)?.id;
  return rounds.filter((r) => r.state !== 'void' && preliminaryOf(r, rounds)?.id === first);
}

function formalRoundAfter(at: Located, chain: readonly Round[]): Round | undefined {
  const ids = new Set(chain.map((r) => r.id));
  return at.rounds.find(
    (r) => r.kind === 'formal' && r.state !== 'void' && ids.has(r.parentRoundId ?? -1),
  );
}

function blockedReason(at: Located, chain: readonly Round[], qualified: readonly string[]) {
  const waiting = chain.find((r) => r.state !== 'certified');
  if (waiting) {
    return `预选的再次投票${roundStatePhrases[waiting.state]}，须签核后才能确定正式候选人`;
  }
  const slate = slateStatus(
    at.congress.profile,
    at.election.office,
    at.election.seats,
    qualified.length,
  );
  if (!slate.ok) {
    return `预选确定的正式候选人不符合正式选举的差额要求：${slate.message}`;
  }
  return undefined;
}

/** Opens the formal round with the names the 预选 qualified, ready to print; audited. */
export function openFormal(ctx: ServiceContext, actor: Actor, at: Located): Result<Round> {
  const { store } = ctx;
  if (!qualifiesOnly(at.round, at.rounds)) {
    return fail('invalid-state', '只有预选的结果才能用来开启正式选举', { field: 'roundId' });
  }
  if (at.round.state !== 'certified') {
    return fail(
      'invalid-state',
      `本轮${roundStatePhrases[at.round.state]}；须先由总监票人签核预选结果，再开启正式选举`,
      { field: 'roundId' },
    );
  }
  const { result } = tallyOf(store, at);
  if (result.runoff) {
    return fail(
      'invalid-state',
      '预选最后一名正式候选人票数相等：须对票数相等的人再次投票，签核后从再次投票的结果开启正式选举',
    );
  }
  const followUp = formalFollowUp(store, at, result);
  if (followUp.round) {
    return fail('conflict', `已根据预选结果开启${followUp.round.label}`);
  }
  if (followUp.blocked) return fail('invalid-state', followUp.blocked);
  const ordered = orderCandidates(
    followUp.qualified.map((name) => ({ name, note: '' })),
    at.election.office,
    congressRules(at.congress).nameOrder,
  ).list;
  return ok(
    store.transaction(() => {
      const round = store.elections.createRound({
        electionId: at.election.id,
        kind: 'formal',
        seats: at.election.seats,
        parentRoundId: at.round.id,
      });
      store.elections.replaceCandidates(round.id, ordered);
      audit(ctx, actor, 'round.formal', {
        roundId: round.id,
        parentRoundId: at.round.id,
        electionId: at.election.id,
        seats: at.election.seats,
        qualified: followUp.qualified,
        candidates: ordered.map((c) => c.name),
      });
      return round;
    }),
  );
}
