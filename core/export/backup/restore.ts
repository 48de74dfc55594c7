import { copyFile, constants, open, rm } from 'node:fs/promises';
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { verifyAuditChain } from '../../../db/audit';
import { StoreError } from '../../../db/errors';
import { openDatabase } from '../../../db/open';
import { fail, ok, type Result } from '../../../shared/api/result';
import { syncFolder, temporaryName } from '../../platform/durable-files';
import { digestOf, readManifest, type BackupManifest } from './files';
import { backupImagesFolder, missingImage, restoreImages } from './images';
import { openKeys, type KeyEnvelope } from './key-envelope';
import { sealedKeysIn } from './sealed-keys';
import type { KeysToRestore } from './signing-keys';

/*
 * Restore in two halves. prepareRestore copies the backup beside the live database and checks
 * the copy (the bytes that will be installed, not the ones on the stick): its digest against its
 * manifest, SQLite's integrity check, that it is our database and not from a newer program, and
 * its audit chain up to the head the manifest recorded, and every scanned page image the manifest
 * lists against its digest. When the backup carries sealed signing keys and a passphrase is given,
 * they are opened now too: a wrong passphrase or altered keys refuse the restore. Only then are the images put back beside the live database (beside
 * the ones there, never over them), and installRestore, with the database closed, moves the live
 * file aside under a dated name and renames the copy into place.
 */

export interface PreparedRestore {
  /** The checked copy, beside the live database. */
  copy: string;
  backup: string;
  manifest: BackupManifest;
  /** The signing keys it carries, opened with the passphrase, or why there are none. */
  keys: KeysToRestore;
}

export async function prepareRestore(
  backupFile: string,
  liveFile: string,
  passphrase?: string,
): Promise<Result<PreparedRestore>> {
  const manifest = await readManifest(backupFile);
  if (!manifest) {
    return fail(
      'invalid-argument',
      `${backupFile} 旁没有有效的备份清单（.json），无法确认它是完整的备份。当前数据库没有任何改动。`,
      { field: 'file' },
    );
  }
  const copy = temporaryName(liveFile);
  let keys: KeysToRestore;
  try {
    await copyFile(backupFile, copy, constants.COPYFILE_EXCL);
    await syncCopy(copy);
    const checked = await checkCopy(copy, backupFile, manifest);
    const opened = checked.ok ? await keysToRestore(checked.value, passphrase) : checked;
    if (!opened.ok) {
      await rm(copy, { force: true });
      return opened;
    }
    keys = opened.value;
    await restoreImages(dirname(backupFile), liveFile, manifest.images ?? []);
  } catch (error) {
    await rm(copy, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return fail('not-found', `备份文件 ${backupFile} 不存在（U 盘是否已拔出？）`, {
        field: 'file',
      });
    }
    if (code === 'ENOSPC') {
      return fail('storage', `磁盘已满：无法把备份复制到数据库所在的文件夹，未恢复`);
    }
    throw error;
  }
  return ok({ copy, backup: backupFile, manifest, keys });
}

/** Before anything changes: a wrong passphrase or altered keys refuse the whole restore. */
async function keysToRestore(
  envelope: KeyEnvelope | undefined,
  passphrase: string | undefined,
): Promise<Result<KeysToRestore>> {
  if (envelope === undefined) return ok({ kind: 'none-in-backup' });
  if (passphrase === undefined || passphrase === '') {
    return ok({ kind: 'no-passphrase', fingerprints: envelope.keys.map((k) => k.fingerprint) });
  }
  const opened = await openKeys(envelope, passphrase);
  if (!opened.ok) {
    const retry =
      opened.error.code === 'invalid-argument' ? '' : '如只需恢复数据，可不填口令再恢复一次。';
    return fail(opened.error.code, `${opened.error.message}。${retry}当前数据库没有任何改动。`, {
      field: 'passphrase',
    });
  }
  return ok({ kind: 'keys', keys: opened.value });
}

async function syncCopy(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function checkCopy(
  copy: string,
  backupFile: string,
  manifest: BackupManifest,
): Promise<Result<KeyEnvelope | undefined>> {
  const refused = (why: string) =>
    fail('invalid-state', `备份 ${backupFile} 未通过校验：${why}。当前数据库没有任何改动。`, {
      field: 'file',
    });
  const { size, sha256 } = await digestOf(copy);
  if (size !== manifest.size || sha256 !== manifest.sha256) {
    return refused('文件内容与备份清单所记的 SHA-256 不符（文件损坏或被改动）');
  }
  let db;
  try {
    db = openDatabase(copy, { readonly: true });
  } catch (error) {
    if (error instanceof StoreError) return refused(storeRefusal(error));
    throw error;
  }
  let envelope: KeyEnvelope | undefined;
  try {
    const chain = verifyAuditChain(db);
    if (!chain.ok) return refused(`审计日志第 ${chain.seq} 条：${chain.reason}`);
    if (chain.count !== manifest.audit.seq || chain.head !== manifest.audit.hash) {
      return refused('审计日志的末条与备份清单所记不符');
    }
    envelope = sealedKeysIn(db);
  } finally {
    db.close();
  }
  const missing = await missingImage(dirname(backupFile), manifest.images ?? []);
  if (missing !== null) {
    return refused(
      `备份所需的扫描图像 ${missing.slice(0, 12)}… 在 ${backupImagesFolder(dirname(backupFile))} 中缺失或已被改动`,
    );
  }
  return ok(envelope);
}

function storeRefusal(error: StoreError): string {
  switch (error.code) {
    case 'corrupt':
      return 'SQLite 完整性检查未通过（数据库文件已损坏）';
    case 'too-new':
      return '它由更新版本的程序创建，本程序无法使用，请先升级程序';
    case 'wrong-file':
      return '它不是本程序的数据库';
    default:
      return error.message;
  }
}

/**
 * Synchronous, with the live database closed: the live file (and any WAL beside it) goes aside
 * as `<name>.before-restore-<time>`, then the checked copy takes its name. Returns where the old
 * database is.
 */
export function installRestore(prepared: PreparedRestore, liveFile: string, at: Date): string {
  const keptAs = `${liveFile}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(liveFile)) {
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(liveFile + suffix)) renameSync(liveFile + suffix, keptAs + suffix);
    }
    renameSync(liveFile, keptAs);
  }
  renameSync(prepared.copy, liveFile);
  return keptAs;
}

/** The folder entries of an install, on disk; after installRestore. */
export function syncInstall(liveFile: string): Promise<void> {
  return syncFolder(dirname(liveFile));
}
