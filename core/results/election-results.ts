import type { Congress } from '../../db/congresses';
import type { Election, Round } from '../../db/elections';
import type { Store } from '../../db/store';
import type { ElectedName, ElectionResults, ResultRound } from '../../shared/api/results';
import { roundLabel } from '../../shared/strings/issuance';
import { roundStatePhrases } from '../../shared/strings/setup';
import { congressRules } from '../platform/congress-rules';
import { combinedOrder, orderNote, orderWarnings } from './elected';
import { numbered } from '../platform/round-number';
import type { Located } from '../platform/lookup';
import { tallyOf } from './tally-input';
import { qualifiesOnly } from './formal';

export function resultRound(round: Round, rounds: readonly Round[]): ResultRound {
  return {
    id: round.id,
    number: numbered(round, rounds).number,
    label: roundLabel(numbered(round, rounds)),
    kind: round.kind,
    seats: round.seats,
    state: round.state,
    parentRoundId: round.parentRoundId,
  };
}

export interface ElectionAt {
  election: Election;
  congress: Congress;
  rounds: Round[];
}

/** The certified rounds that elect (a 预选 and its runoffs only qualify), each with its tally. */
function certifiedTallies(store: Store, at: ElectionAt, upTo: number) {
  return at.rounds
    .filter((r) => r.state === 'certified' && !qualifiesOnly(r, at.rounds) && r.id <= upTo)
    .map((round) => ({ round, ...tallyOf(store, { ...at, round }) }));
}

/**
 * The election's elected list over its certified rounds (up to round `upTo`, for announcing a
 * round as it was then), in announcement order.
 */
export function electedNames(store: Store, at: ElectionAt, upTo = Infinity): ElectedName[] {
  // The order approved for 书记/副书记 is the first formal round's list (a 预选's comes before).
  const firstFormal = at.rounds.find((r) => r.kind === 'formal');
  const names = certifiedTallies(store, at, upTo).flatMap(({ round, result }) => {
    const label = resultRound(round, at.rounds).label;
    return result.elected.map((name) => {
      const found = result.results.find((r) => r.name === name);
      if (!found) throw new Error(`round ${round.id}: elected ${name} has no result`);
      return {
        name,
        votes: found.for,
        roundId: round.id,
        roundLabel: label,
        writeIn: found.writeIn,
      };
    });
  });
  return combinedOrder(names, {
    office: at.election.office,
    nameOrder: congressRules(at.congress).nameOrder,
    roundIds: at.rounds.map((r) => r.id),
    givenOrder: firstFormal ? store.elections.candidatesOf(firstFormal.id).map((c) => c.name) : [],
  });
}

/** The seats still to fill: the election's, less those the chair reduced after a certified round. */
function seatsNow(store: Store, at: ElectionAt): number {
  const reduced = at.rounds
    .filter((r) => r.state === 'certified')
    .map((r) => store.elections.seatReductionOf(r.id))
    .reduce((sum, d) => sum + (d ? d.seatsBefore - d.seatsAfter : 0), 0);
  return at.election.seats - reduced;
}

export function electionResults(store: Store, at: ElectionAt): ElectionResults {
  const { election, congress, rounds } = at;
  const elected = electedNames(store, at);
  const seats = seatsNow(store, at);
  const pending = pendingWork(at, elected.length, seats);
  return {
    electionId: election.id,
    title: election.title,
    office: election.office,
    seats,
    rounds: rounds.map((r) => resultRound(r, rounds)),
    elected,
    orderNote: orderNote(election.office),
    complete: pending === null,
    pending,
    orderWarnings: orderWarnings(
      elected.map((e) => e.name),
      election.office,
      congressRules(congress).nameOrder,
    ),
  };
}

/** What keeps the election from being complete, in words; null when nothing does. */
function pendingWork(at: ElectionAt, filled: number, seats: number): string | null {
  const { rounds } = at;
  const open = rounds.flatMap((round) => {
    const label = resultRound(round, rounds).label;
    if (round.state === 'certified') return [];
    if (round.state !== 'void') return [`${label}${roundStatePhrases[round.state]}，尚未签核`];
    const repeated = rounds.some((r) => r.parentRoundId === round.id);
    return repeated ? [] : [`${label}已作废，须重新选举`];
  });
  if (open.length > 0) return open.join('；');
  if (!rounds.some((r) => r.kind === 'formal' && r.state !== 'void')) {
    return '预选结果已签核，尚未用预选结果开启正式选举';
  }
  if (filled < seats) {
    return `已当选 ${filled} 名，尚缺 ${seats - filled} 名：须另行选举，或由大会决定减少名额`;
  }
  return null;
}

/** The round a tally's follow-up went to: its 再次投票 or 另行选举, through any 重新选举 of it. */
export function followUpRound(at: Located): Round | undefined {
  let next = at.rounds.find(
    (r) => r.parentRoundId === at.round.id && (r.kind === 'runoff' || r.kind === 'supplementary'),
  );
  while (next?.state === 'void') {
    const voided: Round = next;
    const repeat = at.rounds.find((r) => r.parentRoundId === voided.id);
    if (!repeat) return voided;
    next = repeat;
  }
  return next;
}
