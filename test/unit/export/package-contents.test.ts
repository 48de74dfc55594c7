import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../core/export/package/verify';
import { digestHex } from '../../../core/export/package/signature';
import type { LatestExport } from '../../../shared/api/export';
import type { BallotsDocument } from '../../../shared/export/ballots';
import type { Manifest } from '../../../shared/export/manifest';
import type { ResultsDocument } from '../../../shared/export/results';
import { exportedPackage, failedAt } from './exported';
import { json, utf8 } from './fixture';
import type { ZipEntry } from '../../../core/export/package/zip';

/* What an exported package holds (the package of ./exported.ts), and input that is none. */

let bytes: Buffer;
let entries: ZipEntry[];
let exported: LatestExport;
let auditRowsBefore: number;
let actions: string[];
let notExportedElection: string;

beforeAll(async () => {
  ({ bytes, entries, exported, auditRowsBefore, actions, notExportedElection } =
    await exportedPackage());
});

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
