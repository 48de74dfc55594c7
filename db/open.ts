import Database from 'better-sqlite3';
import type { Database as Connection } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { corrupt, StoreError, storeErrorFrom } from './errors';
import { migrations, schemaVersion } from './migrations';

export interface OpenOptions {
  /** Open without migrating or writing anything (verification, inspection). */
  readonly?: boolean;
}

/**
 * Opens (or creates) the database file: integrity check before any write, then the pragmas that
 * make every commit durable, then the migrations the file has not seen yet.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const isNew = file === ':memory:' || !existsSync(file);
  let db: Connection | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!isNew) checkIntegrity(db, file);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > schemaVersion) {
      throw new StoreError(
        'too-new',
        `数据库 ${file} 由更新版本的程序创建（结构版本 ${version}，本程序支持到 ${schemaVersion}），请升级程序后再打开。`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, version);
    return db;
  } catch (error) {
    db?.close();
    throw storeErrorFrom(error, file) ?? error;
  }
}

function checkIntegrity(db: Connection, file: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const first = rows[0]?.integrity_check;
  if (first !== 'ok') throw corrupt(file, `完整性检查未通过：${first ?? '无结果'}`);
}

function migrate(db: Connection, from: number): void {
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
