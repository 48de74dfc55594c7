import { join, resolve } from 'node:path';

/** `--db <file>` (or `--db=<file>`) for drills; otherwise the database lives in the user data folder. */
export function databasePath(argv: readonly string[], userData: string): string {
  const index = argv.indexOf('--db');
  const inline = argv.find((arg) => arg.startsWith('--db='));
  const given = index >= 0 ? argv[index + 1] : inline?.slice('--db='.length);
  return given ? resolve(given) : join(userData, 'congress-tally.sqlite');
}
