import { z } from 'zod';
import type { KeyringEntry } from '../../../db/keyring';
import type { Store } from '../../../db/store';
import type { KeyringFile } from '../../../shared/api/keyring';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Actor } from '../../platform/context';
import { fingerprintOf, isPublicKey } from '../package/signature';

/*
 * The keyring as one file, so that a county's second laptop trusts the same keys: every entry,
 * withdrawn ones too (a withdrawal must travel as well). Importing checks the whole file first,
 * then adds in one transaction what this keyring lacks and withdraws what the file withdrew; a key
 * withdrawn here is never brought back by a file.
 */

export const keyringFormat = 'congress-tally/keyring';

const entrySchema = z.strictObject({
  organiser: z.string().trim().min(1),
  algorithm: z.enum(['ed25519', 'sm2-sm3']).nullable(),
  publicKey: z
    .string()
    .regex(/^[0-9a-f]+$/)
    .nullable(),
  fingerprint: z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/),
  source: z.enum(['key-file', 'fingerprint', 'package', 'import']),
  reason: z.string(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  withdrawn: z.strictObject({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});

const fileSchema = z.strictObject({
  format: z.literal(keyringFormat),
  version: z.literal(1),
  exportedAt: z.string(),
  entries: z.array(entrySchema),
});

export function keyringFile(store: Store, now: Date): KeyringFile {
  const entries = store.keyring.all().map(({ id: _id, ...entry }) => entry);
  const content = { format: keyringFormat, version: 1, exportedAt: now.toISOString(), entries };
  const stamp = now.toISOString().slice(0, 10).replaceAll('-', '');
  return {
    fileName: `密钥登记-${stamp}.json`,
    content: `${JSON.stringify(content, null, 2)}\n`,
  };
}

export type FileEntry = z.infer<typeof entrySchema>;

export function readKeyringFile(text: string): Result<FileEntry[]> {
  let parsed;
  try {
    parsed = fileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    const issue = parsed?.error.issues[0];
    const at = issue?.path.length ? `（“${issue.path.join('.')}”处）` : '';
    return fail('invalid-argument', `不是本程序导出的密钥登记文件${at}，未做任何改动`, {
      field: 'content',
    });
  }
  for (const [i, entry] of parsed.data.entries.entries()) {
    const { algorithm, publicKey, fingerprint } = entry;
    const broken =
      (publicKey === null) !== (algorithm === null) ||
      (publicKey !== null &&
        algorithm !== null &&
        (!isPublicKey(algorithm, publicKey) || fingerprintOf(publicKey) !== fingerprint));
    if (broken) {
      return fail(
        'invalid-argument',
        `密钥登记文件第 ${i + 1} 条（${entry.organiser}）的公钥与指纹不符（文件被改动过），未做任何改动`,
        { field: 'content' },
      );
    }
  }
  return ok(parsed.data.entries);
}

const sameKey = (a: Pick<KeyringEntry, 'organiser' | 'fingerprint'>, b: typeof a) =>
  a.organiser === b.organiser && a.fingerprint === b.fingerprint;

export function importKeyring(
  store: Store,
  actor: Actor,
  content: string,
): Result<{ added: number; withdrawn: number; unchanged: number }> {
  const read = readKeyringFile(content);
  if (!read.ok) return read;
  return store.transaction(() => {
    const counts = { added: 0, withdrawn: 0, unchanged: 0 };
    for (const entry of read.value) {
      const active = store.keyring.all().find((e) => e.withdrawn === null && sameKey(e, entry));
      if (entry.withdrawn) {
        if (active) {
          store.keyring.withdraw(
            active.id,
            actor.name,
            `随密钥登记文件导入：${entry.withdrawn.reason}（${entry.withdrawn.by}）`,
          );
          counts.withdrawn += 1;
        } else counts.unchanged += 1;
        continue;
      }
      // A key withdrawn here stays withdrawn: an older file does not bring it back.
      const withdrawnHere = store.keyring
        .all()
        .some((e) => e.withdrawn !== null && sameKey(e, entry));
      if (active || withdrawnHere) {
        counts.unchanged += 1;
        continue;
      }
      store.keyring.add({
        organiser: entry.organiser,
        algorithm: entry.algorithm,
        publicKey: entry.publicKey,
        fingerprint: entry.fingerprint,
        source: 'import',
        reason: `导入：${entry.registeredBy} 于 ${entry.registeredAt.slice(0, 10)} 登记，${entry.reason}`,
        registeredBy: actor.name,
      });
      counts.added += 1;
    }
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: 'keyring.import',
      payload: { entries: read.value.length, ...counts },
    });
    return ok(counts);
  });
}
