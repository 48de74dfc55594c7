import { applyBallot, emptyTally, type BallotRules, type Tally } from './ballots';
import type { Ballot, BallotGroup } from './types';

/** Counts individual ballots, as the entry screen stores them. */
export function countBallots(rules: BallotRules, ballots: Iterable<Ballot>): Tally {
  const tally = emptyTally(rules.candidates.length);
  for (const ballot of ballots) applyBallot(tally, ballot, 1, rules);
  return tally;
}

/** Counts groups of identical ballots, as a scenario lists them. */
export function countGroups(rules: BallotRules, groups: readonly BallotGroup[]): Tally {
  const tally = emptyTally(rules.candidates.length);
  for (const group of groups) applyBallot(tally, group, group.n, rules);
  return tally;
}

export interface CandidateCounts {
  name: string;
  for: number;
  against: number;
  abstain: number;
}

export interface Counts {
  valid: number;
  invalid: number;
  candidates: CandidateCounts[];
  /** Written names with at least one counted vote, most votes first. */
  writeIns: { name: string; for: number }[];
}

export function countsOf(tally: Tally, rules: BallotRules): Counts {
  return {
    valid: tally.valid,
    invalid: tally.invalid,
    candidates: rules.candidates.map((name, i) => {
      const votesFor = tally.for[i] ?? 0;
      const against = tally.against[i] ?? 0;
      return { name, for: votesFor, against, abstain: tally.valid - votesFor - against };
    }),
    writeIns: [...tally.writeIns]
      .map(([name, votes]) => ({ name, for: votes }))
      .sort((a, b) => b.for - a.for || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
