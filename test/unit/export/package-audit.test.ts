import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKey } from '../../../core/platform/keys';
import { auditJsonl, checkAuditJsonl } from '../../../core/export/package/audit-log';
import { auditHash, genesisHash, payloadDigest, type AuditRow } from '../../../db/audit';
import { exportedPackage, verdictOf } from './exported';
import { resigned, utf8 } from './fixture';
import type { ZipEntry } from '../../../core/export/package/zip';

/* The audit log in an exported package: ballot rows by payload digest only. */

let bytes: Buffer;
let entries: ZipEntry[];
let ourKey: SigningKey;
let liveAudit: AuditRow[];

beforeAll(async () => {
  ({ bytes, entries, ourKey, liveAudit } = await exportedPackage());
});

type AuditLine = Record<string, unknown> & { seq: number; action: string };

function auditLines(): AuditLine[] {
  const text = Buffer.from(entries.find((e) => e.name === 'audit.jsonl')?.data ?? []).toString();
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditLine);
}

/** The package re-signed with audit.jsonl's row `seq` changed by `edit`. */
function withAuditRow(seq: number, edit: (row: AuditLine) => AuditLine): Buffer {
  const text = auditLines()
    .map((row) => `${JSON.stringify(row.seq === seq ? edit(row) : row)}\n`)
    .join('');
  return resigned(entries, ourKey, { 'audit.jsonl': utf8(text) });
}

function auditFailure(input: Uint8Array): string {
  const verdict = verdictOf(input);
  if (verdict.ok) return '(verified)';
  return `${verdict.file}: ${verdict.reason}`;
}

describe('the audit log in a package', () => {
  it('gives ballot rows by payload digest only: no marks, box or place, and still verifies', () => {
    const lines = auditLines();
    const ballotRows = lines.filter((row) => row.action === 'ballot.enter');
    // 19 papers in the formal round, 19 in the runoff.
    expect(ballotRows).toHaveLength(38);
    for (const row of ballotRows) {
      expect(Object.keys(row)).toEqual([
        'seq',
        'at',
        'actor',
        'role',
        'action',
        'payloadDigest',
        'prevHash',
        'hash',
      ]);
      const live = liveAudit.find((r) => r.seq === row.seq);
      // The database keeps the whole payload; the package only its digest.
      // (salted, so that the digest cannot be matched by trying every possible ballot).
      expect(live?.payload).toMatch(
        /"boxId":\d+.*"marks":"[-OX?]+".*"salt":"[0-9a-f]{32}".*"seq":\d+/,
      );
      expect(row.payloadDigest).toBe(payloadDigest(live?.payload ?? ''));
    }
    const text = lines.map((row) => JSON.stringify(row)).join('\n');
    expect(text).not.toContain('"marks"');
    expect(text).not.toContain('赵六');
    // Every other row keeps its payload.
    const others = lines.filter((row) => row.action !== 'ballot.enter');
    expect(
      others.every((row) => typeof row.payload === 'string' && !('payloadDigest' in row)),
    ).toBe(true);
    expect(verdictOf(bytes)).toMatchObject({ ok: true });
  });

  it('names the ballot row whose digest or time was changed', () => {
    const seq = auditLines().find((row) => row.action === 'ballot.enter')?.seq ?? 0;
    expect(seq).toBeGreaterThan(0);
    const digest = withAuditRow(seq, (row) => ({ ...row, payloadDigest: '0'.repeat(64) }));
    expect(auditFailure(digest)).toBe(
      `audit.jsonl: 第 ${seq} 条记录：记录内容与其哈希不符（内容被改动）`,
    );
    const at = withAuditRow(seq, (row) => ({ ...row, at: '2025-06-18T00:00:00.000Z' }));
    expect(auditFailure(at)).toBe(
      `audit.jsonl: 第 ${seq} 条记录：记录内容与其哈希不符（内容被改动）`,
    );
  });

  it('names a ballot row that carries its payload, and another row that hides its own', () => {
    const ballot = liveAudit.find((row) => row.action === 'ballot.enter');
    const other = liveAudit.find((row) => row.action === 'round.certify');
    if (!ballot || !other) throw new Error('no ballot or certification row');
    const shown = withAuditRow(ballot.seq, (row) => {
      const changed: AuditLine = { ...row, payload: ballot.payload };
      delete changed.payloadDigest;
      return changed;
    });
    expect(auditFailure(shown)).toContain(`audit.jsonl: 第 ${ballot.seq} 条记录（ballot.enter）`);
    const hidden = withAuditRow(other.seq, (row) => {
      const changed: AuditLine = { ...row, payloadDigest: payloadDigest(other.payload) };
      delete changed.payload;
      return changed;
    });
    expect(auditFailure(hidden)).toContain(`audit.jsonl: 第 ${other.seq} 条记录（round.certify）`);
  });

  it('leaves out the content of entered, voided and settled ballots alike', () => {
    const actions = [
      'session.signIn',
      'ballot.enter',
      'ballot.void',
      'box.reconcile',
      'box.reconciled',
    ];
    const rows: AuditRow[] = [];
    for (const [i, action] of actions.entries()) {
      const payload = JSON.stringify({ boxId: 3, seq: i, marks: 'OX-O' });
      const body = {
        seq: i + 1,
        at: `2025-06-18T08:0${i}:00.000Z`,
        actor: '张计票',
        role: 'teller',
        action,
        payload,
        prevHash: rows.at(-1)?.hash ?? genesisHash,
      };
      rows.push({ ...body, hash: auditHash(body) });
    }
    const exported = auditJsonl(rows);
    const lines = exported.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine);
    expect(lines.map((row) => 'payload' in row)).toEqual([true, false, false, false, true]);
    expect(checkAuditJsonl(exported.text)).toEqual({ ok: true, count: 5, head: rows[4]?.hash });
  });
});
