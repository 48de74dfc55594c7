import { genesisHash, type AuditRow } from '../../../db/audit';

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
  return { text: lines.map((line) => `${line}\n`).join(''), rows: lines.length, head };
}

export type AuditParse = { ok: true; rows: AuditRow[] } | { ok: false; reason: string };

const textFields = ['at', 'actor', 'role', 'action', 'payload', 'prevHash', 'hash'] as const;

/** The rows of audit.jsonl, or the first line that is not one. */
export function parseAuditJsonl(text: string): AuditParse {
  const lines = text.split('\n');
  if (lines.pop() !== '') return { ok: false, reason: '最后一行没有换行符（文件被截断？）' };
  const rows: AuditRow[] = [];
  for (const [i, line] of lines.entries()) {
    const row = auditRowOf(line);
    if (!row) return { ok: false, reason: `第 ${i + 1} 行不是一条审计记录` };
    rows.push(row);
  }
  return { ok: true, rows };
}

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
