import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { engineBallot, type BallotReader } from '../../shared/domain/paper-ballot';
import {
  tallyRound,
  type BallotGroup,
  type RoundInput,
  type RoundResult,
} from '../../shared/tally';
import { congressRules } from '../platform/congress-rules';
import type { Located } from '../platform/lookup';
import { roundContext } from '../entry/round';

/** Entry is closed (every box entered, reconciled under double entry, adding up): it has a tally. */
export function isTallied(round: Round): boolean {
  return round.state === 'counted' || round.state === 'certified';
}

export interface Tallied {
  input: RoundInput;
  result: RoundResult;
}

/**
 * A certified round cannot change (no entry, no edit; only an unlock reopens it, and each unlock
 * is recorded), so its tally is kept, per store, under its certification, its unlocks and the
 * congress's rules: an export and the reports in it read the ballots of a 100,000-ballot round
 * once, not once per report.
 */
const certifiedTallies = new WeakMap<Store, Map<string, Tallied>>();

/** The engine's tally of a counted round, from what the store holds, read in one transaction. */
export function tallyOf(store: Store, at: Located): Tallied {
  const { round, congress } = at;
  const key =
    round.state === 'certified'
      ? [
          round.id,
          round.certifiedAt,
          store.elections.unlocksOf(round.id).length,
          congress.profile,
          JSON.stringify(congress.options),
        ].join('@')
      : undefined;
  const kept = certifiedTallies.get(store) ?? new Map<string, Tallied>();
  const hit = key === undefined ? undefined : kept.get(key);
  if (hit) return hit;
  const input = store.read(() => tallyInput(store, at));
  const tallied = { input, result: tallyRound(input) };
  if (key !== undefined) certifiedTallies.set(store, kept.set(key, tallied));
  return tallied;
}

/**
 * The engine's input for a round: the congress's rules, the 应到 and 实到 frozen at issuance, the
 * ballots issued and returned, the candidates in ballot order, and the counted ballots (identical
 * papers grouped, which the engine counts as one).
 */
function tallyInput(store: Store, at: Located): RoundInput {
  const { round, election, congress } = at;
  const { entitled, issued, returned } = round;
  if (entitled === null || issued === null || returned === null) {
    throw new Error(`round ${round.id} is tallied before its ballots were issued and returned`);
  }
  const context = roundContext(store, round.id);
  if (!context) throw new Error(`round ${round.id} has no election or congress`);
  const ballots = groupedBallots(store, round.id, context.reader);
  const ineligible = store.results.ineligibleOf(round.id);
  const total = ballots.reduce((sum, group) => sum + group.n, 0);
  if (total !== returned) {
    // entry.finish checks this before a round is counted, and nothing changes a counted round.
    throw new Error(`round ${round.id}: ${total} ballots counted, ${returned} returned`);
  }
  return {
    profile: congress.profile,
    options: congressRules(congress),
    round: round.kind,
    office: election.office,
    seats: round.seats,
    ...(round.formalCandidates === null ? {} : { formalCandidates: round.formalCandidates }),
    candidates: context.record.candidates,
    electorate: { entitled, ...(round.present === null ? {} : { present: round.present }) },
    issued,
    returned,
    ballots,
    ...(ineligible.length === 0 ? {} : { ineligible }),
  };
}

function groupedBallots(store: Store, roundId: number, reader: BallotReader): BallotGroup[] {
  const groups = new Map<string, BallotGroup>();
  for (const stored of store.ballots.counted(roundId)) {
    const ballot = engineBallot(reader, stored);
    const key =
      ballot.invalid === true
        ? 'invalid'
        : `${ballot.marks}|${(ballot.writeIns ?? []).map((w) => `${w.mark}${w.name}`).join('\n')}`;
    const group = groups.get(key);
    groups.set(key, { ...ballot, n: (group?.n ?? 0) + 1 });
  }
  return [...groups.values()];
}
