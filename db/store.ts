import type { Database as Connection } from 'better-sqlite3';
import { createAuditLog } from './audit';
import { createBallotsRepo } from './ballots';
import { createBallotLayoutsRepo } from './ballot-layouts';
import { createCongressesRepo } from './congresses';
import { createDelegatesRepo } from './delegates';
import { createElectionsRepo } from './elections';
import { createKeyringRepo } from './keyring';
import { StoreError, storeErrorFrom } from './errors';
import { schemaVersion } from './migrations';
import { openDatabase, userVersion } from './open';
import { createPeopleRepo } from './people';
import { createReportPdfsRepo } from './report-pdfs';
import { createResultsRepo } from './results';
import { createScanRepo } from './scan';
import { createSettingsRepo } from './settings';

export interface StoreOptions {
  /** The clock for every timestamp the store writes (audit rows included). */
  now?: () => Date;
  /** Open for reading only: nothing is migrated or written. */
  readonly?: boolean;
}

export type Store = ReturnType<typeof bundle>;

/**
 * Opens the database file (checked, migrated) with the audit log and every repository prepared on
 * that one connection. Writes go through `transaction`, so a change and its audit row commit
 * together or not at all.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const db = openDatabase(file, { readonly: options.readonly ?? false });
  try {
    const version = userVersion(db);
    if (version < schemaVersion) {
      // Only a read-only open gets here (a writable one has just migrated), and the statements
      // below would not prepare against the older schema.
      throw new StoreError(
        'outdated',
        `数据库 ${file} 的结构版本较旧（${version}，本程序为 ${schemaVersion}），需先以可写方式打开一次完成升级。`,
      );
    }
    return bundle(db, file, options.now ?? (() => new Date()));
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Carries a failed Result out of a transaction, so that the transaction rolls back. */
class Refusal extends Error {
  constructor(readonly result: unknown) {
    super('the transaction returned a failed Result');
  }
}

function isFailure(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;
}

function bundle(db: Connection, file: string, now: () => Date) {
  const run = db.transaction((fn: () => unknown) => {
    const value = fn();
    if (isFailure(value)) throw new Refusal(value);
    return value;
  });
  const refusalsReturned = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof Refusal) return error.result as T;
      throw error;
    }
  };
  const storageErrors = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw storeErrorFrom(error, file) ?? error;
    }
  };
  return {
    file,
    /** The connection itself, for queries no repository has yet; prefer adding one. */
    db,
    now,
    audit: createAuditLog(db, now),
    people: createPeopleRepo(db, now),
    settings: createSettingsRepo(db),
    congresses: createCongressesRepo(db, now),
    delegates: createDelegatesRepo(db, now),
    elections: createElectionsRepo(db, now),
    ballots: createBallotsRepo(db, now),
    results: createResultsRepo(db, now),
    scan: createScanRepo(db),
    ballotLayouts: createBallotLayoutsRepo(db, now),
    reportPdfs: createReportPdfsRepo(db, now),
    keyring: createKeyringRepo(db, now),
    /**
     * Runs fn in one IMMEDIATE transaction (a savepoint when nested): everything it writes commits
     * together, or nothing does if it throws or returns a failed Result (`{ ok: false }`), which
     * then comes back as it was. A failure of the file itself (disk full, read-only, I/O error,
     * corruption) comes out as a StoreError with a message for the operator.
     */
    transaction<T>(fn: () => T): T {
      return storageErrors(() => refusalsReturned(() => run.immediate(fn) as T));
    },
    /** Runs fn on one consistent state of the file (a read transaction), e.g. the tally. */
    read<T>(fn: () => T): T {
      return storageErrors(() => refusalsReturned(() => run.deferred(fn) as T));
    },
    close(): void {
      db.close();
    },
  };
}
