import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { scheduledBackup } from '../../../core/export/backup/handlers';
import { digestOf } from '../../../core/export/backup/files';
import type { BackupInfo } from '../../../shared/api/backup';
import { tempDir } from '../export/fixture';
import { chiefPin, resultsHarness, type ResultsHarness } from '../results/fixture';

const seed = { seats: 1, candidates: ['丁一', '王二'], entitled: 5, present: 5 };

async function withBackups(keep = 20) {
  const h = await resultsHarness(seed);
  const folder = tempDir('ct-backup-');
  await h.must('backup.configure', { folder, intervalMinutes: 15, keep }, h.admin.token);
  return { h, folder };
}

async function backupNow(h: ResultsHarness): Promise<BackupInfo> {
  h.advance(1000);
  return h.must('backup.now', {}, h.scrutineer.token);
}

function congresses(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { name: string }>('SELECT name FROM congress ORDER BY id')
      .all()
      .map((r) => r.name);
  } finally {
    db.close();
  }
}

/** A copy of the backup changed by `change`, with its manifest made to match it again (as if from another installation). */
function altered(backup: BackupInfo, change: (db: Database.Database) => void): Promise<string> {
  const copy = join(dirname(backup.file), `congress-tally-0badc0de-20250618-090000.sqlite`);
  copyFileSync(backup.file, copy);
  const db = new Database(copy);
  change(db);
  db.close();
  return rewriteManifest(backup, copy);
}

async function rewriteManifest(backup: BackupInfo, copy: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(`${backup.file}.json`, 'utf8')) as Record<
    string,
    unknown
  >;
  const { size, sha256 } = await digestOf(copy);
  const remade = { ...manifest, source: '0badc0de', file: basename(copy), size, sha256 };
  writeFileSync(`${copy}.json`, JSON.stringify(remade));
  return copy;
}

async function restore(h: ResultsHarness, file: string) {
  return h.call('backup.restore', { file, pin: chiefPin }, h.chief.token);
}

describe('backing up', () => {
  it('writes the database and a manifest with its SHA-256 into the folder', async () => {
    const { h, folder } = await withBackups();
    const made = await backupNow(h);
    expect(readdirSync(folder).sort()).toEqual([made.name, `${made.name}.json`].sort());
    const manifest = JSON.parse(readFileSync(`${made.file}.json`, 'utf8')) as { sha256: string };
    expect(manifest.sha256).toBe((await digestOf(made.file)).sha256);
    // A whole database on its own, with nothing beside it to replay.
    expect(congresses(made.file)).toEqual(['中国共产党东湖镇第十六次代表大会']);
    expect(h.auditActions().at(-1)).toBe('backup.create');
    const status = await h.must('backup.status', {}, h.teller.token);
    expect(status.backups.map((b) => b.name)).toEqual([made.name]);
    expect(status.last?.ok).toBe(true);
  });

  it('says what is wrong when there is no folder, or the folder has gone', async () => {
    const h = await resultsHarness(seed);
    const none = await h.call('backup.now', {}, h.scrutineer.token);
    expect(none.ok || none.error.message).toContain('尚未设置备份文件夹');
    const gone = await h.call(
      'backup.configure',
      { folder: join(tempDir(), '拔出的U盘'), intervalMinutes: 15, keep: 5 },
      h.admin.token,
    );
    expect(gone.ok || gone.error).toMatchObject({ field: 'folder' });
  });

  it('keeps the newest of its own backups, and leaves another installation’s alone', async () => {
    const { h, folder } = await withBackups(2);
    const first = await backupNow(h);
    const foreign = join(folder, 'congress-tally-0badc0de-20250101-080000.sqlite');
    copyFileSync(first.file, foreign);
    await rewriteManifest(first, foreign);
    const made = [first];
    for (let i = 0; i < 3; i += 1) made.push(await backupNow(h));
    const names = (await h.must('backup.status', {}, h.admin.token)).backups.map((b) => b.name);
    expect(names).toEqual([made[3]?.name, made[2]?.name, basename(foreign)]);
    expect(readdirSync(folder)).toHaveLength(6);
  });

  it('on schedule, only when due and only when something changed', async () => {
    const { h, folder } = await withBackups();
    const ctx = h.services.context;
    expect((await scheduledBackup(ctx))?.ok).toBe(true);
    expect(await scheduledBackup(ctx)).toBeNull();
    h.advance(16 * 60_000);
    expect(await scheduledBackup(ctx)).toBeNull();
    h.store.transaction(() =>
      h.store.audit.append({ actor: '王管理', role: 'admin', action: 'test.change', payload: {} }),
    );
    expect((await scheduledBackup(ctx))?.ok).toBe(true);
    expect(readdirSync(folder).filter((n) => n.endsWith('.sqlite'))).toHaveLength(2);
  });

  it('right after a round is certified', async () => {
    const { h } = await withBackups();
    await h.vote(h.formalRoundId);
    await h.enter(h.formalRoundId, [
      { marks: 'O-' },
      { marks: 'O-' },
      { marks: 'O-' },
      { marks: '-O' },
      { marks: 'O-' },
    ]);
    await h.certify(h.formalRoundId);
    const status = await h.must('backup.status', {}, h.admin.token);
    expect(status.backups.map((b) => b.reason)).toEqual(['certified']);
    const copy = status.backups[0]?.file ?? '';
    const db = new Database(copy, { readonly: true });
    const round = db
      .prepare<[number], { state: string }>('SELECT state FROM round WHERE id = ?')
      .get(h.formalRoundId);
    db.close();
    expect(round?.state).toBe('certified');
  });
});

describe('restoring', () => {
  it('replaces the live database with a checked backup, keeps the old one, and logs it', async () => {
    const { h } = await withBackups();
    const made = await backupNow(h);
    h.store.transaction(() =>
      h.store.congresses.create({
        name: '备份之后的大会',
        heldOn: '2025-07-01',
        profile: 'village',
      }),
    );
    const live = h.store.file;
    const restored = await restore(h, made.file);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(congresses(live)).toEqual(['中国共产党东湖镇第十六次代表大会']);
    expect(congresses(restored.value.keptAs)).toContain('备份之后的大会');
    // The services now work on the restored file; everyone signs in again.
    expect(h.services.store.congresses.list().map((c) => c.name)).toEqual([
      '中国共产党东湖镇第十六次代表大会',
    ]);
    expect(h.services.store.audit.verify().ok).toBe(true);
    const rows = [...h.services.store.audit.rows()];
    expect(rows.at(-1)?.action).toBe('backup.restore');
    const after = await h.call('backup.status', {}, h.chief.token);
    expect(after.ok || after.error.code).toBe('unauthenticated');
  });

  it('needs the 总监票人 or the administrator, with their PIN', async () => {
    const { h } = await withBackups();
    const made = await backupNow(h);
    const teller = await h.call(
      'backup.restore',
      { file: made.file, pin: chiefPin },
      h.teller.token,
    );
    expect(teller.ok || teller.error.code).toBe('forbidden');
    const wrong = await h.call('backup.restore', { file: made.file, pin: '0000' }, h.chief.token);
    expect(wrong.ok || wrong.error.code).toBe('wrong-pin');
    expect(readdirSync(dirname(h.store.file)).some((n) => n.includes('before-restore'))).toBe(
      false,
    );
  });

  describe('refuses a backup that does not check out, and changes nothing', () => {
    async function refused(make: (made: BackupInfo) => string | Promise<string>, reason: RegExp) {
      const { h } = await withBackups();
      const made = await backupNow(h);
      const live = h.store.file;
      const head = h.store.audit.head();
      const before = readdirSync(dirname(live)).sort();
      const result = await restore(h, await make(made));
      expect(result.ok || result.error.message).toMatch(reason);
      expect(result.ok || result.error.message).toContain('当前数据库没有任何改动');
      expect(readdirSync(dirname(live)).sort()).toEqual(before);
      expect(h.store.audit.head()).toEqual(head);
      const reopened = openStore(live, { readonly: true });
      expect(reopened.audit.head()).toEqual(head);
      reopened.close();
    }

    it('a changed byte', () =>
      refused((made) => {
        const bytes = readFileSync(made.file);
        const at = bytes.length - 100;
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
        writeFileSync(made.file, bytes);
        return made.file;
      }, /SHA-256 不符/));

    it('a damaged page, with its manifest made to match', () =>
      refused(async (made) => {
        const bytes = readFileSync(made.file);
        const pageSize = bytes.readUInt16BE(16);
        bytes.fill(0x5a, pageSize * 2 + 8, pageSize * 3);
        const copy = join(dirname(made.file), 'congress-tally-0badc0de-20250618-100000.sqlite');
        writeFileSync(copy, bytes);
        return rewriteManifest(made, copy);
      }, /完整性检查未通过|不是本程序的数据库/));

    it('an audit row changed inside it', () =>
      refused(
        (made) =>
          altered(made, (db) => {
            // As a tamperer would: the append-only trigger first.
            db.exec('DROP TRIGGER audit_no_update');
            db.prepare("UPDATE audit SET actor = '某人' WHERE seq = 1").run();
          }),
        /审计日志第 1 条/,
      ));

    it('a database from a newer program', () =>
      refused((made) => altered(made, (db) => db.pragma('user_version = 99')), /更新版本/));

    it('a copy without its manifest', () =>
      refused((made) => {
        const copy = join(dirname(made.file), 'congress-tally-0badc0de-20250618-110000.sqlite');
        copyFileSync(made.file, copy);
        return copy;
      }, /没有有效的备份清单/));
  });

  it('from the command line, with the database closed', async () => {
    const { main } = await import('../../../cli/main');
    const { h, folder } = await withBackups();
    const live = h.store.file;
    const out: string[] = [];
    const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l) };
    expect(await main(['backup', '--db', live, '--out', folder], io)).toBe(0);
    const file = out[0] ?? '';
    h.services.close();
    const damaged = join(folder, 'congress-tally-0badc0de-20250618-120000.sqlite');
    writeFileSync(damaged, Buffer.concat([readFileSync(file), Buffer.from('x')]));
    const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as object;
    writeFileSync(`${damaged}.json`, JSON.stringify({ ...manifest, file: basename(damaged) }));
    expect(await main(['restore', '--db', live, '--backup', damaged], io)).toBe(1);
    expect(await main(['restore', '--db', live, '--backup', file], io)).toBe(0);
    expect(existsSync(live)).toBe(true);
    const store = openStore(live);
    expect([...store.audit.rows()].at(-1)?.action).toBe('backup.restore');
    store.close();
  });
});
