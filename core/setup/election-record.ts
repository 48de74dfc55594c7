import type { Congress } from '../../db/congresses';
import type { Election, Round } from '../../db/elections';
import type { Store } from '../../db/store';
import type { CandidateRecord, ElectionRecord, RoundRecord } from '../../shared/api/elections';
import { keepsGivenOrder } from '../../shared/domain/offices';
import { isBeforeVoting } from '../../shared/domain/rounds';
import { collationWarnings } from '../../shared/names';
import { roundStatePhrases } from '../../shared/strings/setup';
import { congressRules } from '../platform/congress-rules';
import { slateStatus } from './candidates';
import { preliminaryListProblem } from './preliminary';

/** An election as set-up shows it: its rounds with their lists, checks and what blocks printing. */
export function electionRecord(
  store: Store,
  election: Election,
  congress: Congress,
): ElectionRecord {
  return {
    ...election,
    candidateOrder: keepsGivenOrder(election.office) ? 'given' : 'strokes',
    rounds: store.elections
      .roundsOf(election.id)
      .map((round) => roundRecord(store, election, round, congress)),
  };
}

function roundRecord(
  store: Store,
  election: Election,
  round: Round,
  congress: Congress,
): RoundRecord {
  const candidates: CandidateRecord[] = store.elections
    .candidatesOf(round.id)
    .map(({ name, note, position }) => ({ name, note, position }));
  const slate =
    round.kind === 'formal'
      ? slateStatus(congress.profile, election.office, round.seats, candidates.length)
      : null;
  const warnings = keepsGivenOrder(election.office)
    ? []
    : collationWarnings(
        candidates.map((c) => c.name),
        congressRules(congress).nameOrder,
      ).map((w) => w.message);
  return {
    id: round.id,
    kind: round.kind,
    seats: round.seats,
    formalCandidates: round.formalCandidates,
    state: round.state,
    candidates,
    slate,
    collationWarnings: warnings,
    printBlocked: printBlocked(round, candidates.length, slate?.ok ?? true, slate?.message),
  };
}

function printBlocked(
  round: Round,
  candidates: number,
  slateOk: boolean,
  slateMessage: string | undefined,
): string | null {
  if (!isBeforeVoting(round.state)) {
    return `本轮${roundStatePhrases[round.state]}，不能再印制选票`;
  }
  if (candidates === 0) return '尚未确定候选人，不能印制选票';
  const preliminary = round.kind === 'preliminary' && preliminaryListProblem(round, candidates);
  if (preliminary) return `${preliminary}，不能印制选票`;
  if (!slateOk) return `${slateMessage ?? '候选人人数不符合差额要求'}，不能印制选票`;
  return null;
}
