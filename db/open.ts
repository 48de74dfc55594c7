import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { corrupt, StoreError, storeErrorFrom } from './errors';
import { migrations, schemaVersion } from './migrations';

/** PRAGMA application_id of our files ('CTLY'), set by the first migration. */
export const applicationId = 0x43544c59;

export interface OpenOptions {
  /** Open without migrating or writing anything (verification, inspection). */
  readonly?: boolean;
}

/**
 * Opens (or creates) the database file: integrity check before any write, then the pragmas that
 * make every commit durable, then the migrations the file has not seen yet.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const readonly = options.readonly ?? false;
  const isNew = file === ':memory:' || !existsSync(file);
  let db: Connection | undefined;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
    db.pragma('busy_timeout = 5000');
    // The header first: a newer program's schema may not even parse here.
    const version = userVersion(db);
    checkOwnership(db, file, version);
    if (version > schemaVersion) {
      throw new StoreError(
        'too-new',
        `数据库 ${file} 由更新版本的程序创建（结构版本 ${version}，本程序支持到 ${schemaVersion}），请升级程序后再打开。`,
      );
    }
    if (!isNew) checkIntegrity(db, file);
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (!readonly) migrate(db, version);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw storeErrorFrom(error, file) ?? error;
  }
}

export function userVersion(db: Connection): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function checkIntegrity(db: Connection, file: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const first = rows[0]?.integrity_check;
  if (first !== 'ok') throw corrupt(file, `完整性检查未通过：${first ?? '无结果'}`);
}

/** Another program's SQLite file must be refused untouched, never "migrated" into ours. */
function checkOwnership(db: Connection, file: string, version: number): void {
  const id = Number(db.pragma('application_id', { simple: true }));
  if (id === applicationId) return;
  const objects = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sqlite_schema').get();
  if (id === 0 && version === 0 && objects?.n === 0) return;
  throw new StoreError(
    'wrong-file',
    `文件 ${file} 不是本程序的数据库（可能选错了文件），未做任何改动。`,
  );
}

/**
 * Each migration is one immediate transaction that also records its version, so a crash leaves
 * the file at the last whole version. Foreign keys are off meanwhile (a migration may rebuild a
 * table) and checked before commit.
 */
function migrate(db: Connection, from: number): void {
  if (from >= schemaVersion) return;
  db.pragma('foreign_keys = OFF');
  for (const migration of migrations.filter((m) => m.version > from)) {
    db.transaction(() => {
      // Re-read under the write lock: another process may have just applied it.
      if (userVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(`migration ${migration.name} leaves ${broken.length} broken references`);
      }
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
