import init from './migrations/001_init.sql?raw';

/** Append-only: a migration, once released, is never edited; add the next number instead. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_init', sql: init },
];

export const schemaVersion = migrations.length;
