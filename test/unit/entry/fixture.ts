import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Store } from '../../../db/store';
import type { ApiInput, ApiOutput, MethodName, Result } from '../../../shared/api';
import type { Role } from '../../../shared/domain/roles';
import { nineOfEleven, seedCountingRound, type RoundSeed } from './seed';
import { openServices, type Services } from '../../../core/platform/open';

export { nineOfEleven, seedCountingRound, type RoundSeed };

const open: Services[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const services of open.splice(0)) services.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface EntryHarness {
  services: Services;
  store: Store;
  file: string;
  call<M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    token?: string | null,
  ): Promise<Result<ApiOutput<M>>>;
  /** The value of a call that must succeed. */
  must<M extends MethodName>(method: M, input: ApiInput<M>, token: string): Promise<ApiOutput<M>>;
  /** Adds a person of the role and signs them in; returns their token and id. */
  person(role: Role, name: string): Promise<{ token: string; id: number }>;
  count(sql: string): number;
  auditActions(): string[];
}

export function openHarness(file: string): EntryHarness {
  const services = openServices({
    file,
    now: () => new Date('2025-06-18T03:00:00Z'),
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
    log: { error: () => undefined },
  });
  open.push(services);
  const call = <M extends MethodName>(method: M, input: ApiInput<M>, token: string | null = null) =>
    services.dispatch(method, input, token) as Promise<Result<ApiOutput<M>>>;
  return {
    services,
    store: services.store,
    file,
    call,
    async must(method, input, token) {
      const result = await call(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value;
    },
    // Straight into the store and the session registry: PIN hashing is slow on purpose, and
    // signing in is tested where it is built.
    person(role, name) {
      const person = services.store.transaction(() =>
        services.store.people.create({ name, role, pinHash: 'not-a-pin' }),
      );
      const session = services.context.sessions.open(person);
      return Promise.resolve({ token: session.token, id: person.id });
    },
    count: (sql) => services.store.db.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN,
    auditActions: () =>
      services.store.db
        .prepare<[], { action: string }>('SELECT action FROM audit ORDER BY seq')
        .all()
        .map((row) => row.action),
  };
}

/** The services on a fresh file with a round being counted, two tellers and two scrutineers. */
export async function entryHarness(seed: RoundSeed = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ct-entry-'));
  dirs.push(dir);
  const h = openHarness(join(dir, 'congress.sqlite'));
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
