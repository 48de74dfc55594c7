import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHash,
  canonicalJson,
  genesisHash,
  payloadDigest,
  verifyAuditChain,
  verifyAuditRows,
  type AuditChainRow,
  type AuditRow,
} from '../../../db/audit';
import { openStore } from '../../../db/store';
import { seeded, tickingClock, useTempDir } from './fixtures';

const tempDir = useTempDir();

const rowCount = 1000;

/** Payloads of every JSON shape, with Chinese text and reordered keys, from a fixed seed. */
function payload(i: number, random: () => number): unknown {
  switch (i % 6) {
    case 0:
      return { ballot: { box: i % 7, seq: i, marks: 'OX-?O'.slice(0, 1 + (i % 5)) } };
    case 1:
      return { z: i, a: [1, 'two', null, true, { y: 2.5, b: -i }], name: `张三${i}` };
    case 2:
      return [`第${i}号`, { reason: '重复录入，作废', before: null, after: { n: random() } }];
    case 3:
      return `纯文本 ${i} "引号" \\ 反斜杠 \n 换行`;
    case 4:
      return Math.floor(random() * 1e9);
    default:
      return null;
  }
}

const markerSeq = 613;
const marker = 'MARKER-作废理由-613';
let pristine = '';

/** A database file with rowCount audit rows, closed (so its bytes are all in the main file). */
function buildAuditFile(file: string): void {
  const store = openStore(file, { now: tickingClock() });
  const random = seeded(42);
  for (let i = 1; i <= rowCount; i += 1) {
    store.transaction(() =>
      store.audit.append({
        actor: i % 2 ? '计票人甲' : '总监票人',
        role: i % 2 ? 'teller' : 'chief-scrutineer',
        action: `action.${i % 9}`,
        payload: i === markerSeq ? { reason: marker } : payload(i, random),
      }),
    );
  }
  store.close();
}

beforeAll(() => {
  pristine = join(mkdtempSync(join(tmpdir(), 'congress-tally-audit-')), 'audit.sqlite');
  buildAuditFile(pristine);
});

afterAll(() => rmSync(dirname(pristine), { recursive: true, force: true }));

/** A private copy of the 1,000-row file for one test to tamper with. */
function fileWithAudit(): string {
  const file = join(tempDir(), 'audit.sqlite');
  copyFileSync(pristine, file);
  return file;
}

/** Opens the file as someone with a SQLite tool would: the append-only triggers dropped. */
function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  edit(db);
  db.close();
}

function verdictOf(file: string) {
  const store = openStore(file);
  try {
    return store.audit.verify();
  } finally {
    store.close();
  }
}

describe('the audit log', () => {
  it('verifies a chain of 1,000 varied rows and reports its head', () => {
    const file = fileWithAudit();
    const store = openStore(file);
    const verdict = store.audit.verify();
    const head = store.audit.head();
    expect(head.seq).toBe(rowCount);
    expect(verdict).toEqual({ ok: true, count: rowCount, head: head.hash });
    expect(verifyAuditChain(store.db)).toEqual(verdict);
    const rows = [...store.audit.rows()];
    expect(rows[0]?.prevHash).toBe(genesisHash);
    expect(rows.every((row, i) => row.seq === i + 1 && auditHash(row) === row.hash)).toBe(true);
    store.close();
  });

  it('covers each payload by its digest: the chain verifies with digests in place of payloads', () => {
    const store = openStore(fileWithAudit());
    const rows = [...store.audit.rows()];
    store.close();
    const digested = (row: AuditRow): Omit<AuditRow, 'payload'> & { payloadDigest: string } => {
      const { payload, ...rest } = row;
      return { ...rest, payloadDigest: payloadDigest(payload) };
    };
    // Every other row redacted, as an export leaves out the ballots' content.
    const mixed = rows.map((row, i): AuditChainRow => (i % 2 ? digested(row) : row));
    const head = rows.at(-1)?.hash;
    expect(verifyAuditRows(mixed)).toEqual({ ok: true, count: rowCount, head });
    expect(verifyAuditRows(rows.map(digested))).toEqual({ ok: true, count: rowCount, head });

    // Row 500 is one of the redacted.
    const changed = rows.map((row, i): AuditChainRow => {
      if (i % 2 === 0) return row;
      return { ...digested(row), ...(row.seq === 500 ? { payloadDigest: '1'.repeat(64) } : {}) };
    });
    expect(verifyAuditRows(changed)).toMatchObject({ ok: false, seq: 500 });
    const retimed = mixed.map((row) =>
      row.seq === 501 ? { ...row, at: '2025-06-18T00:00:00.000Z' } : row,
    );
    expect(verifyAuditRows(retimed)).toMatchObject({ ok: false, seq: 501 });
  });

  it('salts the payload of a row that records a ballot, so its digest gives nothing away', () => {
    const store = openStore(join(tempDir(), 'salted.sqlite'), { now: () => new Date(0) });
    const ballot = { boxId: 1, pass: 1, seq: 1, marks: 'OX-' };
    const rows = store.transaction(() =>
      ['ballot.enter', 'ballot.enter', 'box.open-pass'].map((action) =>
        store.audit.append({ actor: 'a', role: 'teller', action, payload: ballot }),
      ),
    );
    store.close();
    const [first, second, other] = rows.map(
      (row) => JSON.parse(row.payload) as Record<string, unknown>,
    );
    expect(first).toMatchObject(ballot);
    expect(first?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatchObject(ballot);
    expect(first).not.toEqual(second);
    expect(other).toEqual(ballot);
    expect(payloadDigest(rows[0]?.payload ?? '')).not.toBe(payloadDigest(canonicalJson(ballot)));
  });

  it('names the row whose payload had one byte changed in the file', () => {
    const file = fileWithAudit();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(marker, 0, 'utf8');
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(marker, at + 1, 'utf8')).toBe(-1);
    bytes[at] = 'N'.charCodeAt(0);
    writeFileSync(file, bytes);

    const verdict = verdictOf(file);
    expect(verdict).toMatchObject({ ok: false, seq: markerSeq });
    expect(verdict.ok || verdict.reason).toContain('内容被改动');
  });

  it('names the row whose payload was rewritten through SQL', () => {
    const file = fileWithAudit();
    tamper(file, (db) => db.exec(`UPDATE audit SET payload = '{"seq":1}' WHERE seq = 250`));
    expect(verdictOf(file)).toMatchObject({ ok: false, seq: 250 });
  });

  it('names the row that was deleted', () => {
    const file = fileWithAudit();
    tamper(file, (db) => db.exec('DELETE FROM audit WHERE seq = 377'));
    const verdict = verdictOf(file);
    expect(verdict).toMatchObject({ ok: false, seq: 377 });
    expect(verdict.ok || verdict.reason).toContain('缺失');
  });

  it('names the first of two rows whose contents were swapped', () => {
    const file = fileWithAudit();
    tamper(file, (db) => {
      const columns = 'at, actor, role, action, payload, prev_hash, hash';
      const read = db.prepare<[number], unknown[]>(`SELECT ${columns} FROM audit WHERE seq = ?`);
      const write = db.prepare(
        `UPDATE audit SET (${columns}) = (?, ?, ?, ?, ?, ?, ?) WHERE seq = ?`,
      );
      const [a, b] = [read.raw().get(801) ?? [], read.raw().get(802) ?? []];
      expect(a[4]).not.toEqual(b[4]);
      write.run(...b, 801);
      write.run(...a, 802);
    });
    expect(verdictOf(file)).toMatchObject({ ok: false, seq: 801 });
  });

  it('is append-only in the schema', () => {
    const store = openStore(join(tempDir(), 'append-only.sqlite'));
    store.transaction(() =>
      store.audit.append({ actor: 'a', role: 'admin', action: 'x', payload: 1 }),
    );
    expect(() => store.db.prepare("UPDATE audit SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(store.audit.verify()).toMatchObject({ ok: true, count: 1 });
    store.close();
  });

  it('refuses an append outside a transaction, writing nothing', () => {
    const store = openStore(join(tempDir(), 'outside.sqlite'));
    expect(() =>
      store.audit.append({ actor: 'a', role: 'admin', action: 'x', payload: {} }),
    ).toThrow(/inside the change/);
    expect(store.audit.head().seq).toBe(0);
    store.close();
  });

  it('rolls back with the change it records', () => {
    const store = openStore(join(tempDir(), 'rollback.sqlite'));
    expect(() =>
      store.transaction(() => {
        store.settings.set('k', 1);
        store.audit.append({ actor: 'a', role: 'admin', action: 'setting', payload: { k: 1 } });
        throw new Error('the change fails after its audit row');
      }),
    ).toThrow(/fails/);
    expect(store.audit.head()).toEqual({ seq: 0, hash: genesisHash });
    expect(store.settings.get('k')).toBeUndefined();
    store.close();
  });

  it('hashes a payload the same whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    const store = openStore(join(tempDir(), 'order.sqlite'), { now: () => new Date(0) });
    const first = store.transaction(() =>
      store.audit.append({ actor: 'a', role: 'r', action: 'x', payload: { a: 1, b: 2 } }),
    );
    store.close();
    const again = openStore(join(tempDir(), 'order-2.sqlite'), { now: () => new Date(0) });
    const second = again.transaction(() =>
      again.audit.append({ actor: 'a', role: 'r', action: 'x', payload: { b: 2, a: 1 } }),
    );
    again.close();
    expect(second.hash).toBe(first.hash);
  });
});
