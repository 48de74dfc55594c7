import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as Migrations from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { useTempDir } from './fixtures';

// Two releases after today's schema: one good migration, then one that leaves a reference to a
// person who does not exist, which must be refused as a whole.
vi.mock('../../../db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof Migrations>();
  const next = real.schemaVersion + 1;
  const migrations = [
    ...real.migrations,
    { version: next, name: 'good', sql: 'CREATE TABLE note (id INTEGER PRIMARY KEY) STRICT;' },
    {
      version: next + 1,
      name: 'dangling',
      sql: `CREATE TABLE signature (person_id INTEGER NOT NULL REFERENCES person (id)) STRICT;
            INSERT INTO signature VALUES (42);`,
    },
  ];
  return { migrations, schemaVersion: next + 1 };
});

const tempDir = useTempDir();

describe('the migration runner', () => {
  it('commits each migration with its version, and rolls back one that breaks a reference', async () => {
    const { migrations } = await import('../../../db/migrations');
    const good = migrations.at(-2)?.version;
    const file = join(tempDir(), 'runner.sqlite');

    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(() => openDatabase(file)).toThrow(/dangling leaves 1 broken references/);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(good);
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .pluck()
        .all();
      expect(tables).toContain('note');
      expect(tables).not.toContain('signature');
      db.close();
    }
  });
});
