import type { Congress } from '../../db/congresses';
import type { Election } from '../../db/elections';
import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import { profileLabels } from '../../shared/strings/setup';
import { PROFILE_RULES } from '../../shared/tally/profiles';
import type { Office } from '../../shared/tally/types';
import { slateStatus } from './candidates';

/*
 * 预选: when an election starts with a preliminary round, its ballot lists the nominees and each
 * delegate marks at most the number of formal candidates to produce; the formal round is opened
 * later, from the results, with the names that qualified (core/results/formal.ts).
 */

/**
 * Why an election cannot start with a 预选 of `formalCandidates` names: the profile has none, or
 * the formal round's list of that many names would not keep the 差额 its rules require.
 */
export function preliminaryRefusal(
  congress: Congress,
  office: Office,
  seats: number,
  formalCandidates: number,
) {
  if (PROFILE_RULES[congress.profile].preliminary === null) {
    return fail(
      'invalid-argument',
      `“${profileLabels[congress.profile]}”规则不设预选，请直接进行正式选举`,
      { field: 'formalCandidates' },
    );
  }
  const slate = slateStatus(congress.profile, office, seats, formalCandidates);
  if (!slate.ok) {
    return fail(
      'invalid-argument',
      `预选产生的正式候选人数不符合正式选举的差额要求：${slate.message.replace('现有', '预选拟产生')}`,
      { field: 'formalCandidates' },
    );
  }
  return undefined;
}

/** Why a 预选's ballot cannot be printed with this many names; null when it can. */
export function preliminaryListProblem(round: Round, candidates: number): string | null {
  const formal = round.formalCandidates ?? round.seats;
  if (candidates > formal) return null;
  return `预选候选人须多于拟产生的正式候选人数 ${formal} 名，现有 ${candidates} 名`;
}

/** The formal round after a 预选 lists the names it qualified: set-up may not change them. */
export function formalAfterPreliminary(store: Store, round: Round) {
  if (round.kind !== 'formal' || round.parentRoundId === null) return undefined;
  const rounds = store.elections.roundsOf(round.electionId);
  if (!rounds.some((r) => r.kind === 'preliminary')) return undefined;
  return fail('invalid-state', '正式选举的候选人是预选确定的正式候选人，不能在设置中修改');
}

/**
 * An election's change as it touches its 预选: the new number of formal candidates (null when it
 * stays), refused where the election has no 预选 or the number would break the formal 差额 with
 * the seats and office it will have.
 */
export function formalCandidatesChange(
  store: Store,
  congress: Congress,
  election: Election,
  change: {
    seats?: number | undefined;
    office?: Office | undefined;
    formalCandidates?: number | undefined;
  },
): Result<{ round: Round; formalCandidates: number } | null> {
  const round = store.elections
    .roundsOf(election.id)
    .find((r) => r.kind === 'preliminary' && r.state !== 'void');
  if (!round) {
    return change.formalCandidates === undefined
      ? ok(null)
      : fail('invalid-argument', '本选举事项不进行预选，没有正式候选人数可改', {
          field: 'formalCandidates',
        });
  }
  const target = change.formalCandidates ?? round.formalCandidates ?? round.seats;
  const seats = change.seats ?? election.seats;
  const office = change.office ?? election.office;
  const moved =
    target !== round.formalCandidates || seats !== election.seats || office !== election.office;
  const refused = moved ? preliminaryRefusal(congress, office, seats, target) : undefined;
  if (refused) return refused;
  return ok(target === round.formalCandidates ? null : { round, formalCandidates: target });
}
