import type { Store } from '../../../db/store';
import { hashPin } from '../../../core/platform/pin';
import type { Role } from '../../../shared/domain/roles';
import {
  tallyRound,
  type BallotGroup,
  type Office,
  type RoundInput,
  type RoundKind,
} from '../../../shared/tally';
import { testServices } from '../services-harness';

export const chiefPin = '2468';

/** A ballot as a teller enters it. */
export interface PaperBallot {
  marks: string;
  writeIns?: { name: string; mark: 'O' | '-' }[];
  declaredInvalid?: string;
}

/** `n` copies of a ballot, the way the tests write a stack down. */
export function times(n: number, ballot: PaperBallot | string): PaperBallot[] {
  const paper = typeof ballot === 'string' ? { marks: ballot } : ballot;
  return Array.from({ length: n }, () => paper);
}

export interface ElectionSeed {
  office?: Office;
  seats: number;
  candidates: string[];
  /** Delegates on the roster (all with a vote), and how many of them are present. */
  entitled: number;
  present: number;
  writeInBlanks?: number;
}

export type ResultsHarness = Awaited<ReturnType<typeof resultsHarness>>;

/**
 * The real services on a fresh file: a congress of `entitled` delegates with `present` checked in,
 * one election, and the people of the day (a teller, a scrutineer, the 总监票人 with a real PIN).
 * Set-up is written through the store, as the set-up step leaves it; issuance, entry and results
 * go through the API.
 */
export async function resultsHarness(seed: ElectionSeed) {
  let time = Date.parse('2025-06-18T01:00:00Z');
  const base = testServices({ folder: 'ct-results-', now: () => new Date(time) });
  const { services, store, call, must } = base;
  // Only the 总监票人's PIN is ever checked here; hashing is slow on purpose.
  const person = async (role: Role, name: string, pin?: string) =>
    base.quickPerson(role, name, pin ? await hashPin(pin) : undefined);
  const admin = await person('admin', '王管理');
  const teller = await person('teller', '张计票');
  const scrutineer = await person('scrutineer', '赵监票');
  const chief = await person('chief-scrutineer', '钱总监', chiefPin);
  const { congress, election, round } = seedElection(store, seed);
  return {
    services,
    store,
    call,
    must,
    admin,
    teller,
    scrutineer,
    chief,
    congress,
    election,
    formalRoundId: round.id,
    seed,
    /** Moves the services' clock forward. */
    advance(ms: number) {
      time += ms;
    },
    /** Issues and collects the round's ballots through the issuance service. */
    async vote(roundId: number, issued = seed.present, returned = issued) {
      store.transaction(() => store.elections.setRoundState(roundId, 'printed'));
      await must('issuance.issue', { roundId, issued, reason: '测试' }, scrutineer.token);
      await must('issuance.return', { roundId, returned }, scrutineer.token);
    },
    /** Enters the ballots in one box, closes the pass and the entry: the round is counted. */
    async enter(roundId: number, ballots: readonly PaperBallot[]) {
      const box = await must(
        'entry.createBox',
        { roundId, label: '第一票箱', expected: ballots.length },
        scrutineer.token,
      );
      let seq = (await must('entry.open', { boxId: box.id }, teller.token)).progress.nextSeq;
      for (const b of ballots) {
        const ballot = {
          marks: b.marks,
          writeIns: b.writeIns ?? [],
          declaredInvalid: b.declaredInvalid ?? null,
        };
        seq = (await must('entry.commit', { boxId: box.id, seq, ballot }, teller.token)).progress
          .nextSeq;
      }
      await must('entry.finishPass', { boxId: box.id }, teller.token);
      await must('entry.finish', { roundId }, scrutineer.token);
    },
    async certify(roundId: number) {
      return must('results.certify', { roundId, pin: chiefPin }, chief.token);
    },
    async roundResults(roundId: number) {
      const found = await must('results.round', { roundId }, scrutineer.token);
      if (!found.ready) throw new Error(`round ${roundId} has no results: ${found.notice}`);
      return found.results;
    },
    auditActions: () =>
      store.db
        .prepare<[], { action: string }>('SELECT action FROM audit ORDER BY seq')
        .all()
        .map((row) => row.action),
  };
}

function seedElection(store: Store, seed: ElectionSeed) {
  return store.transaction(() => {
    const congress = store.congresses.create({
      name: '中国共产党东湖镇第十六次代表大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    for (let i = 1; i <= seed.entitled; i += 1) {
      const delegate = store.delegates.upsert(congress.id, {
        name: `代表${i}`,
        cardNo: `D${String(i).padStart(4, '0')}`,
      }).delegate;
      if (i <= seed.present) store.delegates.setAttendance(delegate.id, 'present');
    }
    const election = store.elections.create(congress.id, {
      title: '选举中国共产党东湖镇第十六届委员会委员',
      office: seed.office ?? 'committee',
      seats: seed.seats,
      writeInBlanks: seed.writeInBlanks ?? 2,
    });
    const round = store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: seed.seats,
    });
    store.elections.replaceCandidates(
      round.id,
      seed.candidates.map((name) => ({ name })),
    );
    return { congress, election, round };
  });
}

/**
 * The engine's tally of the ballots as the test wrote them down, built here from the test's own
 * list (not from the store), so that what the services report can be checked against it.
 */
export function expectedTally(round: {
  kind: RoundKind;
  seats: number;
  candidates: string[];
  office?: Office;
  entitled: number;
  present: number;
  issued: number;
  ballots: readonly PaperBallot[];
}) {
  const groups: BallotGroup[] = round.ballots.map((b) =>
    b.declaredInvalid !== undefined
      ? { n: 1, invalid: true }
      : { n: 1, marks: b.marks, writeIns: b.writeIns ?? [] },
  );
  const input: RoundInput = {
    profile: 'party-grassroots',
    round: round.kind,
    office: round.office ?? 'committee',
    seats: round.seats,
    candidates: round.candidates,
    electorate: { entitled: round.entitled, present: round.present },
    issued: round.issued,
    returned: round.ballots.length,
    ballots: groups,
  };
  return tallyRound(input);
}
