import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../db/people';
import { openServices, type Services } from '../../../core/platform/open';
import { hashPin } from '../../../core/platform/pin';
import { methods, type ErrorCode } from '../../../shared/api';
import type { Access, MethodSpec } from '../../../shared/api/method';
import { fuzzRuns, fuzzSeed } from './runs';

/*
 * Every method of the API, called through the real dispatcher with random arguments, on a real
 * database file holding a small congress (so that small ids name real rows), by a signed-in person
 * whose role may call it. A call answers with a Result — never a throw, never an unhandled
 * rejection — and a refusal is a known error code with a message in Chinese that changed nothing:
 * the audit head and every table's content are the same after it as before. Only a wrong PIN may
 * write when it refuses (it counts towards the lock-out).
 */

const errorCodes: readonly ErrorCode[] = [
  'invalid-argument',
  'unauthenticated',
  'session-locked',
  'forbidden',
  'wrong-pin',
  'locked-out',
  'not-found',
  'conflict',
  'invalid-state',
  'storage',
  'unavailable',
  'internal',
];
const countsAttempts: readonly ErrorCode[] = ['wrong-pin', 'locked-out'];
/** Per method: FUZZ_RUNS for each of the ~90 methods would make `npm run fuzz` last hours. */
const perMethod = Math.max(100, Math.round(fuzzRuns / 10));

let dir = '';
let pinHash = '';
let services: Services;
const people = new Map<string, Person>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-fuzz-api-'));
  // Hashing is slow on purpose: once for everyone.
  pinHash = await hashPin('135790');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh file per method: what one method's calls did does not hide another's paths. */
function openFor(method: string): Services {
  const opened = openServices({
    file: join(dir, `${method}.sqlite`),
    now: () => new Date('2025-06-18T03:00:00Z'),
    display: { openProjector: () => false },
    network: () => ({ connected: false, interfaces: [] }),
    log: { error: () => undefined },
    printPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')),
  });
  const { store } = opened;
  store.transaction(() => {
    for (const role of ['admin', 'teller', 'scrutineer', 'chief-scrutineer'] as const) {
      people.set(role, store.people.create({ name: `测试${role}`, role, pinHash }));
    }
    const congress = store.congresses.create({
      name: '中国共产党东湖镇第十六次代表大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    for (const [i, name] of ['丁一', '王二', '李三', '张四', '赵五'].entries()) {
      store.delegates.upsert(congress.id, { name, cardNo: `D00${i + 1}` });
    }
    const election = store.elections.create(congress.id, {
      title: '选举委员会委员',
      office: 'committee',
      seats: 2,
      writeInBlanks: 1,
    });
    const round = store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: 2,
    });
    store.elections.replaceCandidates(round.id, [
      { name: '丁一' },
      { name: '王二' },
      { name: '李三' },
    ]);
    store.elections.recordIssued(round.id, { entitled: 5, present: 5, issued: 5 });
    store.elections.recordReturned(round.id, 5);
    store.elections.setRoundState(round.id, 'counting');
    const box = store.ballots.createBox(round.id, { label: '一号票箱', expected: 5 });
    store.ballots.openPass(box.id, 1, people.get('teller')?.id ?? 0);
  });
  return opened;
}

/** A fresh session of a role the method admits: a call that signs out or locks ends only it. */
function tokenFor(access: Access): string {
  const role =
    access === 'public' || access === 'session' || access.includes('admin') ? 'admin' : access[0];
  const person = people.get(role ?? 'admin');
  if (!person) throw new Error(`no person for ${String(role)}`);
  return services.context.sessions.open(person).token;
}

/** The database's content: the audit head and a digest of every table's rows. */
function snapshot(): { head: string; tables: Record<string, string> } {
  const { db } = services.store;
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
    digests[name] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return { head: services.store.audit.head().hash, tables: digests };
}

/** Keys the schema knows, so that random values reach the checks behind the object's shape. */
function keysOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return [...new Set(schema.options.flatMap((o) => keysOf(o as z.ZodType)))];
  }
  return [];
}

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: -2, max: 6 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    ...[null, true, false, '', 0, 1, -1, 1.5, 2 ** 53, '1', [], {}, '2025-06-18', '0000', '135790'],
    ...['O', 'OOX', 'O-X', 'committee', 'party-grassroots', 'teller', 'ballot', 'sign-in'],
    ...['summary', 'result-sheet', 'first', 'card', 'present', 'leave', 'ed25519', 'all'],
  ),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.record(
    {
      marks: fc.oneof(fc.constantFrom('OOX', 'O-', 'OXO?'), fc.string({ maxLength: 4 })),
      writeIns: fc.oneof(fc.constant([]), fc.jsonValue({ maxDepth: 2 })),
      declaredInvalid: fc.oneof(fc.constant(null), fc.string({ maxLength: 6 })),
      name: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: [] },
  ),
);

const chinese = fc.constantFrom('丁一', '王二', '赵六', '一号票箱', '更正', '核对原票', '', ' ');

/** Values a field of this name usually takes, so that calls get past the schema to the service. */
function plausible(key: string): fc.Arbitrary<unknown> {
  if (/Id$/.test(key)) return fc.integer({ min: 1, max: 3 });
  if (/^(seq|expected|issued|returned|seats|seatsAfter|minutes|limit|keep)$/.test(key)) {
    return fc.integer({ min: 0, max: 8 });
  }
  if (/^(intervalMinutes|writeInBlanks|pass)$/.test(key)) return fc.integer({ min: 0, max: 3 });
  if (/^(confirm.*|doubleEntry)$/.test(key)) return fc.boolean();
  const choices: Record<string, unknown[]> = {
    profile: ['party-grassroots', 'village', 'peoples-congress'],
    office: ['committee', 'discipline', 'delegate'],
    role: ['teller', 'scrutineer', 'admin'],
    kind: ['ballot', 'sign-in', 'cards', 'issuance', 'result-sheet', 'elected-list', 'summary'],
    status: ['leave', 'absent'],
    via: ['card', 'search'],
    choice: ['first', 'second', 'other'],
    algorithm: ['ed25519', 'sm2-sm3'],
    mode: ['all', 'new'],
    heldOn: ['2025-06-18', '2025-02-30'],
    query: ['zs', 'D00', '丁', ''],
    content: [Buffer.from('姓名,代表证号\r\n周七,D010\r\n').toString('base64'), 'not base64'],
    ballot: [
      { marks: 'OOX', writeIns: [], declaredInvalid: null },
      { marks: 'OOO', writeIns: [], declaredInvalid: null },
      { marks: '---', writeIns: [{ name: '赵六', mark: 'O' }], declaredInvalid: null },
      { marks: '---', writeIns: [], declaredInvalid: '无法辨认' },
    ],
    candidates: [[{ name: '丁一' }, { name: '王二' }, { name: '周七' }], [{ name: '丁一' }]],
    delegate: [
      { name: '周七', cardNo: 'D010' },
      { name: '', cardNo: 'D001' },
    ],
  };
  const known = choices[key];
  return known ? fc.constantFrom(...known) : chinese;
}

function inputs(spec: MethodSpec): fc.Arbitrary<unknown> {
  const keys = keysOf(spec.input);
  const field = (key: string) => fc.oneof({ arbitrary: plausible(key), weight: 3 }, value);
  const shaped =
    keys.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(keys.map((k) => [k, field(k)])), { requiredKeys: [] });
  const withExtra = fc
    .tuple(shaped, fc.string({ maxLength: 6 }), value)
    .map(([base, key, v]) => ({ ...base, [key]: v }));
  return fc.oneof(
    { arbitrary: shaped, weight: 4 },
    withExtra,
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(undefined),
  );
}

/** No random argument may point the services at a real folder or file (the project, say). */
function defused(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(defused);
  if (input === null || typeof input !== 'object') return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, v]) =>
      /^(folder|file)$/.test(key) && typeof v === 'string'
        ? [key, join(dir, 'no-such-folder', v.replace(/[/\\]/g, '_'))]
        : [key, defused(v)],
    ),
  );
}

describe('every API method, given random arguments', () => {
  it('the before/after comparison sees a write', () => {
    services = openFor('check');
    try {
      const before = snapshot();
      services.store.transaction(() =>
        services.store.audit.append({
          actor: '测试',
          role: 'admin',
          action: 'test',
          payload: null,
        }),
      );
      expect(snapshot().head).not.toBe(before.head);
      services.store.db.prepare("UPDATE delegate SET name = '丁壹' WHERE id = 1").run();
      expect(snapshot().tables.delegate).not.toBe(before.tables.delegate);
    } finally {
      services.close();
    }
  });

  for (const [name, spec] of Object.entries(methods) as [string, MethodSpec][]) {
    it(`${name}: answers with a Result, and a refusal is clear and changes nothing`, async () => {
      services = openFor(name);
      let state = snapshot();
      try {
        await fc.assert(
          fc.asyncProperty(inputs(spec), async (input) => {
            const before = state;
            const result = await services.dispatch(name, defused(input), tokenFor(spec.access));
            state = snapshot();
            expect(typeof result.ok).toBe('boolean');
            if (result.ok) return;
            expect(errorCodes).toContain(result.error.code);
            expect(result.error.message).toMatch(/\p{Script=Han}/u);
            if (!countsAttempts.includes(result.error.code)) expect(state).toEqual(before);
          }),
          { seed: fuzzSeed, numRuns: perMethod },
        );
      } finally {
        services.close();
      }
    });
  }
});
