import init from './migrations/001_init.sql?raw';
import results from './migrations/002_results.sql?raw';

/** Append-only: a migration, once released, is never edited; add the next number instead. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_init', sql: init },
  { version: 2, name: '002_results', sql: results },
];

export const schemaVersion = migrations.length;
