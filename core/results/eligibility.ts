import { fail, ok, type Result } from '../../shared/api/result';
import type { RoundResults } from '../../shared/api/results';
import { roundStatePhrases } from '../../shared/strings/setup';
import { audit, type ServiceContext } from '../platform/context';
import { locate, notFound } from '../platform/lookup';
import type { Session } from '../platform/session-registry';
import { roundResults } from './round-results';
import { tallyOf } from './tally-input';

/**
 * The scrutineers' finding on an elected written-in name, before the round is certified: it may
 * hold the office, or it may not (not a full member of this organisation, not a registered
 * voter, …). An ineligible name is not elected; the tally leaves its seat vacant, so the
 * shortfall path (另行选举, or the chair's seat reduction) opens once the round is certified.
 * Either finding lets certification go ahead.
 */
export function confirmEligibility(
  ctx: ServiceContext,
  session: Session,
  request: { roundId: number; name: string; note: string; eligible?: boolean | undefined },
): Result<RoundResults> {
  const { store } = ctx;
  const eligible = request.eligible ?? true;
  return store.transaction(() => {
    const at = locate(store, request.roundId);
    if (!at) return notFound('roundId');
    if (at.round.state !== 'counted') {
      return fail(
        'invalid-state',
        `本轮${roundStatePhrases[at.round.state]}，只有已计票、尚未签核的轮次才记录资格核实`,
      );
    }
    const record = roundResults(store, at, tallyOf(store, at)).eligibility.find(
      (e) => e.name === request.name,
    );
    if (!record) {
      return fail('invalid-argument', `“${request.name}”不是本轮当选的另选他人，无需核实资格`, {
        field: 'name',
      });
    }
    if (record.confirmed) {
      const found = record.confirmed.eligible ? '核实具备被选举资格' : '认定不具备被选举资格';
      return fail('conflict', `${request.name} 已由 ${record.confirmed.by} ${found}`);
    }
    const { roundId, name, note } = request;
    store.results.confirmEligibility(roundId, {
      name,
      note,
      eligible,
      confirmedBy: session.personId,
    });
    audit(ctx, session, eligible ? 'round.eligibility' : 'round.ineligible', {
      roundId,
      name,
      note,
      electionId: at.election.id,
      ...(eligible ? {} : { title: at.election.title }),
    });
    // An ineligible name changes who is elected: the tally is taken again.
    return ok(roundResults(store, at, tallyOf(store, at)));
  });
}
