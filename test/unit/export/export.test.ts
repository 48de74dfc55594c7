import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../core/export/package/verify';
import { digestHex } from '../../../core/export/package/signature';
import type { Manifest } from '../../../shared/export/manifest';
import { chiefPin } from '../results/fixture';
import {
  certifiedCongress,
  entriesOf,
  json,
  packageIn,
  tempDir,
  type ExportedCongress,
} from './fixture';

async function exportTo(c: ExportedCongress, folder = tempDir()) {
  const exported = await c.h.must(
    'export.package',
    { congressId: c.h.congress.id, folder },
    c.h.chief.token,
  );
  return { exported, ...packageIn(folder) };
}

async function sheetHtml(c: ExportedCongress, roundId: number): Promise<string> {
  const preview = await c.h.must(
    'printouts.preview',
    { kind: 'result-sheet', electionId: c.h.election.id, roundId },
    c.h.scrutineer.token,
  );
  return preview.html;
}

describe('the seal on printed result sheets', () => {
  it('is absent before the export, the package’s after it, and gone once the result changes', async () => {
    const c = await certifiedCongress();
    const before = await sheetHtml(c, c.runoffRoundId);
    expect(before).toContain('导出后在此打印结果包摘要与签名公钥指纹');

    const { exported } = await exportTo(c);
    const after = await sheetHtml(c, c.runoffRoundId);
    expect(after).toContain(exported.digestShort);
    expect(after).toContain(exported.fingerprint);
    expect(after).toContain('SHA-256 摘要');
    expect(after).toMatch(/<svg[^>]*viewBox/);
    expect(after).not.toContain('导出后在此打印');

    // Unlocked and certified again: the paper would now describe a result no package holds.
    await c.h.must(
      'results.unlock',
      { roundId: c.runoffRoundId, pin: chiefPin, reason: '核对票箱' },
      c.h.chief.token,
    );
    await c.h.must('entry.finish', { roundId: c.runoffRoundId }, c.h.scrutineer.token);
    c.h.advance(60_000);
    await c.h.certify(c.runoffRoundId);
    expect(await sheetHtml(c, c.runoffRoundId)).toContain('导出后在此打印');
    const status = await c.h.must('export.status', {}, c.h.scrutineer.token);
    expect(status.newSinceLatest).toBe(1);

    c.h.advance(60_000);
    const { exported: again } = await exportTo(c);
    expect(again.digest).not.toBe(exported.digest);
    expect(await sheetHtml(c, c.runoffRoundId)).toContain(again.digestShort);
  });
});

describe('exporting through the API', () => {
  it('signs with SM2 and digests with SM3 once the 国密 scheme is chosen', async () => {
    const c = await certifiedCongress();
    const key = await c.h.must('export.setAlgorithm', { algorithm: 'sm2-sm3' }, c.h.chief.token);
    expect(key.algorithmLabel).toBe('SM2/SM3（国密）');
    const { exported, bytes } = await exportTo(c);
    expect(exported).toMatchObject({ algorithm: 'sm2-sm3', digestAlgorithm: 'sm3' });
    const entries = entriesOf(bytes);
    const manifest = json<Manifest>(entries, 'manifest.json');
    expect(manifest.signer.algorithm).toBe('sm2-sm3');
    expect(exported.digest).toBe(digestHex('sm3', entries[0]?.data ?? new Uint8Array()));
    const verdict = verifyPackage(bytes);
    expect(verdict.ok && verdict.value.ok && verdict.value.summary.digest.algorithm).toBe('sm3');
    expect(c.h.auditActions()).toEqual(
      expect.arrayContaining(['export.setAlgorithm', 'key.create', 'export.package']),
    );
  });

  it('verifies a package sent as bytes, without a session', async () => {
    const c = await certifiedCongress();
    const { bytes } = await exportTo(c);
    // Intact, but this installation's keyring vouches for no one yet.
    const verdict = await c.h.call('export.verify', { package: bytes.toString('base64') }, null);
    expect(verdict.ok && verdict.value.verdict).toBe('unregistered');
    const key = await c.h.must('export.publicKey', {}, c.h.scrutineer.token);
    const checked = await c.h.call(
      'export.verify',
      { package: bytes.toString('base64'), publicKey: key.content },
      null,
    );
    expect(checked.ok && checked.value.verdict === 'pass' && checked.value.signer).toEqual({
      kind: 'key-file',
    });
    const badKey = await c.h.call(
      'export.verify',
      { package: bytes.toString('base64'), publicKey: '{}' },
      null,
    );
    expect(badKey.ok || badKey.error.field).toBe('publicKey');
    const notZip = await c.h.call(
      'export.verify',
      { package: Buffer.from('hello').toString('base64') },
      null,
    );
    expect(notZip.ok || notZip.error.message).toContain('不是 zip 文件');
  });

  it('lets only the scrutineers export, and says what is wrong with the folder', async () => {
    const c = await certifiedCongress();
    const folder = tempDir();
    const teller = await c.h.call(
      'export.package',
      { congressId: c.h.congress.id, folder },
      c.h.teller.token,
    );
    expect(teller.ok || teller.error.code).toBe('forbidden');
    const relative = await c.h.call(
      'export.package',
      { congressId: c.h.congress.id, folder: 'U盘' },
      c.h.chief.token,
    );
    expect(relative.ok || relative.error).toMatchObject({ field: 'folder' });
    const missing = await c.h.call(
      'export.package',
      { congressId: c.h.congress.id, folder: `${folder}/没有这个文件夹` },
      c.h.chief.token,
    );
    expect(missing.ok || missing.error.message).toContain('不存在');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a congress with nothing certified', async () => {
    const c = await certifiedCongress();
    const other = c.h.store.transaction(() =>
      c.h.store.congresses.create({ name: '另一次大会', heldOn: '2025-07-01', profile: 'village' }),
    );
    const refused = await c.h.call(
      'export.package',
      { congressId: other.id, folder: tempDir() },
      c.h.chief.token,
    );
    expect(refused.ok || refused.error.message).toContain('还没有经总监票人签核的选举结果');
  });

  it('lists every round with whether the package holds it', async () => {
    const c = await certifiedCongress();
    const status = await c.h.must('export.status', {}, c.h.scrutineer.token);
    expect(status.latest).toBeNull();
    expect(status.rounds.map((r) => [r.exported, r.reason])).toEqual([
      [true, null],
      [true, null],
      [false, '尚未投票'],
    ]);
    expect(status.newSinceLatest).toBe(2);
    expect(status.key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  });
});
