import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from '../db/errors';
import { openStore, type Store } from '../db/store';
import { createBackup } from '../core/export/backup/files';
import { installRestore, prepareRestore, syncInstall } from '../core/export/backup/restore';
import { restoredKeyAudit, restoreKeys } from '../core/export/backup/signing-keys';
import { checkFolder } from '../core/platform/durable-files';
import { commandLine, oneLine, readArgs } from './args';
import type { CliIo } from './io';

const backupUsage = '用法：congress-tally backup --db <数据库文件> --out <备份文件夹>';
const restoreUsage =
  '用法：congress-tally restore --db <数据库文件> --backup <备份文件.sqlite> [--passphrase-stdin]（先关闭正在使用该数据库的程序；备份口令从标准输入或环境变量 CONGRESS_TALLY_BACKUP_PASSPHRASE 读取，不在命令行上给出）';

/** Where the command line reads the backup passphrase when --passphrase-stdin is not given. */
export const passphraseVariable = 'CONGRESS_TALLY_BACKUP_PASSPHRASE';

/** `backup --db <file> --out <folder>`: one backup now, as 立即备份 makes it. */
export async function backupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--out'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message, backupUsage);
  const db = parsed.args.options.get('--db');
  const out = parsed.args.options.get('--out');
  if (db === undefined) return bad(io, '缺少参数 --db <数据库文件>', backupUsage);
  if (out === undefined) return bad(io, '缺少参数 --out <备份文件夹>', backupUsage);
  if (!existsSync(db)) return bad(io, `数据库文件不存在：${db}`, backupUsage);
  const folder = await checkFolder(resolve(out));
  if (!folder.ok) return bad(io, folder.error.message, backupUsage);
  const store = opened(io, db, backupUsage);
  if (typeof store === 'number') return store;
  try {
    const made = await createBackup(store, folder.value, 'manual', () => new Date());
    if (!made.ok) return bad(io, made.error.message, backupUsage);
    const { file, size, createdAt } = made.value;
    store.transaction(() =>
      store.audit.append({ ...actor, action: 'backup.create', payload: { file, size, createdAt } }),
    );
    io.stdout(file);
    return 0;
  } finally {
    store.close();
  }
}

/**
 * `restore --db <file> --backup <file.sqlite> [--passphrase-stdin]`: checks the backup and, only
 * if it passes, puts it in place of the database (which is kept beside it under a dated name).
 * The backup passphrase, which restores the signing key the backup carries, comes from standard
 * input or the environment, never from the arguments (they show in the process list). Exit 0 with
 * where the old database went and what became of the key; 1 when the backup fails its checks or
 * the passphrase is wrong (nothing changed); 2 for bad input.
 */
export async function restoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--backup'], flags: ['--passphrase-stdin'] });
  if (!parsed.ok) return bad(io, parsed.message, restoreUsage);
  const db = parsed.args.options.get('--db');
  const backup = parsed.args.options.get('--backup');
  if (db === undefined) return bad(io, '缺少参数 --db <数据库文件>', restoreUsage);
  if (backup === undefined) return bad(io, '缺少参数 --backup <备份文件.sqlite>', restoreUsage);
  if (!existsSync(backup)) return bad(io, `备份文件不存在：${backup}`, restoreUsage);
  const passphrase = parsed.args.flags.has('--passphrase-stdin')
    ? (await io.stdin?.())?.replace(/\r?\n$/, '')
    : process.env[passphraseVariable];
  const live = resolve(db);
  const prepared = await prepareRestore(resolve(backup), live, passphrase);
  if (!prepared.ok) {
    io.stderr(prepared.error.message);
    return prepared.error.field === 'passphrase' || prepared.error.code === 'invalid-state' ? 1 : 2;
  }
  const at = new Date();
  const signingKey = await restoreKeys(live, prepared.value.keys, at);
  const keptAs = installRestore(prepared.value, live, at);
  await syncInstall(live);
  const store = opened(io, live, restoreUsage);
  if (typeof store === 'number') return store;
  try {
    const payload = {
      restoredFrom: prepared.value.backup,
      backupCreatedAt: prepared.value.manifest.createdAt,
      keptAs,
      sha256: prepared.value.manifest.sha256,
      signingKey: restoredKeyAudit(signingKey),
    };
    store.transaction(() => store.audit.append({ ...actor, action: 'backup.restore', payload }));
    io.stdout(`已从 ${payload.restoredFrom} 恢复；原数据库保留为 ${keptAs}`);
    io.stdout(signingKey.message);
    return 0;
  } finally {
    store.close();
  }
}

const actor = { actor: commandLine.name, role: commandLine.role };

function opened(io: CliIo, file: string, usage: string): Store | number {
  try {
    return openStore(file);
  } catch (error) {
    if (error instanceof StoreError) return bad(io, error.message, usage);
    throw error;
  }
}

function bad(io: CliIo, message: string, usage: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}
