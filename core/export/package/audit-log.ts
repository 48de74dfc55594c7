import { z } from 'zod';
import {
  genesisHash,
  payloadDigest,
  recordsBallotContent,
  verifyAuditRows,
  type AuditChainRow,
  type AuditRow,
} from '../../../db/audit';

/*
 * audit.jsonl: the audit log as the database holds it, one row per line, each row's fields as
 * stored (the payload stays the canonical JSON text it was digested from), so that a verifier can
 * walk the same hash chain and compare its head with the manifest's. Except: a row that records a
 * ballot's content (its marks and written names, its box and place in the stack, in the order of
 * entry) gives only `payloadDigest` in place of `payload`. A row's hash covers its payload by
 * digest only, so the chain verifies all the same, and the package does not undo the shuffle of
 * ballots.json. (Those payloads are salted when written: a digest of a bare ballot could be found
 * by trying every possible one.) The database keeps every payload, for the scrutineers' audit
 * trail.
 */

/** Whether the export leaves the payload of a row with this action out. */
const redactedInExport = recordsBallotContent;

export interface AuditExport {
  text: string;
  rows: number;
  head: string;
}

export function auditJsonl(rows: Iterable<AuditRow>): AuditExport {
  const lines: string[] = [];
  let head = genesisHash;
  for (const row of rows) {
    const { seq, at, actor, role, action, payload, prevHash, hash } = row;
    const line = redactedInExport(action)
      ? { seq, at, actor, role, action, payloadDigest: payloadDigest(payload), prevHash, hash }
      : { seq, at, actor, role, action, payload, prevHash, hash };
    lines.push(JSON.stringify(line));
    head = hash;
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, rows: lines.length, head };
}

export type AuditCheck = { ok: true; count: number; head: string } | { ok: false; reason: string };

/**
 * Walks the hash chain of audit.jsonl line by line, keeping no row: a 100,000-row log is checked
 * without holding 100,000 objects. Names the first line that is not a row, or the first row whose
 * link or content does not hold.
 */
export function checkAuditJsonl(text: string): AuditCheck {
  const found = { problem: null as string | null };
  function* rows(): Generator<AuditChainRow> {
    for (let start = 0, line = 1; start < text.length; line += 1) {
      const end = text.indexOf('\n', start);
      if (end === -1) {
        found.problem = '最后一行没有换行符（文件被截断？）';
        return;
      }
      const row = auditRowOf(text.slice(start, end));
      if (!row) {
        found.problem = `第 ${line} 行不是一条审计记录`;
        return;
      }
      if (redactedInExport(row.action) !== 'payloadDigest' in row) {
        found.problem = `第 ${row.seq} 条记录（${row.action}）：${
          'payloadDigest' in row
            ? '不记录选票内容，却只给出内容摘要（内容被隐去）'
            : '记录选票内容，应只给出内容摘要（选票内容不应出现在结果包中）'
        }`;
        return;
      }
      yield row;
      start = end + 1;
    }
  }
  const chain = verifyAuditRows(rows());
  if (found.problem !== null) return { ok: false, reason: found.problem };
  return chain.ok ? chain : { ok: false, reason: `第 ${chain.seq} 条记录：${chain.reason}` };
}

const rowFields = {
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  prevHash: z.string(),
  hash: z.string(),
};

/** A row: seq, the text fields, and either `payload` (text) or `payloadDigest` (SHA-256 hex). */
const auditRowSchema = z.union([
  z.strictObject({ ...rowFields, payload: z.string() }),
  z.strictObject({ ...rowFields, payloadDigest: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

function auditRowOf(line: string): AuditChainRow | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const row = auditRowSchema.safeParse(value);
  return row.success ? row.data : undefined;
}
