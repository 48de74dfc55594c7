import { normalizeName } from '../names/collate';
import type { Ballot, WriteIn } from './types';

const FOR = 0x4f; // O
const AGAINST = 0x58; // X
const NO_MARK = 0x2d; // -
const UNCLEAR = 0x3f; // ?

/** What decides how one ballot is read. */
export interface BallotRules {
  readonly candidates: readonly string[];
  /** The candidates' names as written names are compared with them. */
  readonly candidateNames: ReadonlySet<string>;
  /** The most "for" marks a valid ballot may carry: seats, or formalCandidates in 预选. */
  readonly limit: number;
  readonly writeInWithoutMark: 'ignore' | 'for';
}

/** Running counts. Abstentions are not kept: abstain = valid − for − against per candidate. */
export interface Tally {
  valid: number;
  invalid: number;
  /** Of the invalid: ballots with more "for" marks than the limit. */
  overVoted: number;
  readonly for: Float64Array;
  readonly against: Float64Array;
  readonly writeIns: Map<string, number>;
  /** Written names equal to a listed candidate, which are not counted (see writtenFor). */
  readonly writtenCandidates: Map<string, number>;
}

export function ballotRules(
  candidates: readonly string[],
  limit: number,
  writeInWithoutMark: BallotRules['writeInWithoutMark'] = 'ignore',
): BallotRules {
  return {
    candidates,
    candidateNames: new Set(candidates.map(normalizeName)),
    limit,
    writeInWithoutMark,
  };
}

export function emptyTally(candidateCount: number): Tally {
  return {
    valid: 0,
    invalid: 0,
    overVoted: 0,
    for: new Float64Array(candidateCount),
    against: new Float64Array(candidateCount),
    writeIns: new Map(),
    writtenCandidates: new Map(),
  };
}

const NOTHING_WRITTEN: readonly string[] = [];

/**
 * Adds `weight` copies of a ballot to the tally (a negative weight takes them away). This is the
 * whole of RULES.md step 3 and 4 for one ballot, shared by the full count and the live counter so
 * that the two cannot disagree. No allocation unless the ballot carries written names.
 */
export function applyBallot(
  tally: Tally,
  ballot: Ballot,
  weight: number,
  rules: BallotRules,
): void {
  if (ballot.invalid === true) {
    tally.invalid += weight;
    return;
  }
  const marks = ballot.marks;
  const count = rules.candidates.length;
  if (marks.length !== count) {
    throw new Error(`marks has ${marks.length} characters for ${count} candidates`);
  }
  let forMarks = 0;
  for (let i = 0; i < count; i++) {
    const mark = marks.charCodeAt(i);
    if (mark === FOR) forMarks++;
    else if (mark !== AGAINST && mark !== NO_MARK && mark !== UNCLEAR) {
      throw new Error(`unknown mark ${marks.charAt(i)}`);
    }
  }
  const written = ballot.writeIns?.length
    ? writtenFor(ballot.writeIns, rules, tally, weight)
    : NOTHING_WRITTEN;
  if (forMarks + written.length > rules.limit) {
    tally.invalid += weight;
    tally.overVoted += weight;
    return;
  }
  tally.valid += weight;
  const votesFor = tally.for;
  const against = tally.against;
  for (let i = 0; i < count; i++) {
    const mark = marks.charCodeAt(i);
    if (mark === FOR) votesFor[i] = (votesFor[i] ?? 0) + weight;
    else if (mark === AGAINST) against[i] = (against[i] ?? 0) + weight;
  }
  for (const name of written) addTo(tally.writeIns, name, weight);
}

/**
 * The written names that count as "for" on this ballot, each once. A written name equal to a
 * listed candidate is not a write-in: the blank is for someone not on the ballot, and counting it
 * would give that candidate a second mark on one ballot (or a ○ beside their own ×). The box
 * printed for the candidate decides; the tally keeps such names so the operator is told.
 */
function writtenFor(
  writeIns: readonly WriteIn[],
  rules: BallotRules,
  tally: Tally,
  weight: number,
): string[] {
  const names: string[] = [];
  for (const writeIn of writeIns) {
    const name = normalizeName(writeIn.name);
    if (name === '') continue;
    if (rules.candidateNames.has(name)) {
      addTo(tally.writtenCandidates, name, weight);
      continue;
    }
    const counts = writeIn.mark === 'O' || rules.writeInWithoutMark === 'for';
    if (counts && !names.includes(name)) names.push(name);
  }
  return names;
}

function addTo(counts: Map<string, number>, name: string, weight: number): void {
  const next = (counts.get(name) ?? 0) + weight;
  if (next === 0) counts.delete(name);
  else counts.set(name, next);
}
