import type { Election, Round } from '../../db/elections';
import type { Store } from '../../db/store';
import type { EntryRound } from '../../shared/api/entry';
import { fail, ok, type Result } from '../../shared/api/result';
import { ballotReader, type BallotReader } from '../../shared/domain/paper-ballot';
import { isBeforeVoting } from '../../shared/domain/rounds';
import { roundStatePhrases } from '../../shared/strings/setup';
import type { RuleOptions } from '../../shared/tally/types';
import { congressRules } from '../platform/congress-rules';

/** A round with what entering its ballots needs: the paper's candidates and how it is read. */
export interface RoundContext {
  round: Round;
  election: Election;
  record: EntryRound;
  reader: BallotReader;
}

interface Paper {
  signature: string;
  candidates: string[];
  reader: BallotReader;
}

/** Ballot papers of rounds past printing, per open file: read once, not on every commit. */
const papers = new WeakMap<Store, Map<number, Paper>>();

/**
 * The candidates and the reader of a round's ballot paper. Once voting has started the list can
 * never change (set-up refuses, the schema freezes it with the first ballot), so it is kept.
 */
function paperOf(store: Store, round: Round, limit: number, rules: RuleOptions): Paper {
  const signature = `${round.kind}|${limit}|${rules.writeInWithoutMark}`;
  const kept = papers.get(store)?.get(round.id);
  if (kept?.signature === signature) return kept;
  const candidates = store.elections.candidatesOf(round.id).map((c) => c.name);
  const reader = ballotReader(candidates, limit, {
    writeInWithoutMark: rules.writeInWithoutMark,
    preliminary: round.kind === 'preliminary',
  });
  const paper = { signature, candidates, reader };
  if (!isBeforeVoting(round.state)) {
    const kept = papers.get(store) ?? new Map<number, Paper>();
    kept.set(round.id, paper);
    papers.set(store, kept);
  }
  return paper;
}

/** The round with its election, candidates and rules; undefined if any of them is gone. */
export function roundContext(store: Store, roundId: number): RoundContext | undefined {
  const round = store.elections.roundById(roundId);
  const election = round && store.elections.byId(round.electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!round || !election || !congress) return undefined;
  const rules = congressRules(congress);
  const { writeInWithoutMark } = rules;
  const limit =
    round.kind === 'preliminary' ? (round.formalCandidates ?? round.seats) : round.seats;
  const { candidates, reader } = paperOf(store, round, limit, rules);
  const record: EntryRound = {
    id: round.id,
    electionId: election.id,
    title: election.title,
    kind: round.kind,
    state: round.state,
    seats: round.seats,
    limit,
    doubleEntry: election.doubleEntry,
    candidates,
    // A runoff is a vote among the tied names only: nobody else may be written in.
    writeInBlanks: round.kind === 'runoff' ? 0 : election.writeInBlanks,
    writeInWithoutMark,
    issued: round.issued,
    returned: round.returned,
  };
  return { round, election, record, reader };
}

/** Entry changes anything only while the round is being counted. */
export function whileCounting(context: RoundContext): Result<RoundContext> {
  const { round, election } = context;
  if (round.state === 'counting') return ok(context);
  const hint =
    round.state === 'counted' || round.state === 'certified'
      ? '；如需更正，须先由总监票人退回重新计票'
      : round.state === 'void'
        ? ''
        : '；须先在“发票”步骤登记收回的选票';
  return fail(
    'invalid-state',
    `“${election.title}”本轮${roundStatePhrases[round.state]}，不能录入或更改选票${hint}`,
  );
}
