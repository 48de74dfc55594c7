import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { useTempDir } from './fixtures';

const tempDir = useTempDir();

/** Tables that hold, or shape, what is on a ballot. */
const ballotSide = [
  'ballot',
  'ballot_write_in',
  'entry_pass',
  'box',
  'reconciliation',
  'candidate',
];
/** Tables that know who voted. */
const voterSide = ['delegate', 'attendance'];
const voterColumn = /delegate|attendance|check_?in|arriv|sign_?in/i;
const timeColumn = /(^|_)(at|on|time|date|day|timestamp|created|updated|entered|when|clock)($|_)/i;

/**
 * Every way the live schema could tie a voter to a ballot, as sentences; empty when it cannot.
 * Generic over the foreign-key graph so that a future migration is held to the same rule.
 */
function secrecyBreaches(db: Database.Database): string[] {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all()
    .map((t) => t.name);
  const references = new Map(
    tables.map((t) => [
      t,
      (db.pragma(`foreign_key_list(${JSON.stringify(t)})`) as { table: string }[]).map(
        (fk) => fk.table,
      ),
    ]),
  );
  const columns = (t: string) =>
    (db.pragma(`table_info(${JSON.stringify(t)})`) as { name: string }[]).map((c) => c.name);
  /** The tables t refers to, directly or through others, t included. */
  const reach = (t: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [t];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(references.get(next) ?? []));
    }
    return seen;
  };

  const breaches: string[] = [];
  for (const t of ballotSide) {
    if (!tables.includes(t)) breaches.push(`ballot-side table ${t} is missing`);
  }
  for (const t of tables) {
    const reached = [...reach(t)];
    const voter = reached.filter((r) => voterSide.includes(r));
    const ballot = reached.filter((r) => ballotSide.includes(r));
    if (ballotSide.includes(t) && voter.length > 0) {
      breaches.push(`${t} refers to ${voter.join(', ')}`);
    } else if (ballot.length > 0 && voter.length > 0) {
      breaches.push(`${t} links ${ballot.join(', ')} with ${voter.join(', ')}`);
    }
  }
  for (const t of ballotSide.filter((b) => tables.includes(b))) {
    for (const c of columns(t).filter((name) => voterColumn.test(name))) {
      breaches.push(`${t}.${c} names the voter side`);
    }
  }
  for (const t of ['ballot', 'ballot_write_in']) {
    for (const c of columns(t).filter((name) => timeColumn.test(name))) {
      breaches.push(`${t}.${c} looks like a time, which could be joined with check-in times`);
    }
  }
  return breaches;
}

function freshSchema(): Database.Database {
  const file = join(tempDir(), 'secrecy.sqlite');
  openDatabase(file).close();
  return new Database(file);
}

describe('secret ballot in the schema', () => {
  it('nothing on the ballot side can be joined to a delegate or their check-in', () => {
    const db = freshSchema();
    expect(secrecyBreaches(db)).toEqual([]);
    db.close();
  });

  // The check itself must catch the mistakes a later migration could make.
  const badMigrations: [string, string, RegExp][] = [
    [
      'a ballot column referring to a delegate',
      'ALTER TABLE ballot ADD COLUMN voter INTEGER REFERENCES delegate (id)',
      /^ballot refers to delegate$/,
    ],
    [
      'a box referring to attendance',
      'ALTER TABLE box ADD COLUMN opened_for INTEGER REFERENCES attendance (delegate_id)',
      /^ballot refers to (attendance, delegate|delegate, attendance)$/,
    ],
    [
      'a link table between ballots and delegates',
      `CREATE TABLE ballot_voter (ballot_id INTEGER REFERENCES ballot (id),
         who INTEGER REFERENCES delegate (id)) STRICT`,
      /^ballot_voter links .*ballot.* with delegate$/,
    ],
    [
      'a link reaching a ballot through another table',
      `CREATE TABLE seen (id INTEGER PRIMARY KEY, pass INTEGER REFERENCES entry_pass (id));
       CREATE TABLE seen_by (seen INTEGER REFERENCES seen (id),
         a INTEGER REFERENCES attendance (delegate_id))`,
      /^seen_by links .*entry_pass.* with .*attendance/,
    ],
    [
      'a column named after the voter side',
      "ALTER TABLE reconciliation ADD COLUMN checkin_no TEXT NOT NULL DEFAULT ''",
      /^reconciliation\.checkin_no names the voter side$/,
    ],
    [
      'a time on a ballot',
      'ALTER TABLE ballot ADD COLUMN entered_at TEXT',
      /^ballot\.entered_at looks like a time/,
    ],
  ];
  for (const [name, sql, expected] of badMigrations) {
    it(`and the check catches ${name}`, () => {
      const db = freshSchema();
      db.exec(sql);
      expect(secrecyBreaches(db)).toContainEqual(expect.stringMatching(expected));
      db.close();
    });
  }
});
