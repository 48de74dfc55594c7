export { ballotRules, type BallotRules, type Tally } from './ballots';
export { countBallots, countGroups, countsOf, type CandidateCounts, type Counts } from './count';
export { createCounter, type Counter } from './counter';
export { parseRound, type ParseResult } from './input';
export { PROFILE_RULES, resolveOptions, type Profile } from './profiles';
export { tallyRound } from './round';
export * from './types';
