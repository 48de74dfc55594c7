import type { Congress } from '../../db/congresses';
import type { Election, ElectionFields } from '../../db/elections';
import type { Store } from '../../db/store';
import type { electionsMethods } from '../../shared/api/elections';
import { fail, ok, type Result } from '../../shared/api/result';
import { defaultWriteInBlanks, doubleEntryByDefault, officesOf } from '../../shared/domain/offices';
import { isBeforeVoting } from '../../shared/domain/rounds';
import { officeLabels, profileLabels, roundStatePhrases } from '../../shared/strings/setup';
import type { Office } from '../../shared/tally/types';
import { duplicateName, orderCandidates, type CandidateEntry } from './candidates';
import { congressRules } from '../platform/congress-rules';
import { audit, type ServiceContext } from '../platform/context';
import type { Handlers } from '../platform/dispatch';
import { paperChange, reopenForReprint, type TitledRound } from './reprint';
import { notFound } from '../platform/lookup';
import { electionRecord } from './election-record';
import { formalAfterPreliminary, formalCandidatesChange, preliminaryRefusal } from './preliminary';

export function electionsHandlers(ctx: ServiceContext): Handlers<typeof electionsMethods> {
  const { store } = ctx;
  return {
    'elections.list': ({ congressId }) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      return ok(
        store.elections.listByCongress(congressId).map((e) => electionRecord(store, e, congress)),
      );
    },

    'elections.get': ({ electionId }) => {
      const found = withCongress(store, electionId);
      return found.ok
        ? ok(electionRecord(store, found.value.election, found.value.congress))
        : found;
    },

    'elections.create': ({ congressId, formalCandidates, ...fields }, session) => {
      const congress = store.congresses.byId(congressId);
      if (!congress) return notFound('congressId');
      const refused =
        officeRefusal(congress, fields.office) ??
        titleTaken(store, congress, fields.title) ??
        (formalCandidates === undefined
          ? undefined
          : preliminaryRefusal(congress, fields.office, fields.seats, formalCandidates));
      if (refused) return refused;
      const election = store.transaction(() => {
        const created = store.elections.create(congressId, {
          ...fields,
          doubleEntry: fields.doubleEntry ?? doubleEntryByDefault(fields.office),
          writeInBlanks: fields.writeInBlanks ?? defaultWriteInBlanks(fields.seats),
        });
        // With a 预选, the formal round is opened from its result (results.openFormal).
        const round = store.elections.createRound({
          electionId: created.id,
          kind: formalCandidates === undefined ? 'formal' : 'preliminary',
          seats: created.seats,
          formalCandidates: formalCandidates ?? null,
        });
        audit(ctx, session, 'election.create', {
          ...created,
          [formalCandidates === undefined ? 'formalRoundId' : 'preliminaryRoundId']: round.id,
          ...(formalCandidates !== undefined && { formalCandidates }),
        });
        return created;
      });
      return ok(electionRecord(store, election, congress));
    },

    'elections.update': ({ electionId, confirmReprint, formalCandidates, ...patch }, session) => {
      const found = withCongress(store, electionId);
      if (!found.ok) return found;
      const { election, congress } = found.value;
      const changed = changedFields(election, patch);
      const formal = formalCandidatesChange(store, congress, election, {
        ...patch,
        formalCandidates,
      });
      if (!formal.ok) return formal;
      if (changed.length === 0 && !formal.value)
        return ok(electionRecord(store, election, congress));
      const refused =
        (patch.office && officeRefusal(congress, patch.office)) ??
        (patch.title && patch.title !== election.title
          ? titleTaken(store, congress, patch.title)
          : undefined);
      if (refused) return refused;
      const rounds = titled(store, election);
      const gate = gateFor(rounds, changed, confirmReprint, formal.value !== null);
      if (!gate.ok) return gate;
      const updated = store.transaction(() => {
        const what = [...changed, ...(formal.value ? ['formalCandidates'] : [])];
        reopenForReprint(store, session, gate.value, `修改选举事项：${what.join('、')}`);
        const next = store.elections.update(election.id, patch) ?? election;
        if (patch.seats !== undefined) syncFormalSeats(store, rounds, next.seats);
        if (patch.office !== undefined) resortElection(store, next, congress);
        if (formal.value) {
          store.elections.setFormalCandidates(formal.value.round.id, formal.value.formalCandidates);
        }
        audit(ctx, session, 'election.update', {
          electionId: election.id,
          before: pick(election, changed),
          after: pick(next, changed),
          ...(formal.value && {
            formalCandidates: {
              before: formal.value.round.formalCandidates,
              after: formal.value.formalCandidates,
            },
          }),
        });
        return next;
      });
      return ok(electionRecord(store, updated, congress));
    },

    'elections.remove': ({ electionId }, session) => {
      const found = withCongress(store, electionId);
      if (!found.ok) return found;
      const { election } = found.value;
      const started = store.elections
        .roundsOf(election.id)
        .find((r) => !isBeforeVoting(r.state) && r.state !== 'void');
      if (started) {
        return fail(
          'invalid-state',
          `“${election.title}”${roundStatePhrases[started.state]}，不能删除：选举记录须完整保留`,
        );
      }
      store.transaction(() => {
        store.elections.remove(election.id);
        audit(ctx, session, 'election.remove', { electionId: election.id, title: election.title });
      });
      return ok(null);
    },

    'elections.setCandidates': ({ roundId, candidates, confirmReprint }, session) => {
      const round = store.elections.roundById(roundId);
      const found = round && withCongress(store, round.electionId);
      if (!round || !found) return notFound('roundId');
      if (!found.ok) return found;
      const { election, congress } = found.value;
      // A runoff's names are the tied ones and a 另行选举's come from the result; set-up may not
      // change either, or the rules the results service enforces could be bypassed.
      if (round.kind === 'runoff' || round.kind === 'supplementary') {
        return fail(
          'invalid-state',
          round.kind === 'runoff'
            ? '再次投票的候选人是得票相等的被选举人，不能在设置中修改'
            : '另行选举的候选人须在“结果”中按规则调整，不能在设置中修改',
        );
      }
      const fromPreliminary = formalAfterPreliminary(store, round);
      if (fromPreliminary) return fromPreliminary;
      const entries = candidates.map((c) => ({ name: c.name, note: c.note ?? '' }));
      const twice = duplicateName(entries);
      if (twice !== undefined) {
        const at = entries.findIndex((c) => c.name === twice);
        return fail('invalid-argument', `候选人“${twice}”重复列出，同一名单中每人只能出现一次`, {
          field: `candidates.${at}.name`,
        });
      }
      const ordered = orderCandidates(entries, election.office, congressRules(congress).nameOrder);
      const before = store.elections.candidatesOf(round.id);
      if (sameList(before, ordered.list)) return ok(electionRecord(store, election, congress));
      const gate = paperChange([{ round, title: election.title }], '候选人名单', confirmReprint);
      if (!gate.ok) return gate;
      store.transaction(() => {
        reopenForReprint(store, session, gate.value, '修改候选人名单');
        store.elections.replaceCandidates(round.id, ordered.list);
        audit(ctx, session, 'round.candidates', {
          roundId: round.id,
          electionId: election.id,
          before: before.map((c) => c.name),
          after: ordered.list.map((c) => c.name),
        });
      });
      return ok(electionRecord(store, election, congress));
    },
  };
}

/** The fields that change what the ballot shows, in words for the messages. */
const paperFields: Partial<Record<keyof ElectionFields, string>> = {
  title: '选举事项名称',
  office: '职务',
  seats: '应选人数',
  ballotColour: '选票颜色',
  writeInBlanks: '另选人空格数',
};

type ElectionPatch = Partial<Omit<ElectionFields, 'position'>>;

function changedFields(election: Election, patch: ElectionPatch): (keyof ElectionPatch)[] {
  return (Object.keys(patch) as (keyof ElectionPatch)[]).filter(
    (key) => patch[key] !== undefined && patch[key] !== election[key],
  );
}

function gateFor(
  rounds: readonly TitledRound[],
  changed: readonly (keyof ElectionPatch)[],
  confirmReprint: boolean | undefined,
  formalCandidates = false,
): Result<TitledRound[]> {
  const paper = [
    ...changed.flatMap((key) => paperFields[key] ?? []),
    ...(formalCandidates ? ['预选产生的正式候选人数'] : []),
  ];
  if (paper.length > 0) return paperChange(rounds, paper.join('、'), confirmReprint);
  // 双人录入 only matters from entry on: it may change until the counting starts.
  const counting = rounds.find(
    (r) => r.round.state !== 'void' && !isBeforeVoting(r.round.state) && r.round.state !== 'voting',
  );
  if (counting) {
    return fail(
      'invalid-state',
      `“${counting.title}”${roundStatePhrases[counting.round.state]}，不能再更改是否双人录入`,
    );
  }
  return ok([]);
}

function pick(election: Election, keys: readonly (keyof ElectionPatch)[]) {
  return Object.fromEntries(keys.map((key) => [key, election[key]]));
}

function syncFormalSeats(store: Store, rounds: readonly TitledRound[], seats: number): void {
  for (const { round } of rounds) {
    if ((round.kind === 'formal' || round.kind === 'preliminary') && round.state !== 'void') {
      store.elections.setRoundSeats(round.id, seats);
    }
  }
}

export function titled(store: Store, election: Election): TitledRound[] {
  return store.elections.roundsOf(election.id).map((round) => ({ round, title: election.title }));
}

/** Re-sorts the draft rounds of one election, e.g. after its office or the name order changed. */
function resortElection(store: Store, election: Election, congress: Congress): void {
  const nameOrder = congressRules(congress).nameOrder;
  for (const round of store.elections.roundsOf(election.id)) {
    if (round.state !== 'draft') continue;
    const current = store.elections.candidatesOf(round.id);
    const ordered = orderCandidates(current, election.office, nameOrder);
    if (!sameList(current, ordered.list)) store.elections.replaceCandidates(round.id, ordered.list);
  }
}

/** After the congress's rules changed: every draft round back into order. */
export function resortCongress(store: Store, congress: Congress): void {
  for (const election of store.elections.listByCongress(congress.id)) {
    resortElection(store, election, congress);
  }
}

function sameList(a: readonly CandidateEntry[], b: readonly CandidateEntry[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i]?.name && c.note === b[i]?.note);
}

function withCongress(
  store: Store,
  electionId: number,
): Result<{ election: Election; congress: Congress }> {
  const election = store.elections.byId(electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!election || !congress) {
    return notFound('electionId');
  }
  return ok({ election, congress });
}

function officeRefusal(congress: Congress, office: Office) {
  if (officesOf(congress.profile).includes(office)) return undefined;
  const allowed = officesOf(congress.profile).map((o) => officeLabels[o]);
  return fail(
    'invalid-argument',
    `本大会按“${profileLabels[congress.profile]}”规则，不选举${officeLabels[office]}；可选：${allowed.join('、')}`,
    { field: 'office' },
  );
}

function titleTaken(store: Store, congress: Congress, title: string) {
  const taken = store.elections.listByCongress(congress.id).some((e) => e.title === title);
  return taken
    ? fail('conflict', `本大会已有名为“${title}”的选举事项，请换一个名称`, { field: 'title' })
    : undefined;
}
