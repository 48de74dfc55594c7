import type { Store } from '../db/store';
import type { ApiInput, ApiOutput, MethodName } from '../shared/api';
import type { Role } from '../shared/domain/roles';
import type { BallotEntry } from '../shared/domain/paper-ballot';
import { openServices, type Services } from '../core/platform/open';
import { hashPin } from '../core/platform/pin';
import { moveRound } from '../core/platform/round-state';

/*
 * What the benchmarks start from: the services on a database file, the day's people signed in,
 * and a round being counted, as set-up and issuance leave it. Set-up goes through the store (it
 * is not what is measured); everything measured goes through the services.
 */

export const benchPin = '2468';

export interface Signed {
  id: number;
  name: string;
  token: string;
}

export interface BenchDay {
  services: Services;
  store: Store;
  teller: Signed;
  scrutineer: Signed;
  chief: Signed;
  call<M extends MethodName>(method: M, input: ApiInput<M>, token: string): Promise<ApiOutput<M>>;
}

/** The services on `file`, with a teller, a 监票人 and a 总监票人 whose PIN is `benchPin`. */
export async function openDay(file: string): Promise<BenchDay> {
  const services = openServices({
    file,
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
  });
  const { store } = services;
  // Hashing is slow on purpose (scrypt): once, shared by everyone of the bench's day.
  const pinHash = await hashPin(benchPin);
  const person = (role: Role, name: string): Signed => {
    const created = store.transaction(() => store.people.create({ name, role, pinHash }));
    return { id: created.id, name, token: services.context.sessions.open(created).token };
  };
  return {
    services,
    store,
    teller: person('teller', '张计票'),
    scrutineer: person('scrutineer', '赵监票'),
    chief: person('chief-scrutineer', '钱总监'),
    async call(method, input, token) {
      const result = await services.dispatch(method, input, token);
      // The bench plans a day that works: a refusal is a bug in the bench or the services.
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as ApiOutput<typeof method>;
    },
  };
}

/** Candidate names, as many as asked, in a fixed order. */
export function candidateNames(count: number): string[] {
  const surnames = '丁卜刁于王石田白刘李吴张陈林周郑赵钱孙杨';
  const given = ['建国', '秀英', '明华', '洋', '芳', '磊', '富', '雪', '强', '华', '斌', '敏'];
  return Array.from(
    { length: count },
    (_v, i) => `${surnames.charAt(i % surnames.length)}${given[i % given.length] ?? ''}`,
  );
}

export interface RoundPlan {
  candidates: readonly string[];
  seats: number;
  /** Ballots issued and returned, and the voters behind them. */
  ballots: number;
  writeInBlanks: number;
}

/** A congress with one election whose formal round is being counted. */
export function countingRound(store: Store, plan: RoundPlan) {
  return store.transaction(() => {
    const congress = store.congresses.create({
      name: '中国共产党东湖镇第十六次代表大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    const election = store.elections.create(congress.id, {
      title: '选举中国共产党东湖镇第十六届委员会委员',
      office: 'committee',
      seats: plan.seats,
      writeInBlanks: plan.writeInBlanks,
    });
    const round = store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: plan.seats,
    });
    store.elections.replaceCandidates(
      round.id,
      plan.candidates.map((name) => ({ name })),
    );
    // The round's life as the services lead it, move by move along the state machine: its
    // ballots printed, issued (voting), and returned (counting).
    moveRound(store, round, { to: 'printed' });
    const voters = plan.ballots;
    store.elections.recordIssued(round.id, { entitled: voters, present: voters, issued: voters });
    moveRound(store, round, { to: 'voting' });
    store.elections.recordReturned(round.id, voters);
    moveRound(store, round, { to: 'counting' });
    return { congressId: congress.id, electionId: election.id, roundId: round.id };
  });
}

/** A fixed sequence, so that every run of the bench enters the same ballots. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A plausible paper: about two thirds ○, the rest ×, blank or unclear, never more ○ than seats;
 * one in fifty carries a written name with ○.
 */
export function paper(random: () => number, candidates: number, seats: number): BallotEntry {
  let fors = 0;
  let marks = '';
  for (let i = 0; i < candidates; i += 1) {
    const r = random();
    const mark = r < 0.66 && fors < seats ? 'O' : r < 0.85 ? 'X' : r < 0.98 ? '-' : '?';
    if (mark === 'O') fors += 1;
    marks += mark;
  }
  const writeIns = random() < 0.02 && fors < seats ? [{ name: '欧阳明', mark: 'O' as const }] : [];
  return { marks, writeIns, declaredInvalid: null };
}
