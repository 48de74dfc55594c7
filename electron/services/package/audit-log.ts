import { genesisHash, verifyAuditRows, type AuditRow } from '../../../db/audit';

/*
 * audit.jsonl: the audit log as the database holds it, one row per line, each row's fields as
 * stored (the payload stays the canonical JSON text its hash was computed over), so that a
 * verifier can walk the same hash chain and compare its head with the manifest's.
 */

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
    lines.push(JSON.stringify({ seq, at, actor, role, action, payload, prevHash, hash }));
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
  function* rows(): Generator<AuditRow> {
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
      yield row;
      start = end + 1;
    }
  }
  const chain = verifyAuditRows(rows());
  if (found.problem !== null) return { ok: false, reason: found.problem };
  return chain.ok ? chain : { ok: false, reason: `第 ${chain.seq} 条记录：${chain.reason}` };
}

const textFields = ['at', 'actor', 'role', 'action', 'payload', 'prevHash', 'hash'] as const;

function auditRowOf(line: string): AuditRow | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== textFields.length + 1) return undefined;
  if (!Number.isSafeInteger(record.seq)) return undefined;
  if (!textFields.every((field) => typeof record[field] === 'string')) return undefined;
  return record as unknown as AuditRow;
}
