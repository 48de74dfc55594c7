import { compareNames } from '../names/collate';
import { ballotRules } from './ballots';
import { countGroups, countsOf, type Counts } from './count';
import { rank, type Contender, type Ranking } from './determine';
import {
  explainBallots,
  explainOutcome,
  explainRunoff,
  explainShortfall,
  type Telling,
} from './explain';
import { announcementOrder } from './order';
import { PROFILE_RULES, resolveOptions, type Profile } from './profiles';
import { checkAccounting, checkQuorum, type QuorumCheck } from './quorum';
import { proposeSupplementary } from './shortfall';
import { checkSlate } from './slate';
import { roundThreshold } from './threshold';
import type {
  Determination,
  NameResult,
  Outcome,
  RoundInput,
  RoundResult,
  RuleOptions,
  SeatsAndNames,
  SlateCheck,
} from './types';
import { eligibilityWarnings, writtenCandidateWarnings } from './warnings';

/** Tallies one round: RULES.md's order of checks, from quorum to the announcement order. */
export function tallyRound(input: RoundInput): RoundResult {
  const profile = PROFILE_RULES[input.profile];
  const options = resolveOptions(profile, input.options);
  const quorum = checkQuorum(profile, options, input);
  const slate =
    input.round === 'formal'
      ? checkSlate(profile, input.office, input.seats, input.candidates.length)
      : null;
  const frame: Frame = { input, quorum, slate };
  if (!quorum.met) return voidRound(frame, 'quorum', []);
  const accounting = checkAccounting(profile, input);
  if (!accounting.ok) {
    return voidRound(frame, 'returned-exceeds-issued', [accounting.determination]);
  }
  return countRound(frame, profile, options, accounting.determination);
}

/** What every round reports, counted or not. */
interface Frame {
  input: RoundInput;
  quorum: QuorumCheck;
  slate: (SlateCheck & { determination: Determination }) | null;
}

function frameFields(frame: Frame) {
  const { input, quorum, slate } = frame;
  return {
    quorum: { required: quorum.required, present: quorum.present, met: quorum.met },
    slate: slate && {
      minCandidates: slate.minCandidates,
      maxCandidates: slate.maxCandidates,
      ok: slate.ok,
    },
    issued: input.issued,
    returned: input.returned,
  };
}

/** A void round counts nothing: it is held again (重新选举). */
function voidRound(
  frame: Frame,
  reason: 'quorum' | 'returned-exceeds-issued',
  determinations: Determination[],
): RoundResult {
  const { quorum, slate, issued, returned } = frameFields(frame);
  return {
    status: 'invalid',
    invalidReason: reason,
    quorum,
    ballots: { issued, returned, valid: null, invalid: null },
    threshold: null,
    results: [],
    elected: [],
    vacancies: placesOf(frame.input),
    runoff: null,
    supplementary: null,
    slate,
    determinations: [
      frame.quorum.determination,
      ...determinations,
      ...(frame.slate ? [frame.slate.determination] : []),
    ],
    warnings: [],
  };
}

/** Seats, or in a preliminary round the formal candidates to produce. */
function placesOf(input: RoundInput): number {
  if (input.round !== 'preliminary') return input.seats;
  if (input.formalCandidates === undefined) {
    throw new Error('a preliminary round needs formalCandidates');
  }
  return input.formalCandidates;
}

function countRound(
  frame: Frame,
  profile: Profile,
  options: RuleOptions,
  accounting: Determination,
): RoundResult {
  const { input } = frame;
  const places = placesOf(input);
  const rules = ballotRules(input.candidates, places, options.writeInWithoutMark);
  const tally = countGroups(rules, input.ballots);
  const counts = countsOf(tally, rules);
  const threshold = roundThreshold(profile, options, input);
  const contenders = contendersOf(counts);
  const decision = decide(contenders, places, threshold.passes, profile, options, input);
  const announcement = announcementOrder(
    decision.ranking.chosen.map((c) => c.name),
    {
      profile,
      office: input.office,
      round: input.round,
      nameOrder: options.nameOrder,
      votes: new Map(contenders.map((c) => [c.name, c.votes])),
      candidates: input.candidates,
    },
  );
  const telling: Telling = { input, profile, threshold, places };
  const { quorum, slate, issued, returned } = frameFields(frame);
  return {
    status: 'valid',
    invalidReason: null,
    quorum,
    ballots: { issued, returned, valid: tally.valid, invalid: tally.invalid },
    threshold: threshold.minVotes === null ? null : { minVotes: threshold.minVotes },
    results: resultsOf(counts, decision.outcomeOf),
    elected: announcement.names,
    vacancies: decision.ranking.vacancies,
    runoff: decision.runoff,
    supplementary: decision.supplementary,
    slate,
    determinations: [
      frame.quorum.determination,
      accounting,
      ...explainBallots(telling, tally),
      threshold.determination,
      ...explainDecision(telling, contenders, decision),
      ...(frame.slate ? [frame.slate.determination] : []),
      announcement.determination,
    ],
    warnings: [
      ...announcement.warnings,
      ...writtenCandidateWarnings(tally.writtenCandidates),
      ...eligibilityWarnings(decision.ranking.chosen.filter((c) => c.writeIn).map((c) => c.name)),
    ],
  };
}

function contendersOf(counts: Counts): Contender[] {
  return [
    ...counts.candidates.map((c) => ({ name: c.name, votes: c.for, writeIn: false })),
    ...counts.writeIns.map((w) => ({ name: w.name, votes: w.for, writeIn: true })),
  ];
}

interface Decision {
  ranking: Ranking;
  outcomeOf: (name: string) => Outcome;
  runoff: SeatsAndNames | null;
  supplementary: SeatsAndNames | null;
}

/** Steps 5 to 7: who passes, who is elected, who goes to a runoff, what a shortfall proposes. */
function decide(
  contenders: readonly Contender[],
  places: number,
  passes: (votes: number) => boolean,
  profile: Profile,
  options: RuleOptions,
  input: RoundInput,
): Decision {
  const ranking = setAside(rank(contenders, places, passes), input.ineligible ?? []);
  const byStrokes = (a: string, b: string) => compareNames(a, b, options.nameOrder);
  const outcomes = new Map<string, Outcome>();
  const chosen: Outcome = input.round === 'preliminary' ? 'qualified' : 'elected';
  for (const c of ranking.chosen) outcomes.set(c.name, chosen);
  for (const c of ranking.tied) outcomes.set(c.name, 'runoff');
  const outcomeOf = (name: string): Outcome => outcomes.get(name) ?? 'not-elected';
  const runoff =
    ranking.tied.length > 0
      ? { seats: ranking.tiedSeats, candidates: ranking.tied.map((c) => c.name).sort(byStrokes) }
      : null;
  const ineligible = new Set(input.ineligible);
  const unelected = contenders.filter(
    (c) => outcomeOf(c.name) === 'not-elected' && !ineligible.has(c.name),
  );
  const supplementary =
    ranking.vacancies > 0
      ? {
          seats: ranking.vacancies,
          candidates: proposeSupplementary(
            unelected,
            ranking.vacancies,
            profile.proposal,
            byStrokes,
          ),
        }
      : null;
  return { ranking, outcomeOf, runoff, supplementary };
}

/**
 * A written-in name found ineligible is not elected, and its seat is not passed down to the next
 * name: it is vacant, as a seat no passing name fills.
 */
function setAside(ranking: Ranking, ineligible: readonly string[]): Ranking {
  const out = (c: Contender) => c.writeIn && ineligible.includes(c.name);
  const removed = ranking.chosen.filter(out).length;
  if (removed === 0) return ranking;
  return {
    ...ranking,
    chosen: ranking.chosen.filter((c) => !out(c)),
    vacancies: ranking.vacancies + removed,
  };
}

function resultsOf(counts: Counts, outcomeOf: (name: string) => Outcome): NameResult[] {
  return [
    ...counts.candidates.map((c) => ({
      ...c,
      writeIn: false as const,
      outcome: outcomeOf(c.name),
    })),
    ...counts.writeIns.map((w) => ({ ...w, writeIn: true as const, outcome: outcomeOf(w.name) })),
  ];
}

function explainDecision(
  telling: Telling,
  contenders: readonly Contender[],
  decision: Decision,
): Determination[] {
  const { ranking, runoff, supplementary } = decision;
  return [
    ...contenders.map((c) => explainOutcome(telling, c, decision.outcomeOf(c.name), ranking)),
    ...(runoff ? [explainRunoff(telling, runoff, ranking.tied[0]?.votes ?? 0)] : []),
    ...(supplementary ? [explainShortfall(telling, ranking.chosen.length, supplementary)] : []),
  ];
}
