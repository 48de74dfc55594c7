import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../../core/export/backup/files';
import { keysFolder, signingKey } from '../../../core/platform/keys';
import type { BackupInfo } from '../../../shared/api/backup';
import { tempDir } from '../export/fixture';
import { chiefPin, resultsHarness, type ResultsHarness } from '../results/fixture';

/*
 * A laptop whose backups carry its signing key, sealed with the passphrase the 总监票人 set, and
 * another laptop (another database, another key folder) that restores them.
 */

const seed = { seats: 1, candidates: ['丁一', '王二'], entitled: 5, present: 5 };
const passphrase = '东湖镇 监票 2025 春';

async function laptop(folder = tempDir('ct-backup-key-')) {
  const h = await resultsHarness(seed);
  await h.must('backup.configure', { folder, intervalMinutes: 15, keep: 20 }, h.admin.token);
  return { h, folder };
}

/** The fingerprint of the installation's Ed25519 key, read from its key folder. */
async function fingerprintOf(h: ResultsHarness): Promise<string> {
  const found = await signingKey(keysFolder(h.services.store.file), 'ed25519');
  if (!found.ok) throw new Error(found.error.message);
  return found.value.key.fingerprint;
}

function setPassphrase(h: ResultsHarness, value = passphrase, confirm = value, pin = chiefPin) {
  return h.call('backup.setPassphrase', { passphrase: value, confirm, pin }, h.chief.token);
}

async function backupNow(h: ResultsHarness): Promise<BackupInfo> {
  h.advance(1000);
  return h.must('backup.now', {}, h.scrutineer.token);
}

/** Laptop A with a passphrase set and a backup made; laptop B with a key of its own already. */
async function lostLaptop() {
  const a = await laptop();
  const sealed = await setPassphrase(a.h);
  expect(sealed.ok || sealed.error.message).toBe(true);
  const registered = await fingerprintOf(a.h);
  const backup = await backupNow(a.h);
  const b = await laptop(a.folder);
  await b.h.must('export.status', {}, b.h.chief.token);
  const own = await fingerprintOf(b.h);
  return { a, b, registered, backup, own };
}

function restoreOn(h: ResultsHarness, file: string, given?: string) {
  return h.call(
    'backup.restore',
    { file, pin: chiefPin, ...(given === undefined ? {} : { passphrase: given }) },
    h.chief.token,
  );
}

/** Everything that must stay as it was when a restore is refused. */
function snapshot(h: ResultsHarness) {
  const live = h.services.store.file;
  return {
    files: readdirSync(dirname(live)).sort(),
    keys: readdirSync(keysFolder(live))
      .sort()
      .map((name) => readFileSync(join(keysFolder(live), name), 'utf8')),
    head: h.services.store.audit.head(),
  };
}

/** A copy of the backup with its sealed keys changed by `change`, its manifest made to match. */
async function withSealedKeys(
  backup: BackupInfo,
  change: (sealed: { envelope: Record<string, unknown> }) => void,
): Promise<string> {
  const copy = join(dirname(backup.file), 'congress-tally-0badc0de-20250618-090000.sqlite');
  copyFileSync(backup.file, copy);
  const db = new Database(copy);
  const row = db
    .prepare<[], { value: string }>("SELECT value FROM setting WHERE key = 'backup.signingKeys'")
    .get();
  const sealed = JSON.parse(row?.value ?? 'null') as { envelope: Record<string, unknown> };
  change(sealed);
  db.prepare("UPDATE setting SET value = ? WHERE key = 'backup.signingKeys'").run(
    JSON.stringify(sealed),
  );
  db.close();
  const manifest = JSON.parse(readFileSync(`${backup.file}.json`, 'utf8')) as object;
  const { size, sha256 } = await digestOf(copy);
  writeFileSync(
    `${copy}.json`,
    JSON.stringify({ ...manifest, source: '0badc0de', file: basename(copy), size, sha256 }),
  );
  return copy;
}

function flipped(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[3] = (bytes[3] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('the backup passphrase', () => {
  it('is set by the 总监票人 with their PIN, audited without the passphrase', async () => {
    const { h } = await laptop();
    const before = await h.must('backup.status', {}, h.chief.token);
    expect(before.signingKeys.sealed).toBeNull();
    const set = await setPassphrase(h);
    expect(set.ok).toBe(true);
    const status = await h.must('backup.status', {}, h.admin.token);
    expect(status.signingKeys.sealed?.keys.map((k) => k.fingerprint)).toEqual([
      await fingerprintOf(h),
    ]);
    expect(status.signingKeys.sealed?.setBy).toBe('钱总监');
    expect(status.signingKeys.uncovered).toEqual([]);
    expect(await setPassphrase(h, '另一个更长的口令 2025')).toMatchObject({ ok: true });
    const rows = h.store.db
      .prepare<[], { payload: string }>(
        "SELECT payload FROM audit WHERE action = 'backup.passphrase' ORDER BY seq",
      )
      .all();
    expect(rows.map((r) => (JSON.parse(r.payload) as { change: string }).change)).toEqual([
      'set',
      'changed',
    ]);
    const everything = JSON.stringify(h.store.db.prepare('SELECT * FROM audit').all());
    const settings = JSON.stringify(h.store.db.prepare('SELECT * FROM setting').all());
    for (const text of [everything, settings]) {
      expect(text).not.toContain(passphrase);
      expect(text).not.toContain('另一个更长的口令');
    }
  });

  it('refuses a short one, a mismatched confirmation, a wrong PIN and anyone but the 总监票人', async () => {
    const { h } = await laptop();
    const short = await setPassphrase(h, '太短的口令');
    expect(short.ok || short.error).toMatchObject({ field: 'passphrase' });
    expect(short.ok || short.error.message).toContain('至少 10 个字符');
    const mismatch = await setPassphrase(h, passphrase, `${passphrase}!`);
    expect(mismatch.ok || mismatch.error).toMatchObject({ field: 'confirm' });
    const pin = await setPassphrase(h, passphrase, passphrase, '0000');
    expect(pin.ok || pin.error.code).toBe('wrong-pin');
    const admin = await h.call(
      'backup.setPassphrase',
      { passphrase, confirm: passphrase, pin: chiefPin },
      h.admin.token,
    );
    expect(admin.ok || admin.error.code).toBe('forbidden');
    expect(h.auditActions()).not.toContain('backup.passphrase');
    expect((await h.must('backup.status', {}, h.chief.token)).signingKeys.sealed).toBeNull();
  });

  it('says when a key made since is not in the backups yet', async () => {
    const { h } = await laptop();
    await setPassphrase(h);
    await h.must('export.setAlgorithm', { algorithm: 'sm2-sm3' }, h.chief.token);
    const status = await h.must('backup.status', {}, h.chief.token);
    expect(status.signingKeys.uncovered).toHaveLength(1);
    await setPassphrase(h);
    const again = await h.must('backup.status', {}, h.chief.token);
    expect(again.signingKeys.uncovered).toEqual([]);
    expect(again.signingKeys.sealed?.keys.map((k) => k.algorithm)).toEqual(['ed25519', 'sm2-sm3']);
  });
});

describe('restoring on another laptop', () => {
  it('with the passphrase, keeps the fingerprint the county registered', async () => {
    const { a, b, registered, backup, own } = await lostLaptop();
    expect(own).not.toBe(registered);
    const listed = await b.h.must('backup.status', {}, b.h.chief.token);
    expect(listed.backups.find((x) => x.name === backup.name)?.signingKeys).toEqual([registered]);
    const restored = await restoreOn(b.h, backup.file, passphrase);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.signingKey).toMatchObject({
      state: 'restored',
      fingerprints: [registered],
    });
    expect(restored.value.signingKey.message).toContain('签名密钥已恢复');
    expect(await fingerprintOf(b.h)).toBe(registered);
    // B's own key is kept aside, not deleted.
    const aside = restored.value.signingKey.keptAside;
    expect(aside).toHaveLength(1);
    const kept = readFileSync(aside[0] ?? '', 'utf8');
    expect(kept).not.toBe(readFileSync(join(keysFolder(a.h.store.file), 'ed25519-private.pem')));
    const last = [...b.h.services.store.audit.rows()].at(-1);
    expect(last?.action).toBe('backup.restore');
    expect(JSON.parse(String(last?.payload))).toMatchObject({ signingKey: { state: 'restored' } });
    expect(JSON.stringify([...b.h.services.store.audit.rows()])).not.toContain(passphrase);
  });

  it('with a wrong passphrase, says so, changes nothing, and lets them try again', async () => {
    const { b, registered, backup, own } = await lostLaptop();
    const before = snapshot(b.h);
    const wrong = await restoreOn(b.h, backup.file, '不是这个口令 2025 春');
    expect(wrong.ok || wrong.error).toMatchObject({ field: 'passphrase' });
    expect(wrong.ok || wrong.error.message).toContain('备份口令不对');
    expect(wrong.ok || wrong.error.message).toContain('当前数据库没有任何改动');
    expect(snapshot(b.h)).toEqual(before);
    expect(await fingerprintOf(b.h)).toBe(own);
    const retried = await restoreOn(b.h, backup.file, passphrase);
    expect(retried.ok && retried.value.signingKey.state).toBe('restored');
    expect(await fingerprintOf(b.h)).toBe(registered);
  });

  it('without the passphrase, restores the data and says the key was not restored', async () => {
    const { b, registered, backup, own } = await lostLaptop();
    const restored = await restoreOn(b.h, backup.file);
    if (!restored.ok) throw new Error(restored.error.message);
    const { signingKey: key } = restored.value;
    expect(key.state).toBe('not-restored');
    expect(key.message).toContain('签名密钥没有恢复');
    expect(key.message).toContain('重新登记');
    expect(key.message).toContain(registered);
    expect(await fingerprintOf(b.h)).toBe(own);
    expect(b.h.services.store.congresses.list()).toHaveLength(1);
    expect(JSON.parse(String([...b.h.services.store.audit.rows()].at(-1)?.payload))).toMatchObject({
      signingKey: { state: 'not-restored' },
    });
  });

  it('from a backup made before a passphrase was set, says it holds no key', async () => {
    const a = await laptop();
    await a.h.must('export.status', {}, a.h.chief.token);
    const backup = await backupNow(a.h);
    expect(backup.signingKeys).toEqual([]);
    const b = await laptop(a.folder);
    const restored = await restoreOn(b.h, backup.file, passphrase);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.signingKey.state).toBe('not-restored');
    expect(restored.value.signingKey.message).toContain('不含签名密钥');
    expect(existsSync(join(keysFolder(b.h.services.store.file), 'ed25519-private.pem'))).toBe(
      false,
    );
  });

  it('on the same laptop without the passphrase, says the key is the same', async () => {
    const { a, backup } = await lostLaptop();
    const restored = await restoreOn(a.h, backup.file);
    expect(restored.ok && restored.value.signingKey.state).toBe('same');
  });

  describe('refuses sealed keys that were altered, and changes nothing', () => {
    const cases: [string, (sealed: { envelope: Record<string, unknown> }) => void][] = [
      [
        'the ciphertext',
        ({ envelope }) => (envelope.ciphertext = flipped(envelope.ciphertext as string)),
      ],
      [
        'the tag',
        ({ envelope }) => {
          const cipher = envelope.cipher as { tag: string };
          cipher.tag = flipped(cipher.tag);
        },
      ],
      [
        'the fingerprint listed',
        ({ envelope }) => {
          const keys = envelope.keys as { fingerprint: string }[];
          if (keys[0]) keys[0].fingerprint = '0000 0000 0000 0000 0000';
        },
      ],
    ];
    for (const [what, change] of cases) {
      it(what, async () => {
        const { b, backup, own } = await lostLaptop();
        const altered = await withSealedKeys(backup, change);
        const before = snapshot(b.h);
        const result = await restoreOn(b.h, altered, passphrase);
        expect(result.ok || result.error.message).toContain('未通过校验');
        expect(result.ok || result.error.message).toContain('当前数据库没有任何改动');
        expect(snapshot(b.h)).toEqual(before);
        expect(await fingerprintOf(b.h)).toBe(own);
      });
    }
  });
});

describe('restoring from the command line', () => {
  it('takes the passphrase from standard input or the environment, never the arguments', async () => {
    const { main } = await import('../../../cli/main');
    const { b, registered, backup } = await lostLaptop();
    const live = b.h.store.file;
    b.h.services.close();
    const out: string[] = [];
    const io = (stdin: string) => ({
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => out.push(l),
      stdin: () => Promise.resolve(stdin),
    });
    const args = ['restore', '--db', live, '--backup', backup.file, '--passphrase-stdin'];
    expect(await main(args, io('不是这个口令 2025\n'))).toBe(1);
    expect(out.at(-1)).toContain('备份口令不对');
    expect(await main(args, io(`${passphrase}\n`))).toBe(0);
    expect(out.at(-1)).toContain(registered);
    const found = await signingKey(keysFolder(live), 'ed25519');
    expect(found.ok && found.value.key.fingerprint).toBe(registered);
    expect(
      await main(
        ['restore', '--db', live, '--backup', backup.file, '--passphrase', passphrase],
        io(''),
      ),
    ).toBe(2);
    expect(out.at(-1)).toContain('--passphrase-stdin');
    process.env.CONGRESS_TALLY_BACKUP_PASSPHRASE = passphrase;
    try {
      expect(await main(['restore', '--db', live, '--backup', backup.file], io(''))).toBe(0);
    } finally {
      delete process.env.CONGRESS_TALLY_BACKUP_PASSPHRASE;
    }
    expect(out.at(-1)).toContain('无需恢复');
    const help: string[] = [];
    await main(['help'], { stdout: (l) => help.push(l), stderr: (l) => help.push(l) });
    expect(help.join('\n')).toContain('CONGRESS_TALLY_BACKUP_PASSPHRASE');
  });
});
