import type { KeyringEntry, NewKeyringEntry } from '../../../db/keyring';
import type { Store } from '../../../db/store';
import type { KeyringEntryInfo } from '../../../shared/api/keyring';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Actor } from '../../platform/context';
import { readPublicKey } from '../../platform/keys';
import { shortForm } from '../package/signature';
import { verifyPackage } from '../package/verify';
import { organiserOf, standingOf } from './verdict';

/*
 * The keyring's changes: registering a key (from its file, its printed fingerprint, or the package
 * it signed once the fingerprint was compared on paper) and withdrawing one. Each is one
 * transaction with its audit row, which records who, why and the key's fingerprint.
 */

export function entryInfo({ publicKey, ...entry }: KeyringEntry): KeyringEntryInfo {
  return { ...entry, hasKey: publicKey !== null };
}

/** The printed fingerprint, however it was typed (spaces, dashes, lower case): 20 hex digits. */
export function readFingerprint(typed: string): Result<string> {
  const hex = typed.replace(/[\s\-:：]/g, '').toUpperCase();
  if (!/^[0-9A-F]{20}$/.test(hex)) {
    return fail(
      'invalid-argument',
      `指纹“${typed.trim()}”无效：应为报告单或密钥卡上打印的 20 位十六进制字符（0–9、A–F），共 5 组、每组 4 位`,
      { field: 'source.fingerprint' },
    );
  }
  return ok(shortForm(hex));
}

export type KeySourceInput =
  { kind: 'key-file'; content: string } | { kind: 'fingerprint'; fingerprint: string };

function keyOf(
  source: KeySourceInput,
): Result<Pick<NewKeyringEntry, 'algorithm' | 'publicKey' | 'fingerprint' | 'source'>> {
  if (source.kind === 'fingerprint') {
    const fingerprint = readFingerprint(source.fingerprint);
    if (!fingerprint.ok) return fingerprint;
    return ok({
      algorithm: null,
      publicKey: null,
      fingerprint: fingerprint.value,
      source: 'fingerprint',
    });
  }
  const key = readPublicKey(source.content);
  if (!key.ok) return { ...key, error: { ...key.error, field: 'source.content' } };
  return ok({ ...key.value, source: 'key-file' });
}

/** Adds the entry unless the organiser has that key already; audited. */
export function addEntry(
  store: Store,
  actor: Actor,
  entry: NewKeyringEntry,
  action = 'keyring.register',
): Result<KeyringEntryInfo> {
  return store.transaction(() => {
    const same = store.keyring
      .all()
      .find(
        (e) =>
          e.withdrawn === null &&
          e.organiser === entry.organiser &&
          e.fingerprint === entry.fingerprint,
      );
    if (same) {
      return fail(
        'conflict',
        `“${entry.organiser}”已登记过指纹为 ${entry.fingerprint} 的密钥（${same.registeredBy}，${same.registeredAt.slice(0, 10)}），无需再登记`,
      );
    }
    const known = store.keyring
      .all()
      .filter((e) => e.withdrawn === null && e.organiser === entry.organiser);
    const added = store.keyring.add(entry);
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action,
      payload: {
        id: added.id,
        organiser: added.organiser,
        fingerprint: added.fingerprint,
        algorithm: added.algorithm,
        source: added.source,
        reason: added.reason,
        // A second key for a known organiser: what it was registered beside.
        alongside: known.map((e) => e.fingerprint),
      },
    });
    return ok(entryInfo(added));
  });
}

export function registerKey(
  store: Store,
  actor: Actor,
  request: { organiser: string; source: KeySourceInput; reason: string },
): Result<KeyringEntryInfo> {
  const key = keyOf(request.source);
  if (!key.ok) return key;
  return addEntry(store, actor, {
    ...key.value,
    organiser: request.organiser,
    reason: request.reason,
    registeredBy: actor.name,
  });
}

/**
 * The key that signed an intact package, for the organiser the package names. Offered after an
 * 签名者未登记 verdict, once the person has compared the fingerprint on the paper result sheet.
 */
export function registerSigner(
  store: Store,
  actor: Actor,
  request: { package: Uint8Array; reason: string },
): Result<KeyringEntryInfo> {
  const checked = verifyPackage(request.package);
  if (!checked.ok) return checked;
  if (!checked.value.ok) {
    return fail(
      'invalid-state',
      `结果包核验未通过（${checked.value.file}：${checked.value.reason}），不能登记它的签名密钥`,
    );
  }
  const { summary } = checked.value;
  const organiser = organiserOf(summary.congress);
  const standing = standingOf(store.keyring.all(), summary.signer, organiser);
  if (standing.kind === 'registered') {
    return fail('conflict', `“${organiser}”已登记此密钥（指纹 ${summary.signer.fingerprint}）`);
  }
  const { algorithm, publicKey, fingerprint } = summary.signer;
  return addEntry(store, actor, {
    organiser,
    algorithm,
    publicKey,
    fingerprint,
    source: 'package',
    reason: request.reason,
    registeredBy: actor.name,
  });
}

export function withdrawKey(
  store: Store,
  actor: Actor,
  request: { id: number; reason: string },
): Result<KeyringEntryInfo> {
  return store.transaction(() => {
    const entry = store.keyring.byId(request.id);
    if (!entry) return fail('not-found', `没有编号为 ${request.id} 的登记`, { field: 'id' });
    if (entry.withdrawn) {
      return fail('conflict', `此密钥已于 ${entry.withdrawn.at.slice(0, 10)} 撤销，无需再撤销`);
    }
    store.keyring.withdraw(entry.id, actor.name, request.reason);
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: 'keyring.withdraw',
      payload: {
        id: entry.id,
        organiser: entry.organiser,
        fingerprint: entry.fingerprint,
        reason: request.reason,
      },
    });
    return ok(entryInfo(store.keyring.byId(entry.id) ?? entry));
  });
}
