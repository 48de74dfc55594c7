import type { Database as Connection } from 'better-sqlite3';
import { z } from 'zod';
import { readEnvelope, type KeyEnvelope } from './key-envelope';

/*
 * Where the sealed signing keys live: one setting of the database, so that every backup holds
 * them. Read here by the backup and restore code without the services around them.
 */

export const sealedKeysKey = 'backup.signingKeys';

const sealedSchema = z.strictObject({
  setAt: z.iso.datetime(),
  setBy: z.string(),
  envelope: z.unknown(),
});

export function sealedOf(
  value: unknown,
): { setAt: string; setBy: string; envelope: KeyEnvelope } | undefined {
  const parsed = sealedSchema.safeParse(value);
  const envelope = parsed.success ? readEnvelope(parsed.data.envelope) : undefined;
  return parsed.success && envelope ? { ...parsed.data, envelope } : undefined;
}

/** The sealed keys in a database file that is not open as a store (a backup, its copy). */
export function sealedKeysIn(db: Connection): KeyEnvelope | undefined {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?')
    .get(sealedKeysKey);
  return row === undefined ? undefined : sealedOf(JSON.parse(row.value))?.envelope;
}
