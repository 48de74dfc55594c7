import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  keysFolder,
  publicKeyFile,
  readPublicKey,
  signingKey,
  type SigningKey,
} from '../../../core/platform/keys';
import { verifyPackage } from '../../../core/export/package/verify';
import { auditJsonl, checkAuditJsonl } from '../../../core/export/package/audit-log';
import { auditHash, genesisHash, payloadDigest, type AuditRow } from '../../../db/audit';
import { digestHex, shortForm } from '../../../core/export/package/signature';
import type { LatestExport, Verdict } from '../../../shared/api/export';
import type { BallotsDocument, CastVote } from '../../../shared/export/ballots';
import type { Manifest } from '../../../shared/export/manifest';
import type { ResultsDocument } from '../../../shared/export/results';
import {
  certifiedCongress,
  entriesOf,
  json,
  packageIn,
  replaced,
  resigned,
  rezip,
  tempDir,
  utf8,
} from './fixture';
import type { ZipEntry } from '../../../core/export/package/zip';

/*
 * One congress is exported once through the API; the tests then read, copy and tamper with the
 * bytes of that package, and verification must name the file at fault every time.
 */

let bytes: Buffer;
let file: string;
let entries: ZipEntry[];
let exported: LatestExport;
let dbFile: string;
let auditRowsBefore: number;
let actions: string[];
let notExportedElection: string;
let ourKey: SigningKey;
let liveAudit: AuditRow[];

beforeAll(async () => {
  const c = await certifiedCongress();
  const folder = tempDir();
  auditRowsBefore = c.h.store.audit.head().seq;
  exported = await c.h.must(
    'export.package',
    { congressId: c.h.congress.id, folder },
    c.h.chief.token,
  );
  ({ bytes, file } = packageIn(folder));
  entries = entriesOf(bytes);
  dbFile = c.h.store.file;
  actions = c.h.auditActions();
  liveAudit = [...c.h.store.audit.rows()];
  notExportedElection = c.h.store.elections.byId(c.draftElectionId)?.title ?? '';
  // Read now: the harness removes the database's folder, keys included, after the first test.
  const key = await signingKey(keysFolder(dbFile), 'ed25519');
  if (!key.ok || key.value.created) throw new Error('the export made no key');
  ourKey = key.value.key;
});

function verdictOf(input: Uint8Array, registered?: Parameters<typeof verifyPackage>[1]): Verdict {
  const result = verifyPackage(input, registered);
  if (!result.ok) throw new Error(`not readable: ${result.error.message}`);
  return result.value;
}

function failedAt(input: Uint8Array): string {
  const verdict = verdictOf(input);
  return verdict.ok ? '(verified)' : verdict.file;
}

describe('an exported package', () => {
  it('holds the manifest, its signature and every file it lists, reports included', () => {
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 6)).toEqual([
      'manifest.json',
      'manifest.sig',
      'results.json',
      'ballots.json',
      'audit.jsonl',
      'results.csv',
    ]);
    const pdfs = names.filter((n) => n.endsWith('.pdf'));
    // Per certified round an issuance sheet and a result sheet; the elected list; the summary.
    expect(pdfs).toHaveLength(2 * 2 + 1 + 1);
    for (const pdf of entries.filter((e) => e.name.endsWith('.pdf'))) {
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const manifest = json<Manifest>(entries, 'manifest.json');
    expect(manifest.format).toBe('congress-tally-results');
    expect(manifest.missingReports).toEqual([]);
    expect(manifest.files.map((f) => f.path)).toEqual(names.slice(2));
    for (const listed of manifest.files) {
      const data = entries.find((e) => e.name === listed.path)?.data ?? new Uint8Array();
      expect(listed.size).toBe(data.length);
      expect(listed.digest).toBe(digestHex('sha-256', data));
    }
    expect(manifest.signer.fingerprint).toBe(exported.fingerprint);
    expect(manifest.signer.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(exported.digest).toBe(digestHex('sha-256', entries[0]?.data ?? new Uint8Array()));
  });

  it('pins the audit log as it stood, and records the export in it afterwards', () => {
    const manifest = json<Manifest>(entries, 'manifest.json');
    // The key was made at this first export (audited), then the package was read.
    expect(manifest.audit.rows).toBe(auditRowsBefore + 1);
    const lines = Buffer.from(entries.find((e) => e.name === 'audit.jsonl')?.data ?? [])
      .toString()
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(manifest.audit.rows);
    expect((JSON.parse(lines.at(-1) ?? '{}') as { hash: string }).hash).toBe(manifest.audit.head);
    expect(actions.slice(-2)).toEqual(['key.create', 'export.package']);
  });

  it('exports only certified rounds, and says why the others are not in it', () => {
    const results = json<ResultsDocument>(entries, 'results.json');
    const manifest = json<Manifest>(entries, 'manifest.json');
    expect(results.elections).toHaveLength(1);
    const rounds = results.elections[0]?.rounds ?? [];
    expect(rounds.map((r) => r.parameters.round)).toEqual(['formal', 'runoff']);
    expect(rounds[0]?.result.runoff?.candidates.sort()).toEqual(['李三', '王二'].sort());
    expect(rounds[1]?.result.elected).toEqual(['王二']);
    expect(results.notExported).toEqual([
      expect.objectContaining({
        election: notExportedElection,
        state: 'draft',
        reason: '尚未投票',
      }),
    ]);
    expect(manifest.rounds.notExported).toEqual(results.notExported);
    expect(manifest.rounds.exported.map((r) => r.roundId)).toEqual(rounds.map((r) => r.id));
  });

  it('keeps the engine input of every round, so that it can be counted again', () => {
    const results = json<ResultsDocument>(entries, 'results.json');
    const formal = results.elections[0]?.rounds[0];
    expect(formal?.parameters).toEqual({
      profile: 'party-grassroots',
      options: {
        quorum: 'at-least-4/5',
        thresholdBase: 'entitled',
        nameOrder: 'party',
        writeInWithoutMark: 'ignore',
      },
      round: 'formal',
      office: 'committee',
      seats: 2,
      formalCandidates: null,
      candidates: ['丁一', '王二', '李三', '张四'],
      electorate: { entitled: 19, present: 19 },
      issued: 19,
      returned: 19,
    });
    expect(formal?.result.ballots).toEqual({ issued: 19, returned: 19, valid: 17, invalid: 2 });
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    expect(ballots.rounds.map((r) => r.ballots.length)).toEqual([19, 19]);
  });
});

describe('verification', () => {
  it('passes an untouched package, and the same package copied elsewhere', () => {
    const verdict = verdictOf(bytes);
    expect(verdict).toMatchObject({ ok: true });
    const copy = join(tempDir('ct-copy-'), 'copied.zip');
    copyFileSync(file, copy);
    const again = verdictOf(readFileSync(copy));
    expect(again).toEqual(verdict);
    if (!again.ok) return;
    expect(again.summary.elections[0]?.elected).toEqual(['丁一', '王二']);
    expect(again.summary.digest.short).toBe(shortForm(exported.digest));
    expect(again.summary.signer).toEqual({
      algorithm: 'ed25519',
      fingerprint: exported.fingerprint,
      registered: false,
    });
    expect(again.warnings.join('')).toContain('只是结果包的自述');
  });

  it('checks the signer against a registered public key when one is given', () => {
    const registered = readPublicKey(publicKeyFile(ourKey).content);
    if (!registered.ok) throw new Error(registered.error.message);
    const verdict = verdictOf(bytes, registered.value);
    expect(verdict.ok && verdict.summary.signer.registered).toBe(true);
    expect(verdict.ok && verdict.warnings).toEqual([]);
  });

  it('names the file when one byte of it changes in the zip', () => {
    let offset = 0;
    for (const entry of entries) {
      const headerLength = 30 + Buffer.byteLength(entry.name);
      for (const at of [0, entry.data.length >> 1, entry.data.length - 1]) {
        const changed = Buffer.from(bytes);
        const position = offset + headerLength + at;
        changed[position] = (changed[position] ?? 0) ^ 0x20;
        expect(failedAt(changed), `${entry.name} byte ${at}`).toBe(entry.name);
      }
      offset += headerLength + entry.data.length;
    }
  });

  it('names the file when one byte of it changes and the zip is made again', () => {
    for (const entry of entries) {
      const data = Buffer.from(entry.data);
      const at = data.length >> 1;
      data[at] = (data[at] ?? 0) ^ 0x01;
      expect(failedAt(rezip(replaced(entries, entry.name, data))), entry.name).toBe(entry.name);
    }
  });

  it('names a file that was removed, and one that was added', () => {
    for (const entry of entries) {
      const without = entries.filter((e) => e !== entry);
      expect(failedAt(rezip(without)), entry.name).toBe(entry.name);
    }
    const added = rezip([...entries, { name: 'notes.txt', data: utf8('已核对') }]);
    expect(failedAt(added)).toBe('notes.txt');
  });

  it('refuses ballots moved from one round to another', () => {
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    const [formal, runoff] = ballots.rounds;
    if (!formal || !runoff) throw new Error('two rounds expected');
    const swapped = {
      ...ballots,
      rounds: [
        { ...formal, ballots: runoff.ballots },
        { ...runoff, ballots: formal.ballots },
      ],
    };
    const data = utf8(JSON.stringify(swapped));
    expect(failedAt(rezip(replaced(entries, 'ballots.json', data)))).toBe('ballots.json');
  });

  it('refuses a package signed again with another key when the registered key is given', async () => {
    const other = await signingKey(tempDir('ct-other-key-'), 'ed25519');
    if (!other.ok) throw new Error(other.error.message);
    const forged = resigned(entries, other.value.key);
    // On its own the forgery is a well-formed package of another signer: only the fingerprint,
    // printed on paper and registered at the county, tells.
    const alone = verdictOf(forged);
    expect(alone.ok && alone.summary.signer.fingerprint).toBe(other.value.key.fingerprint);
    expect(alone.ok && alone.summary.signer.fingerprint).not.toBe(exported.fingerprint);
    const registered = readPublicKey(publicKeyFile(ourKey).content);
    if (!registered.ok) throw new Error(registered.error.message);
    const verdict = verdictOf(forged, registered.value);
    expect(verdict.ok || verdict.file).toBe('manifest.sig');
    expect(verdict.ok || verdict.reason).toContain(exported.fingerprint);
  });

  it('refuses a manifest signed by another key while naming ours as the signer', async () => {
    const other = await signingKey(tempDir('ct-other-key-'), 'ed25519');
    if (!other.ok) throw new Error(other.error.message);
    const manifest = json<Manifest>(entries, 'manifest.json');
    const impostor = {
      ...other.value.key,
      publicKey: manifest.signer.publicKey,
      fingerprint: manifest.signer.fingerprint,
    };
    expect(failedAt(resigned(entries, impostor))).toBe('manifest.sig');
  });
});

describe('an insider who holds the signing key', () => {
  it('cannot change one ballot: the results no longer follow from the ballots', () => {
    const key = ourKey;
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    const formal = ballots.rounds[0];
    // The ballots are shuffled: take the one with the fewest ○, so it is never an over-vote, which
    // one ○ less would turn valid.
    const votesFor = (b: CastVote) =>
      [...b.marks].filter((m) => m === 'O').length +
      b.writeIns.filter((w) => w.mark === 'O').length;
    const counted = (formal?.ballots ?? []).filter((b) => !b.invalid && b.marks.startsWith('O'));
    const fewest = counted.reduce<CastVote | undefined>(
      (best, b) => (best && votesFor(best) <= votesFor(b) ? best : b),
      undefined,
    );
    const index = fewest ? (formal?.ballots.indexOf(fewest) ?? -1) : -1;
    const target = formal?.ballots[index];
    if (!formal || !target) throw new Error('no ballot for 丁一');
    formal.ballots[index] = { ...target, marks: `X${target.marks.slice(1)}` };
    const verdict = verdictOf(
      resigned(entries, key, { 'ballots.json': utf8(JSON.stringify(ballots)) }),
    );
    expect(verdict.ok || verdict.file).toBe('results.json');
    expect(verdict.ok || verdict.reason).toMatch(
      /重新计票，“丁一”的赞成票为 11，而 results\.json 记载为 12/,
    );
  });

  it('cannot change a count in results.json', () => {
    const key = ourKey;
    const results = json<ResultsDocument>(entries, 'results.json');
    const name = results.elections[0]?.rounds[0]?.result.results.find((n) => n.name === '张四');
    if (!name) throw new Error('no 张四');
    name.for = 5;
    const verdict = verdictOf(
      resigned(entries, key, { 'results.json': utf8(JSON.stringify(results)) }),
    );
    expect(verdict.ok || verdict.file).toBe('results.json');
  });

  it('cannot drop a ballot', () => {
    const key = ourKey;
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    ballots.rounds[1]?.ballots.pop();
    const verdict = verdictOf(
      resigned(entries, key, { 'ballots.json': utf8(JSON.stringify(ballots)) }),
    );
    expect(verdict.ok || verdict.file).toBe('ballots.json');
  });

  it('cannot make the spreadsheet say something else', () => {
    const key = ourKey;
    const csv = Buffer.from(entries.find((e) => e.name === 'results.csv')?.data ?? []).toString();
    const edited = utf8(csv.replace(/,丁一,否,12,/, ',丁一,否,21,'));
    expect(edited.toString()).not.toBe(csv);
    const verdict = verdictOf(resigned(entries, key, { 'results.csv': edited }));
    expect(verdict.ok || verdict.file).toBe('results.csv');
  });

  it('cannot rewrite the audit log without breaking its chain', () => {
    const key = ourKey;
    const audit = Buffer.from(entries.find((e) => e.name === 'audit.jsonl')?.data ?? []).toString();
    const edited = utf8(audit.replace('"actor":"钱总监"', '"actor":"赵监票"'));
    expect(edited.toString()).not.toBe(audit);
    const verdict = verdictOf(resigned(entries, key, { 'audit.jsonl': edited }));
    expect(verdict.ok || verdict.file).toBe('audit.jsonl');
  });
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

describe('input that is not a package', () => {
  it('is bad input when it is not a zip at all', () => {
    const result = verifyPackage(utf8('这不是结果包'));
    expect(result.ok || result.error.code).toBe('invalid-argument');
  });

  it('fails with the container named when bytes are appended', () => {
    const longer = Buffer.concat([bytes, utf8('x')]);
    expect(failedAt(longer)).toBe('（结果包文件本身）');
  });
});
