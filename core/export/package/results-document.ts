import type { Congress } from '../../../db/congresses';
import type { Election, Round } from '../../../db/elections';
import type { Store } from '../../../db/store';
import {
  resultsFormat,
  resultsVersion,
  type NotExported,
  type ResultsDocument,
  type ResultsElection,
  type ResultsRound,
  type TallyParameters,
} from '../../../shared/export/results';
import { PROFILE_RULES } from '../../../shared/tally/profiles';
import type { BallotGroup, RoundInput, RoundResult } from '../../../shared/tally';
import { resultRound } from '../../results/election-results';
import { personName } from '../../results/round-results';
import { tallyOf } from '../../results/tally-input';

/*
 * results.json from the database: each certified round with the engine's input parameters and
 * its result. Read inside one read transaction (the caller's), so that every file of a package
 * describes the same moment.
 */

export interface RoundBallots {
  roundId: number;
  groups: readonly BallotGroup[];
  candidates: number;
}

export interface ResultsContent {
  document: ResultsDocument;
  /** The counted ballots of each exported round, for ballots.json. */
  ballots: RoundBallots[];
}

export function resultsContent(store: Store, congress: Congress): ResultsContent {
  const elections: ResultsElection[] = [];
  const notExported: NotExported[] = [];
  const ballots: RoundBallots[] = [];
  for (const election of store.elections.listByCongress(congress.id)) {
    const rounds = store.elections.roundsOf(election.id);
    const exported: ResultsRound[] = [];
    for (const round of rounds) {
      if (round.state !== 'certified') {
        notExported.push(notExportedRound(election, round, rounds));
        continue;
      }
      const { input, result } = tallyOf(store, { round, election, congress, rounds });
      exported.push(resultsRound(store, round, rounds, input, result));
      ballots.push({
        roundId: round.id,
        groups: input.ballots,
        candidates: input.candidates.length,
      });
    }
    if (exported.length > 0) elections.push(electionOf(election, exported));
  }
  return {
    document: {
      format: resultsFormat,
      version: resultsVersion,
      congress: congressOf(congress),
      elections,
      notExported,
    },
    ballots,
  };
}

function congressOf(congress: Congress): ResultsDocument['congress'] {
  const { id, name, term, organiser, venue, heldOn, profile } = congress;
  return { id, name, term, organiser, venue, heldOn, profile };
}

function electionOf(election: Election, rounds: ResultsRound[]): ResultsElection {
  const { id, title, office, seats } = election;
  return { id, title, office, seats, rounds };
}

function resultsRound(
  store: Store,
  round: Round,
  rounds: readonly Round[],
  input: RoundInput,
  result: RoundResult,
): ResultsRound {
  const { number, label } = resultRound(round, rounds);
  if (round.certifiedAt === null || round.certifiedBy === null) {
    throw new Error(`round ${round.id} is certified without who and when`);
  }
  const reduction = store.elections.seatReductionOf(round.id);
  return {
    id: round.id,
    number,
    label,
    parentRoundId: round.parentRoundId,
    certifiedAt: round.certifiedAt,
    certifiedBy: personName(store, round.certifiedBy),
    parameters: parametersOf(input),
    result,
    seatReduction: reduction
      ? {
          seatsBefore: reduction.seatsBefore,
          seatsAfter: reduction.seatsAfter,
          decidedBy: reduction.decidedBy,
          reason: reduction.reason,
          recordedBy: personName(store, reduction.recordedBy),
          at: reduction.at,
        }
      : null,
    eligibility: store.results.confirmationsOf(round.id).map((c) => ({
      name: c.name,
      note: c.note,
      confirmedBy: personName(store, c.confirmedBy),
      at: c.at,
      eligible: c.eligible,
    })),
  };
}

/**
 * The engine's input without its ballots. Only the options the profile lets a congress set are
 * stated: the others are the profile's defaults, and the engine's input check refuses them.
 */
function parametersOf(input: RoundInput): TallyParameters {
  const settable = PROFILE_RULES[input.profile].options;
  const options = Object.fromEntries(
    Object.entries(input.options ?? {}).filter(([key]) =>
      settable.some((allowed) => allowed === key),
    ),
  );
  return {
    profile: input.profile,
    options,
    round: input.round,
    office: input.office,
    seats: input.seats,
    formalCandidates: input.formalCandidates ?? null,
    candidates: [...input.candidates],
    electorate: { entitled: input.electorate.entitled, present: input.electorate.present ?? null },
    issued: input.issued,
    returned: input.returned,
    ...(input.ineligible?.length ? { ineligible: [...input.ineligible] } : {}),
  };
}

export function notExportedReason(round: Round): string {
  switch (round.state) {
    case 'draft':
    case 'printed':
      return '尚未投票';
    case 'voting':
      return '正在投票';
    case 'counting':
      return '正在计票（录入尚未完成）';
    case 'counted':
      return '已计票，尚未经总监票人签核';
    case 'void':
      return `本轮已作废${round.voidReason ? `：${round.voidReason}` : ''}`;
    case 'certified':
      throw new Error(`round ${round.id} is certified: it is exported`);
  }
}

function notExportedRound(election: Election, round: Round, rounds: readonly Round[]): NotExported {
  return {
    roundId: round.id,
    electionId: election.id,
    election: election.title,
    label: resultRound(round, rounds).label,
    state: round.state,
    reason: notExportedReason(round),
  };
}
