import type { Role } from '../../../shared/domain/roles';
import { testServices, type TestServices } from '../services-harness';
import { nineOfEleven, seedCountingRound, type RoundSeed } from './seed';

export { nineOfEleven, seedCountingRound, type RoundSeed };

export type EntryHarness = Omit<TestServices, 'quickPerson' | 'auditRows'> & {
  /** Adds a person of the role and signs them in; returns their token and id. */
  person(role: Role, name: string): Promise<{ token: string; id: number }>;
};

export function openHarness(file?: string, folder = 'ct-entry-'): EntryHarness {
  const base = testServices({
    ...(file === undefined ? { folder } : { file }),
    now: () => new Date('2025-06-18T03:00:00Z'),
  });
  return { ...base, person: (role, name) => Promise.resolve(base.quickPerson(role, name)) };
}

/** The services on a fresh file with a round being counted, two tellers and two scrutineers. */
export async function entryHarness(seed: RoundSeed = {}) {
  const h = openHarness();
  const tellerA = await h.person('teller', '张计票');
  const tellerB = await h.person('teller', '李计票');
  const scrutineer = await h.person('scrutineer', '赵监票');
  const chief = await h.person('chief-scrutineer', '钱总监');
  const seeded = seedCountingRound(h.store, seed);
  return { ...h, ...seeded, tellerA, tellerB, scrutineer, chief };
}

export type Seeded = Awaited<ReturnType<typeof entryHarness>>;

/** A ballot as the API takes it. */
export function ballot(
  marks: string,
  extra: {
    writeIns?: { name: string; mark: 'O' | '-' }[];
    declaredInvalid?: string | null;
  } = {},
) {
  return { marks, writeIns: extra.writeIns ?? [], declaredInvalid: extra.declaredInvalid ?? null };
}

/** Creates a box (as the scrutineer) and opens it for teller A; returns the box id. */
export async function openBox(h: Seeded, label: string, expected: number): Promise<number> {
  const box = await h.must(
    'entry.createBox',
    { roundId: h.round.id, label, expected },
    h.scrutineer.token,
  );
  await h.must('entry.open', { boxId: box.id }, h.tellerA.token);
  return box.id;
}

/** Commits ballots in order from the pass's next place; returns their seqs. */
export async function enterAll(
  h: Seeded,
  boxId: number,
  token: string,
  ballots: readonly ReturnType<typeof ballot>[],
): Promise<number[]> {
  const sheet = await h.must('entry.open', { boxId }, token);
  let seq = sheet.progress.nextSeq;
  const seqs: number[] = [];
  for (const b of ballots) {
    const committed = await h.must('entry.commit', { boxId, seq, ballot: b }, token);
    seqs.push(committed.seq);
    seq = committed.progress.nextSeq;
  }
  return seqs;
}
