import type { Store } from '../../db/store';
import type {
  EligibilityRecord,
  NameResultRecord,
  RoundNotReady,
  RoundResults,
  UnlockRecord,
} from '../../shared/api/results';
import { roundStatePhrases } from '../../shared/strings/setup';
import type { RoundResult } from '../../shared/tally';
import { orderNote } from './elected';
import { resultRound } from './election-results';
import { followUpOf } from './follow-up';
import type { Located } from '../platform/lookup';
import type { Tallied } from './tally-input';
import { countsAttendance } from '../checkin/validity';

/** The results screen's view of a counted round: the engine's tally with who did what. */
export function roundResults(store: Store, at: Located, { result }: Tallied): RoundResults {
  const { round, election, congress } = at;
  const eligibility = eligibilityOf(store, round.id, result);
  return {
    congressName: congress.name,
    electionId: election.id,
    electionTitle: election.title,
    office: election.office,
    round: resultRound(round, at.rounds),
    basis: countsAttendance(congress) ? 'attendance' : 'turnout',
    entitled: round.entitled ?? 0,
    present: round.present,
    status: result.status,
    ballots: result.ballots,
    threshold: result.threshold && {
      minVotes: result.threshold.minVotes,
      text: determination(result, 'threshold'),
    },
    thresholdNote: determination(result, result.status === 'valid' ? 'threshold' : 'quorum'),
    names: namesOf(result),
    elected: result.elected,
    orderNote: orderNote(election.office, round.kind),
    vacancies: result.vacancies,
    determinations: result.determinations.map(({ kind, text, rule }) => ({ kind, text, rule })),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      names: 'names' in w ? [...w.names] : [],
    })),
    eligibility,
    followUp: followUpOf(store, at, result),
    certified:
      round.certifiedBy === null || round.certifiedAt === null
        ? null
        : { by: personName(store, round.certifiedBy), at: round.certifiedAt },
    unlocks: unlocksOf(store, round.id),
    tellers: tellersOf(store, round.id),
    certifyBlocked: certifyBlocked(at, eligibility),
  };
}

function determination(result: RoundResult, kind: 'threshold' | 'quorum'): string {
  const found = result.determinations.find((d) => d.kind === kind);
  if (!found) throw new Error(`the engine gave no ${kind} determination`);
  return found.text;
}

function namesOf(result: RoundResult): NameResultRecord[] {
  return result.results.map((r) => {
    const explained = result.determinations.find((d) => d.kind === 'outcome' && d.name === r.name);
    return {
      name: r.name,
      writeIn: r.writeIn,
      for: r.for,
      against: r.writeIn ? null : r.against,
      abstain: r.writeIn ? null : r.abstain,
      outcome: r.outcome,
      explanation: explained?.text ?? '',
    };
  });
}

/**
 * The written-in names the engine flagged as elected, each with its confirmation if recorded,
 * then those found ineligible (no longer elected, so no longer flagged) with that finding.
 */
function eligibilityOf(store: Store, roundId: number, result: RoundResult): EligibilityRecord[] {
  const flagged = result.warnings.flatMap((w) => (w.code === 'eligibility' ? w.names : []));
  const confirmations = store.results.confirmationsOf(roundId);
  const finding = (name: string) => {
    const c = confirmations.find((x) => x.name === name);
    return c
      ? { by: personName(store, c.confirmedBy), at: c.at, note: c.note, eligible: c.eligible }
      : null;
  };
  const ineligible = confirmations.filter((c) => !c.eligible).map((c) => c.name);
  return [...flagged, ...ineligible].map((name) => ({ name, confirmed: finding(name) }));
}

function certifyBlocked(at: Located, eligibility: readonly EligibilityRecord[]): string | null {
  const { round } = at;
  if (round.state === 'certified') return null;
  if (round.state !== 'counted') return `本轮${roundStatePhrases[round.state]}，不能签核`;
  const unchecked = eligibility.filter((e) => e.confirmed === null).map((e) => e.name);
  if (unchecked.length > 0) {
    return `另选他人 ${unchecked.join('、')} 当选，须先由监票人核实其被选举资格并记录，才能签核`;
  }
  return null;
}

export function personName(store: Store, personId: number): string {
  return store.people.byId(personId)?.name ?? `人员 ${personId}`;
}

/** The 计票人 who entered the round's boxes (both passes), in the order they started. */
function tellersOf(store: Store, roundId: number): string[] {
  const ids = new Set<number>();
  for (const { passId } of store.ballots.passCounts(roundId)) {
    const pass = store.ballots.passById(passId);
    if (pass) ids.add(pass.tellerId);
  }
  return [...ids].map((id) => personName(store, id));
}

/** Why a round has no result to show yet, in the words of the step it is waiting for. */
export function notReady(store: Store, at: Located): RoundNotReady {
  const { round } = at;
  return {
    round: resultRound(round, at.rounds),
    notice: noticeOf(at),
    unlocks: unlocksOf(store, round.id),
  };
}

function noticeOf({ round }: Located): string {
  switch (round.state) {
    case 'counting':
      return (
        '本轮正在计票：各票箱录入完成（双人录入的须核对一致）、合计等于收回选票，' +
        '并在“录入”步骤结束录入后，这里显示计票结果'
      );
    case 'void':
      return `本轮已作废：${round.voidReason ?? ''}`;
    default:
      return `本轮${roundStatePhrases[round.state]}，投票结束、录入完成后才有计票结果`;
  }
}

function unlocksOf(store: Store, roundId: number): UnlockRecord[] {
  return store.elections.unlocksOf(roundId).map((u) => ({
    by: personName(store, u.byPerson),
    at: u.at,
    reason: u.reason,
  }));
}
