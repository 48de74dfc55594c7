import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import type { FollowUp, SeatReductionRecord } from '../../shared/api/results';
import { compareNames, normalizeName } from '../../shared/names';
import { isBeforeVoting } from '../../shared/domain/rounds';
import { ballotTitle, roundStatePhrases } from '../../shared/strings/setup';
import type { RoundResult, SeatsAndNames } from '../../shared/tally';
import { PROFILE_RULES } from '../../shared/tally/profiles';
import { orderCandidates } from '../setup/candidates';
import { congressRules } from '../platform/congress-rules';
import { audit, type Actor, type ServiceContext } from '../platform/context';
import { electedNames, followUpRound, resultRound } from './election-results';
import { paperChange, reopenForReprint } from '../setup/reprint';
import type { Session } from '../platform/session-registry';
import type { Located } from '../platform/lookup';
import { moveRound } from '../platform/round-state';
import { isTallied, tallyOf } from './tally-input';
import { formalFollowUp, qualifiesOnly } from './formal';

/*
 * What a round's result calls for next (RULES.md steps 6 and 7): a tie at the last seat is voted
 * again among the tied names; a shortfall is filled by a 另行选举 among this election's unelected
 * names, or the chair reduces the seats. The follow-up round links to its parent (parent_round_id).
 */

export function followUpOf(store: Store, at: Located, result: RoundResult): FollowUp {
  const next = followUpRound(at);
  const listed = next && resultRound(next, store.elections.roundsOf(at.election.id));
  if (result.runoff) {
    return {
      kind: 'runoff',
      ...result.runoff,
      round: next?.kind === 'runoff' ? (listed ?? null) : null,
    };
  }
  if (qualifiesOnly(at.round, at.rounds)) {
    return at.round.state === 'certified' && result.status === 'valid'
      ? formalFollowUp(store, at, result)
      : { kind: 'none' };
  }
  if (result.status !== 'valid' || result.vacancies === 0) {
    return { kind: 'none' };
  }
  const seats = openSeats(store, at, result);
  const supplementary = next?.kind === 'supplementary' && listed ? listed : null;
  return {
    kind: 'shortfall',
    vacancies: result.vacancies,
    seats,
    proposed: result.supplementary?.candidates ?? [],
    eligible: unelectedNames(store, at),
    ...supplementaryBounds(at, seats),
    round: supplementary && {
      ...supplementary,
      candidates: store.elections.candidatesOf(supplementary.id).map((c) => c.name),
    },
    reduction: reductionRecord(store, at.round.id),
  };
}

function reductionRecord(store: Store, roundId: number): SeatReductionRecord | null {
  const d = store.elections.seatReductionOf(roundId);
  if (!d) return null;
  const { seatsBefore, seatsAfter, decidedBy, reason, at } = d;
  const recordedBy = store.people.byId(d.recordedBy)?.name ?? `人员 ${d.recordedBy}`;
  return { seatsBefore, seatsAfter, decidedBy, reason, recordedBy, at };
}

/** Seats a 另行选举 after this round fills: its vacancies, less any the chair reduced. */
function openSeats(store: Store, at: Located, result: RoundResult): number {
  const d = store.elections.seatReductionOf(at.round.id);
  return result.vacancies - (d ? d.seatsBefore - d.seatsAfter : 0);
}

/** The 差额 of a 另行选举 list: as many names as the engine proposes at least (RULES.md step 7). */
function supplementaryBounds(at: Located, seats: number) {
  const profile = PROFILE_RULES[at.congress.profile];
  return {
    minCandidates: seats > 0 ? profile.proposal.size(seats) : 0,
    maxCandidates: seats > 0 ? profile.slate(at.election.office).max(seats) : null,
  };
}

/**
 * The names a 另行选举 may list: every name of this election's counted rounds (candidates and
 * written-in names with votes) not elected in a certified round and not found ineligible, in
 * stroke order.
 */
function unelectedNames(store: Store, at: Located): string[] {
  const elected = new Set(electedNames(store, at).map((e) => normalizeName(e.name)));
  const names = new Map<string, string>();
  for (const round of at.rounds) {
    if (!isTallied(round) || qualifiesOnly(round, at.rounds)) continue;
    const { input, result } = tallyOf(store, { ...at, round });
    for (const r of result.results) {
      const key = normalizeName(r.name);
      if (!elected.has(key) && !input.ineligible?.includes(r.name)) names.set(key, r.name);
    }
  }
  const nameOrder = congressRules(at.congress).nameOrder;
  return [...names.values()].sort((a, b) => compareNames(a, b, nameOrder));
}

/**
 * Opens the 再次投票 of a tie at the last seat, among the tied names for the seats left, ready to
 * print. Called inside the certification's transaction.
 */
export function openRunoff(ctx: ServiceContext, actor: Actor, at: Located, runoff: SeatsAndNames) {
  const { store } = ctx;
  const parentOrder = store.elections.candidatesOf(at.round.id).map((c) => c.name);
  const given = [...runoff.candidates].sort(
    (a, b) => placeIn(parentOrder, a) - placeIn(parentOrder, b),
  );
  const ordered = orderCandidates(
    given.map((name) => ({ name, note: '' })),
    at.election.office,
    congressRules(at.congress).nameOrder,
  );
  const round = store.elections.createRound({
    electionId: at.election.id,
    kind: 'runoff',
    seats: runoff.seats,
    parentRoundId: at.round.id,
  });
  store.elections.replaceCandidates(round.id, ordered.list);
  audit(ctx, actor, 'round.runoff', {
    roundId: round.id,
    parentRoundId: at.round.id,
    electionId: at.election.id,
    seats: runoff.seats,
    candidates: ordered.list.map((c) => c.name),
  });
  return round;
}

function placeIn(list: readonly string[], name: string): number {
  const at = list.indexOf(name);
  return at === -1 ? list.length : at;
}

export interface SupplementaryRequest {
  candidates: { name: string; note?: string | undefined }[];
  confirmReprint?: boolean | undefined;
}

/** Opens the 另行选举 of a certified round's shortfall, or changes the list of the one opened. */
export function setSupplementary(
  ctx: ServiceContext,
  actor: Actor,
  at: Located,
  request: SupplementaryRequest,
): Result<Round> {
  const { store } = ctx;
  const shortfall = certifiedShortfall(store, at);
  if (!shortfall.ok) return shortfall;
  const { followUp, seats } = shortfall.value;
  if (seats === 0) {
    return fail('invalid-state', '大会已决定减少名额，本轮没有待另行选举的名额');
  }
  const problem = listProblem(request.candidates, followUp, seats);
  if (problem) return problem;
  const entries = request.candidates.map((c) => ({ name: c.name, note: c.note ?? '' }));
  const nameOrder = congressRules(at.congress).nameOrder;
  const ordered = orderCandidates(entries, at.election.office, nameOrder).list;
  const opened = followUpRound(at);
  if (opened?.kind === 'supplementary' && opened.state !== 'void') {
    return changeList(ctx, actor, { at, round: opened, ordered }, request.confirmReprint);
  }
  return ok(
    store.transaction(() => {
      const round = store.elections.createRound({
        electionId: at.election.id,
        kind: 'supplementary',
        seats,
        parentRoundId: at.round.id,
      });
      store.elections.replaceCandidates(round.id, ordered);
      audit(ctx, actor, 'round.supplementary', {
        roundId: round.id,
        parentRoundId: at.round.id,
        electionId: at.election.id,
        seats,
        proposed: followUp.proposed,
        candidates: ordered.map((c) => c.name),
      });
      return round;
    }),
  );
}

interface ListChange {
  at: Located;
  round: Round;
  ordered: { name: string; note: string }[];
}

/** A new list for the 另行选举 opened: before voting only, and a printed one is printed again. */
function changeList(
  ctx: ServiceContext,
  actor: Actor,
  { at, round, ordered }: ListChange,
  confirmReprint: boolean | undefined,
): Result<Round> {
  const { store } = ctx;
  const title = ballotTitle(at.election.title, 'supplementary');
  const gate = paperChange([{ round, title }], '另行选举候选人名单', confirmReprint);
  if (!gate.ok) return gate;
  const before = store.elections.candidatesOf(round.id).map((c) => c.name);
  store.transaction(() => {
    reopenForReprint(store, actor, gate.value, '修改另行选举候选人名单');
    store.elections.replaceCandidates(round.id, ordered);
    audit(ctx, actor, 'round.candidates', {
      roundId: round.id,
      electionId: at.election.id,
      before,
      after: ordered.map((c) => c.name),
    });
  });
  return ok(round);
}

type Shortfall = Extract<FollowUp, { kind: 'shortfall' }>;

/** A certified round with seats left unfilled, what its result proposes, and the seats still open. */
function certifiedShortfall(
  store: Store,
  at: Located,
): Result<{ followUp: Shortfall; result: RoundResult; seats: number }> {
  if (at.round.state !== 'certified') {
    return fail(
      'invalid-state',
      `本轮${roundStatePhrases[at.round.state]}；须先由总监票人签核本轮结果，再决定另行选举或减少名额`,
      { field: 'roundId' },
    );
  }
  const { result } = tallyOf(store, at);
  const followUp = followUpOf(store, at, result);
  if (followUp.kind !== 'shortfall') {
    return fail('invalid-state', '本轮当选人数已满应选名额（或须再次投票），没有缺额', {
      field: 'roundId',
    });
  }
  return ok({ followUp, result, seats: openSeats(store, at, result) });
}

/** Only this election's unelected names, each once, within the 差额 the profile sets. */
function listProblem(
  candidates: readonly { name: string }[],
  followUp: Shortfall,
  seats: number,
): Result<never> | undefined {
  const eligible = new Set(followUp.eligible.map(normalizeName));
  const seen = new Set<string>();
  for (const [i, { name }] of candidates.entries()) {
    const key = normalizeName(name);
    if (seen.has(key)) {
      return fail('invalid-argument', `“${name}”重复列出`, { field: `candidates.${i}.name` });
    }
    seen.add(key);
    if (!eligible.has(key)) {
      return fail(
        'invalid-argument',
        `“${name}”不是本选举事项中未当选的被选举人；另行选举只能从${followUp.eligible.join('、')}中提名`,
        { field: `candidates.${i}.name` },
      );
    }
  }
  const { minCandidates: min, maxCandidates: max } = followUp;
  if (candidates.length < min || (max !== null && candidates.length > max)) {
    const bound = max === null ? `至少 ${min} 名` : `${min} 至 ${max} 名`;
    return fail(
      'invalid-argument',
      `另行选举 ${seats} 名，候选人须${bound}（差额要求），现列 ${candidates.length} 名`,
      { field: 'candidates' },
    );
  }
  return undefined;
}

export interface SeatReductionRequest {
  seatsAfter: number;
  decidedBy: string;
  reason: string;
}

/**
 * Records the chair's decision to reduce the seats of a certified round with a shortfall: not
 * below those it elected. A 另行选举 opened and not yet voted on is cancelled with it (voided);
 * once its voting has started the decision comes too late.
 */
export function reduceSeats(
  ctx: ServiceContext,
  actor: Session,
  at: Located,
  request: SeatReductionRequest,
): Result<null> {
  const { store } = ctx;
  const shortfall = certifiedShortfall(store, at);
  if (!shortfall.ok) return shortfall;
  const { followUp, result } = shortfall.value;
  if (followUp.reduction) {
    const d = followUp.reduction;
    return fail(
      'conflict',
      `已记录${d.decidedBy}将本轮名额由 ${d.seatsBefore} 名减为 ${d.seatsAfter} 名的决定`,
    );
  }
  const elected = result.elected.length;
  if (request.seatsAfter < elected || request.seatsAfter >= at.round.seats) {
    return fail(
      'invalid-argument',
      `本轮应选 ${at.round.seats} 名、已当选 ${elected} 名，减少后的名额应在 ${elected} 至 ${at.round.seats - 1} 名之间`,
      { field: 'seatsAfter' },
    );
  }
  const opened = followUpRound(at);
  if (opened && opened.state !== 'void' && !isBeforeVoting(opened.state)) {
    return fail('invalid-state', `另行选举${roundStatePhrases[opened.state]}，不能再决定减少名额`);
  }
  store.transaction(() => {
    if (opened && opened.state !== 'void') {
      const reason = `${request.decidedBy}决定减少名额，另行选举取消`;
      moveRound(store, opened, { to: 'void', reason });
      audit(ctx, actor, 'round.void', { roundId: opened.id, reason });
    }
    store.elections.recordSeatReduction(at.round.id, { ...request, recordedBy: actor.personId });
    audit(ctx, actor, 'round.reduceSeats', {
      roundId: at.round.id,
      electionId: at.election.id,
      seatsBefore: at.round.seats,
      ...request,
    });
  });
  return ok(null);
}
