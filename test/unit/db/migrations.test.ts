import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../db/errors';
import { migrations, schemaVersion } from '../../../db/migrations';
import { applicationId, openDatabase } from '../../../db/open';
import { openStore } from '../../../db/store';
import { sha256, useTempDir } from './fixtures';

const tempDir = useTempDir();

/** Everything that defines the schema, with whitespace normalised so formatting does not count. */
function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const objects = db
      .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
        'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name',
      )
      .all()
      .map((o) => ({ ...o, sql: o.sql?.replace(/\s+/g, ' ').trim() ?? null }));
    return {
      objects,
      userVersion: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

/** A file as an older release left it: migrations up to version applied, nothing else. */
function fileAtVersion(file: string, version: number): void {
  writeFileSync(file, '');
  if (version === 0) return;
  const db = new Database(file);
  for (const migration of migrations.filter((m) => m.version <= version)) {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.close();
}

describe('migrations', () => {
  it('number the migrations from 1 upwards, the schema version being the last one', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(migrations.map((m) => m.name.slice(0, 3))).toEqual(
      versions.map((v) => String(v).padStart(3, '0')),
    );
    expect(schemaVersion).toBe(versions.at(-1));
  });

  it('bring a file from every earlier version to the same schema as a fresh one', () => {
    const fresh = join(tempDir(), 'fresh.sqlite');
    openDatabase(fresh).close();
    const expected = schemaOf(fresh);
    expect(expected.userVersion).toBe(schemaVersion);
    expect(expected.applicationId).toBe(applicationId);
    expect(expected.objects.map((o) => o.name)).toEqual(
      expect.arrayContaining(['ballot', 'audit', 'delegate', 'attendance']),
    );

    const earlier = [0, ...migrations.map((m) => m.version).filter((v) => v < schemaVersion)];
    for (const version of earlier) {
      const file = join(tempDir(), `at-${version}.sqlite`);
      fileAtVersion(file, version);
      openStore(file).close();
      expect(schemaOf(file), `from version ${version}`).toEqual(expected);
    }
  });

  it('leave an up-to-date file as it is when it is opened again', () => {
    const file = join(tempDir(), 'again.sqlite');
    openDatabase(file).close();
    const before = sha256(file);
    openDatabase(file).close();
    expect(sha256(file)).toBe(before);
  });

  it('refuse a file from a newer program, with the file unchanged, before reading its schema', () => {
    const file = join(tempDir(), 'newer.sqlite');
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${schemaVersion + 1}`);
    // Its schema may use syntax this SQLite does not know: refused as too new, not as corrupt.
    db.exec('CREATE TABLE future (id INTEGER PRIMARY KEY)');
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.exec(
      "UPDATE sqlite_schema SET sql = 'CREATE TABLE future (id INTEGER PRIMARY KEY) FUTURE(1)' WHERE name = 'future'",
    );
    db.close();
    const before = sha256(file);

    for (const readonly of [false, true]) {
      let error: unknown;
      try {
        openDatabase(file, { readonly }).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('too-new');
      expect((error as StoreError).message).toContain('请升级程序');
    }
    expect(sha256(file)).toBe(before);
  });

  it("refuse another program's SQLite file instead of migrating it", () => {
    const file = join(tempDir(), 'other-app.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    const before = sha256(file);
    expect(() => openStore(file)).toThrow(expect.objectContaining({ code: 'wrong-file' }));
    expect(sha256(file)).toBe(before);
    expect(schemaOf(file).objects.map((o) => o.name)).toEqual(['notes']);
  });

  it('open an older file read-only only after it has been migrated', () => {
    const file = join(tempDir(), 'old.sqlite');
    fileAtVersion(file, 0);
    expect(() => openStore(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'outdated' }),
    );
    openStore(file).close();
    const store = openStore(file, { readonly: true });
    expect(store.people.list()).toEqual([]);
    store.close();
  });

  it('do not create a file when asked to open a missing one read-only', () => {
    const file = join(tempDir(), 'missing.sqlite');
    expect(() => openStore(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'cannot-open' }),
    );
    expect(existsSync(file)).toBe(false);
  });
});
