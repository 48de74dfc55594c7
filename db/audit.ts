import { createHash, randomFillSync } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  actor: string;
  role: string;
  action: string;
  payload: unknown;
}

/** What a row's hash covers besides its payload, and the link to the row before it. */
interface AuditRowFields {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  prevHash: string;
}

export interface AuditRow extends AuditRowFields {
  /** The payload's canonical JSON text. */
  payload: string;
  hash: string;
}

/**
 * A row as a verifier sees it: with its payload, or (a row an export redacts) with only the
 * digest of its payload, which is what the hash covers.
 */
export type AuditChainRow = AuditRowFields & { hash: string } & (
    { payload: string } | { payloadDigest: string }
  );

type AuditRowBody = AuditRowFields & ({ payload: string } | { payloadDigest: string });

export type AuditVerdict =
  { ok: true; count: number; head: string } | { ok: false; seq: number; reason: string };

export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The actions whose payload records a ballot's content (marks, written names, box, place in the
 * stack): ballot entered, ballot voided, a difference between two passes settled. An export gives
 * these rows by their payload's digest only; their payload gets a random salt when written, so
 * that the digest cannot be undone by trying every possible ballot.
 */
const ballotContentActions: ReadonlySet<string> = new Set([
  'ballot.enter',
  'ballot.void',
  'box.reconcile',
]);

export function recordsBallotContent(action: string): boolean {
  return ballotContentActions.has(action) || action.startsWith('ballot.');
}

/** Salts are cut from a pool of random bytes filled 256 salts at a time: one call, not one per row. */
const saltBytes = 16;
const saltPool = Buffer.alloc(saltBytes * 256);
let saltAt = saltPool.length;

function nextSalt(): string {
  if (saltAt === saltPool.length) {
    randomFillSync(saltPool);
    saltAt = 0;
  }
  const salt = saltPool.toString('hex', saltAt, saltAt + saltBytes);
  saltAt += saltBytes;
  return salt;
}

function salted(payload: unknown): unknown {
  const salt = nextSalt();
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? { ...payload, salt }
    : { value: payload, salt };
}

/** SHA-256 (hex) of a payload's canonical JSON text: what a row's hash covers of its payload. */
export function payloadDigest(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * The row's hash: over the previous row's hash and the row's fields, its payload by digest only,
 * so that an export can leave a payload out (a ballot's content) and its chain still verifies.
 */
export function auditHash(row: AuditRowBody): string {
  const digest = 'payload' in row ? payloadDigest(row.payload) : row.payloadDigest;
  // Six strings and a number: plain JSON is already canonical, and walking a 100,000-row chain
  // (export, verification) is a third faster without canonicalJson's call per value.
  const body = JSON.stringify([row.seq, row.at, row.actor, row.role, row.action, digest]);
  return createHash('sha256').update(row.prevHash).update('\n').update(body).digest('hex');
}

const selectAll =
  'SELECT seq, at, actor, role, action, payload, prev_hash AS prevHash, hash FROM audit ORDER BY seq';

/** The audit log of one connection; `append` must run inside the transaction of its change. */
export function createAuditLog(db: Database, now: () => Date) {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    'INSERT INTO audit (seq, at, actor, role, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], AuditRow>(selectAll);
  return {
    append(entry: AuditEntry): AuditRow {
      if (!db.inTransaction) {
        throw new Error('audit rows are written inside the change they record');
      }
      const prev = last.get();
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        at: now().toISOString(),
        actor: entry.actor,
        role: entry.role,
        action: entry.action,
        payload: canonicalJson(
          recordsBallotContent(entry.action) ? salted(entry.payload) : (entry.payload ?? null),
        ),
        prevHash: prev?.hash ?? genesisHash,
      };
      const hash = auditHash(row);
      insert.run(row.seq, row.at, row.actor, row.role, row.action, row.payload, row.prevHash, hash);
      return { ...row, hash };
    },
    /** The last row's seq and hash: what an export or a backup records to pin the log. */
    head(): { seq: number; hash: string } {
      return last.get() ?? { seq: 0, hash: genesisHash };
    },
    rows(): IterableIterator<AuditRow> {
      return all.iterate();
    },
    verify(): AuditVerdict {
      return verifyAuditRows(all.iterate());
    },
  };
}

/**
 * Walks the whole chain; names the first row whose order, link or content does not hold. Rows
 * removed from the end leave a shorter valid chain: compare the head with one recorded elsewhere.
 * A row given with only its payload's digest (redacted in an export) is checked by that digest.
 */
export function verifyAuditRows(rows: Iterable<AuditChainRow>): AuditVerdict {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  for (const row of rows) {
    if (row.seq > expectedSeq) {
      return { ok: false, seq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（被删除）` };
    }
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        seq: row.seq,
        reason: `序号应为 ${expectedSeq}，实为 ${row.seq}（记录重复或顺序被改动）`,
      };
    }
    if (row.prevHash !== prevHash) {
      return {
        ok: false,
        seq: row.seq,
        reason: '与上一条记录的链接不符（记录被删除、插入、调换或改动）',
      };
    }
    if (auditHash(row) !== row.hash) {
      return { ok: false, seq: row.seq, reason: '记录内容与其哈希不符（内容被改动）' };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, head: prevHash };
}

export function verifyAuditChain(db: Database): AuditVerdict {
  return verifyAuditRows(db.prepare<[], AuditRow>(selectAll).iterate());
}
