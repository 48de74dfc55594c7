import type { Database } from 'better-sqlite3';
import type { SigningAlgorithm } from '../shared/export/manifest';
import { returned } from './rows';

export type KeySource = 'key-file' | 'fingerprint' | 'package' | 'import';

/** A public key the county office trusts for one organiser's packages. */
export interface KeyringEntry {
  id: number;
  organiser: string;
  /** Unknown for a key registered by its printed fingerprint alone. */
  algorithm: SigningAlgorithm | null;
  publicKey: string | null;
  /** 3F2A 9C01 77B4 E0D2 51AA */
  fingerprint: string;
  source: KeySource;
  reason: string;
  registeredBy: string;
  registeredAt: string;
  withdrawn: { at: string; by: string; reason: string } | null;
}

interface EntryRow extends Omit<KeyringEntry, 'withdrawn'> {
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

export type NewKeyringEntry = Omit<KeyringEntry, 'id' | 'registeredAt' | 'withdrawn'>;

const columns = `id, organiser, algorithm, public_key AS publicKey, fingerprint, source, reason,
  registered_by AS registeredBy, registered_at AS registeredAt, withdrawn_at AS withdrawnAt,
  withdrawn_by AS withdrawnBy, withdrawn_reason AS withdrawnReason`;

function toEntry({ withdrawnAt, withdrawnBy, withdrawnReason, ...entry }: EntryRow): KeyringEntry {
  const withdrawn =
    withdrawnAt === null
      ? null
      : { at: withdrawnAt, by: withdrawnBy ?? '', reason: withdrawnReason ?? '' };
  return { ...entry, withdrawn };
}

/** The keyring: entries are added and withdrawn, never changed otherwise or deleted. */
export function createKeyringRepo(db: Database, now: () => Date) {
  const insert = db.prepare<[NewKeyringEntry & { at: string }], { id: number }>(
    `INSERT INTO keyring_entry (organiser, algorithm, public_key, fingerprint, source, reason,
       registered_by, registered_at)
     VALUES (@organiser, @algorithm, @publicKey, @fingerprint, @source, @reason, @registeredBy, @at)
     RETURNING id`,
  );
  const selectAll = db.prepare<[], EntryRow>(`SELECT ${columns} FROM keyring_entry ORDER BY id`);
  const selectOne = db.prepare<[number], EntryRow>(
    `SELECT ${columns} FROM keyring_entry WHERE id = ?`,
  );
  const withdraw = db.prepare<[string, string, string, number]>(
    `UPDATE keyring_entry SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
     WHERE id = ? AND withdrawn_at IS NULL`,
  );

  const byId = (id: number): KeyringEntry | undefined => {
    const row = selectOne.get(id);
    return row && toEntry(row);
  };

  return {
    /** Every entry, withdrawn ones included, in the order they were registered. */
    all: (): KeyringEntry[] => selectAll.all().map(toEntry),
    byId,
    add(entry: NewKeyringEntry): KeyringEntry {
      const { id } = returned(insert.get({ ...entry, at: now().toISOString() }));
      return returned(byId(id));
    },
    /** False when the entry was already withdrawn (or does not exist). */
    withdraw(id: number, by: string, reason: string): boolean {
      return withdraw.run(now().toISOString(), by, reason, id).changes > 0;
    },
  };
}
