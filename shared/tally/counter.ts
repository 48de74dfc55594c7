import { applyBallot, ballotRules, emptyTally, type BallotRules } from './ballots';
import { countsOf, type Counts } from './count';
import type { Ballot, RuleOptions } from './types';

/** Live counts for the tally board, updated one ballot at a time. */
export interface Counter {
  add(ballot: Ballot): void;
  /** Takes back a ballot added before (a voided entry). */
  remove(ballot: Ballot): void;
  counts(): Counts;
}

/**
 * `limit` is the most "for" marks a valid ballot carries: the seats, or formalCandidates in a
 * preliminary round. add and remove cost O(candidates), whatever the number of ballots.
 */
export function createCounter(
  candidates: readonly string[],
  limit: number,
  options: Partial<Pick<RuleOptions, 'writeInWithoutMark'>> = {},
): Counter {
  const rules: BallotRules = ballotRules(candidates, limit, options.writeInWithoutMark);
  const tally = emptyTally(candidates.length);
  return {
    add: (ballot) => applyBallot(tally, ballot, 1, rules),
    remove: (ballot) => applyBallot(tally, ballot, -1, rules),
    counts: () => countsOf(tally, rules),
  };
}
