import type { Store } from '../../../db/store';
import type { BackupKeysStatus, KeyRestore } from '../../../shared/api/backup';
import type { SigningAlgorithm } from '../../../shared/export/manifest';
import { ok, type Result } from '../../../shared/api/result';
import type { Actor } from '../../platform/context';
import { keyFingerprint, keysFolder, keyText, replaceKey } from '../../platform/keys';
import { currentKey } from '../package/handlers';
import { sealKeys, type KeyText } from './key-envelope';
import { sealedKeysKey, sealedOf } from './sealed-keys';

/*
 * The signing keys that backups carry. When the 总监票人 sets the backup passphrase, the
 * installation's key files are sealed with it (./key-envelope) and the sealed copy is kept in the
 * database's settings, so that every backup, scheduled ones too, holds it without anyone typing
 * the passphrase again. The passphrase itself is kept nowhere. A restore with the passphrase puts
 * the keys back beside the restored database, and the fingerprint the county registered stays.
 */

const algorithms: readonly SigningAlgorithm[] = ['ed25519', 'sm2-sm3'];

/** The installation's key files, of every scheme it has made a key for. */
async function keysInFolder(folder: string): Promise<KeyText[]> {
  const found: KeyText[] = [];
  for (const algorithm of algorithms) {
    const text = await keyText(folder, algorithm);
    const fingerprint = text === undefined ? undefined : keyFingerprint(algorithm, text);
    if (text !== undefined && fingerprint !== undefined)
      found.push({ algorithm, fingerprint, text });
  }
  return found;
}

/**
 * Seals the installation's keys (the current scheme's made first if need be) with a new
 * passphrase, in place of any earlier one; audited without the passphrase.
 */
export async function setBackupPassphrase(
  store: Store,
  actor: Actor,
  passphrase: string,
  now: Date,
): Promise<Result<BackupKeysStatus>> {
  const current = await currentKey(store, actor);
  if (!current.ok) return current;
  const keys = await keysInFolder(keysFolder(store.file));
  const envelope = await sealKeys(passphrase, keys);
  store.transaction(() => {
    const before = sealedOf(store.settings.get(sealedKeysKey));
    store.settings.set(sealedKeysKey, { setAt: now.toISOString(), setBy: actor.name, envelope });
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: 'backup.passphrase',
      payload: { change: before ? 'changed' : 'set', keys: envelope.keys },
    });
  });
  return ok(await backupKeysStatus(store));
}

export async function backupKeysStatus(store: Store): Promise<BackupKeysStatus> {
  const sealed = sealedOf(store.settings.get(sealedKeysKey));
  const held = new Set(sealed?.envelope.keys.map((k) => k.fingerprint));
  const here = await keysInFolder(keysFolder(store.file));
  return {
    sealed: sealed
      ? { setAt: sealed.setAt, setBy: sealed.setBy, keys: sealed.envelope.keys }
      : null,
    uncovered: here.filter((k) => !held.has(k.fingerprint)).map((k) => k.fingerprint),
  };
}

/** What a restore does about the keys: the opened keys to put back, or why none. */
export type KeysToRestore =
  | { kind: 'keys'; keys: KeyText[] }
  | { kind: 'none-in-backup' }
  | { kind: 'no-passphrase'; fingerprints: string[] };

const reRegister =
  '此后从本机导出的结果包将带有新的签名密钥指纹，须把新的公钥文件交上级组织部门重新登记；请保留原来的密钥卡（原指纹），以便上级核对此前上报的结果包。';

/**
 * Puts the opened keys beside the restored database (a different key there is kept aside), and
 * says what happened in words for the hall.
 */
export async function restoreKeys(
  liveFile: string,
  plan: KeysToRestore,
  at: Date,
): Promise<KeyRestore> {
  const folder = keysFolder(liveFile);
  if (plan.kind === 'none-in-backup') {
    return {
      state: 'not-restored',
      fingerprints: [],
      keptAside: [],
      message: `签名密钥没有恢复：这份备份制作时尚未设置备份口令，其中不含签名密钥。数据已全部恢复。如果本机不是原来导出结果包的电脑，${reRegister}`,
    };
  }
  if (plan.kind === 'no-passphrase') {
    const here = new Set((await keysInFolder(folder)).map((k) => k.fingerprint));
    const list = plan.fingerprints.join('、');
    if (plan.fingerprints.every((f) => here.has(f))) {
      return {
        state: 'same',
        fingerprints: plan.fingerprints,
        keptAside: [],
        message: `本机的签名密钥与备份中的相同（指纹 ${list}），无需恢复。`,
      };
    }
    return {
      state: 'not-restored',
      fingerprints: [],
      keptAside: [],
      message: `签名密钥没有恢复：没有输入备份口令。数据已全部恢复。${reRegister}（原指纹 ${list}。日后找到口令，可再次从这份备份恢复以找回原密钥。）`,
    };
  }
  const suffix = `replaced-${at.toISOString().replace(/[:.]/g, '-')}`;
  const keptAside: string[] = [];
  let changed = false;
  for (const key of plan.keys) {
    const placed = await replaceKey(folder, key.algorithm, key.text, suffix);
    if (placed.keptAs !== null) keptAside.push(placed.keptAs);
    changed ||= placed.changed;
  }
  const fingerprints = plan.keys.map((k) => k.fingerprint);
  const list = fingerprints.join('、');
  return {
    state: changed ? 'restored' : 'same',
    fingerprints,
    keptAside,
    message: changed
      ? `签名密钥已恢复（指纹 ${list}），与上级组织部门登记的指纹一致，此后导出的结果包照常核验。${keptAside.length > 0 ? `本机原有的密钥已改名保留：${keptAside.join('、')}。` : ''}`
      : `本机的签名密钥与备份中的相同（指纹 ${list}），无需恢复。`,
  };
}

/** What the audit log keeps of a key restore: never the passphrase, never the key. */
export function restoredKeyAudit({ state, fingerprints, keptAside }: KeyRestore) {
  return { state, fingerprints, keptAside };
}
