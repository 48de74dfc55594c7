import type { Store } from '../../../db/store';

/** The committee candidates of the township congress, in ballot (stroke) order. */
export const nineOfEleven = [
  '丁建国',
  '卜秀英',
  '刁明华',
  '于洋',
  '王芳',
  '石磊',
  '田富',
  '白雪',
  '刘强',
  '李华',
  '吴斌',
];

export interface RoundSeed {
  candidates?: readonly string[];
  seats?: number;
  issued?: number;
  returned?: number;
  doubleEntry?: boolean;
  writeInBlanks?: number;
  /** Another election of a congress seeded before; a new congress when not given. */
  congressId?: number;
  title?: string;
  office?: 'committee' | 'discipline';
}

/**
 * A congress with one election whose round is being counted (ballots issued and returned), made
 * through the store as the set-up and issuance steps leave it.
 */
export function seedCountingRound(store: Store, seed: RoundSeed = {}) {
  const candidates = seed.candidates ?? nineOfEleven;
  const seats = seed.seats ?? 9;
  const issued = seed.issued ?? 60;
  const returned = seed.returned ?? 50;
  return store.transaction(() => {
    const congress =
      (seed.congressId === undefined ? undefined : store.congresses.byId(seed.congressId)) ??
      store.congresses.create({
        name: '中国共产党东湖镇第十六次代表大会',
        heldOn: '2025-06-18',
        profile: 'party-grassroots',
      });
    const election = store.elections.create(congress.id, {
      title: seed.title ?? '选举中国共产党东湖镇第十六届委员会委员',
      office: seed.office ?? 'committee',
      seats,
      doubleEntry: seed.doubleEntry ?? false,
      writeInBlanks: seed.writeInBlanks ?? 3,
    });
    const round = store.elections.createRound({ electionId: election.id, kind: 'formal', seats });
    store.elections.replaceCandidates(
      round.id,
      candidates.map((name) => ({ name })),
    );
    store.elections.recordIssued(round.id, { entitled: issued, present: issued, issued });
    store.elections.recordReturned(round.id, returned);
    store.elections.setRoundState(round.id, 'counting');
    return { congress, election, round: { ...round, state: 'counting' as const } };
  });
}

/** Delegates on the roster, so that a write-in can be found by its pinyin initials. */
export function seedRoster(store: Store, congressId: number, names: readonly string[]): void {
  store.transaction(() => {
    names.forEach((name, i) => {
      store.delegates.upsert(congressId, { name, cardNo: `D${String(i + 1).padStart(3, '0')}` });
    });
  });
}
