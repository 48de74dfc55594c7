import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { ballotRules, countBallots, type Ballot, type Tally } from '../shared/tally';
import { lcg } from './day';
import { median, ms, progress, ratio, sample, withPeak } from './measure';

/*
 * tally_1m: the engine counts 1,000,000 individual ballots × 10 candidates (one JavaScript
 * thread). The baseline computes the same counts — valid and invalid, for and against per
 * candidate, written names — with GROUP BY queries in SQLite over the same ballots loaded into a
 * table laid out as the store keeps them (one marks string per ballot, written names beside it),
 * in an in-memory database: the most favourable case for SQL. Both answers are compared; a
 * difference stops the bench, since a timing of a wrong count means nothing.
 */

const ballotCount = 1_000_000;
const candidates = Array.from({ length: 10 }, (_v, i) => `候选人${i}`);
const seats = 7;
const symbols = 'OOOOX-?';
const writtenName = '另选人';

export interface TallyFigures {
  median_ms: number;
  baseline_median_ms: number;
  ratio: number;
  runs: number;
  baseline_runs: number;
  ballots: number;
  candidates: number;
  peak_mb: number;
  baseline_peak_mb: number;
}

export async function tallyBench(quick: boolean): Promise<TallyFigures> {
  const ballots = makeBallots();
  const rules = ballotRules(candidates, seats);
  progress('tally_1m: the engine');
  const engine = await withPeak(() =>
    sample({ warmup: 2, runs: quick ? 3 : 10 }, () => countBallots(rules, ballots)),
  );
  const expected = countBallots(rules, ballots);

  progress('tally_1m: the same counts in SQLite');
  const db = loadTable(ballots);
  const sql = sqlTally(db);
  const baseline = await withPeak(() =>
    sample({ warmup: 1, runs: quick ? 2 : 5 }, () => sql.count()),
  );
  const difference = differenceOf(expected, sql.count());
  db.close();
  if (difference) throw new Error(`SQL and the engine disagree: ${difference}`);

  const engineMedian = median(engine.value);
  const sqlMedian = median(baseline.value);
  return {
    median_ms: ms(engineMedian),
    baseline_median_ms: ms(sqlMedian),
    ratio: ratio(engineMedian, sqlMedian),
    runs: engine.value.length,
    baseline_runs: baseline.value.length,
    ballots: ballotCount,
    candidates: candidates.length,
    peak_mb: engine.peakMb,
    baseline_peak_mb: baseline.peakMb,
  };
}

/** The same million ballots on every run: ~0.1 % declared invalid, ~1 % with a written name. */
function makeBallots(): Ballot[] {
  const random = lcg(12345);
  return Array.from({ length: ballotCount }, (_v, i): Ballot => {
    if (i % 997 === 0) return { invalid: true };
    let marks = '';
    for (let c = 0; c < candidates.length; c += 1) {
      marks += symbols.charAt(Math.floor(random() * symbols.length));
    }
    return i % 101 === 0 ? { marks, writeIns: [{ name: writtenName, mark: 'O' }] } : { marks };
  });
}

function loadTable(ballots: readonly Ballot[]): Database.Database {
  const started = performance.now();
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE candidate (position INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
    CREATE TABLE ballot (id INTEGER PRIMARY KEY, marks TEXT NOT NULL, invalid INTEGER NOT NULL) STRICT;
    CREATE TABLE ballot_write_in (ballot_id INTEGER NOT NULL, name TEXT NOT NULL,
      mark TEXT NOT NULL) STRICT;
    CREATE INDEX ballot_write_in_ballot ON ballot_write_in (ballot_id);
  `);
  const candidate = db.prepare('INSERT INTO candidate (position, name) VALUES (?, ?)');
  const ballot = db.prepare('INSERT INTO ballot (id, marks, invalid) VALUES (?, ?, ?)');
  const writeIn = db.prepare(
    'INSERT INTO ballot_write_in (ballot_id, name, mark) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    candidates.forEach((name, i) => candidate.run(i + 1, name));
    ballots.forEach((b, id) => {
      ballot.run(id, b.marks ?? '', b.invalid === true ? 1 : 0);
      for (const w of b.writeIns ?? []) writeIn.run(id, w.name, w.mark);
    });
  })();
  progress(`tally_1m: loaded into SQLite in ${Math.round(performance.now() - started)} ms`);
  return db;
}

interface SqlCounts {
  valid: number;
  invalid: number;
  for: number[];
  against: number[];
  writeIns: Map<string, number>;
}

/**
 * The engine's reading rules in SQL: a declared-invalid ballot counts for nothing; a ballot with
 * more ○ (written names with ○ included, each name once, a candidate's own name not) than seats
 * is an over-vote; on the rest ○ and × count per candidate. One scan of the ballots grouped by
 * that verdict, with a for and an against sum per candidate position: the fastest form of the
 * query found (a cross join with the candidates, grouped by position, took several times longer).
 */
function sqlTally(db: Database.Database) {
  const written = `
    WITH written AS (
      SELECT ballot_id, count(DISTINCT name) AS n FROM ballot_write_in
      WHERE mark = 'O' AND name NOT IN (SELECT name FROM candidate) GROUP BY ballot_id),
    verdict AS (
      SELECT b.id, b.marks, b.invalid = 0
          AND length(b.marks) - length(replace(b.marks, 'O', '')) + coalesce(w.n, 0) <= ${seats}
        AS valid
      FROM ballot b LEFT JOIN written w ON w.ballot_id = b.id)`;
  const sums = candidates
    .map((_name, i) => {
      const at = `substr(marks, ${i + 1}, 1)`;
      return `sum(${at} = 'O') AS f${i}, sum(${at} = 'X') AS a${i}`;
    })
    .join(', ');
  const perCandidate = db.prepare<[], Record<string, number>>(
    `${written} SELECT valid, count(*) AS ballots, ${sums} FROM verdict GROUP BY valid`,
  );
  const writeIns = db.prepare<[], { name: string; votes: number }>(
    `${written}
     SELECT w.name, count(DISTINCT v.id) AS votes FROM ballot_write_in w
     JOIN verdict v ON v.id = w.ballot_id
     WHERE v.valid AND w.mark = 'O' AND w.name NOT IN (SELECT name FROM candidate)
     GROUP BY w.name`,
  );
  return {
    count(): SqlCounts {
      const rows = perCandidate.all();
      const valid = rows.find((r) => r.valid === 1) ?? {};
      const invalid = rows.find((r) => r.valid === 0) ?? {};
      return {
        valid: valid.ballots ?? 0,
        invalid: invalid.ballots ?? 0,
        for: candidates.map((_name, i) => valid[`f${i}`] ?? 0),
        against: candidates.map((_name, i) => valid[`a${i}`] ?? 0),
        writeIns: new Map(writeIns.all().map((r) => [r.name, r.votes])),
      };
    },
  };
}

function differenceOf(engine: Tally, sql: SqlCounts): string | undefined {
  if (engine.valid !== sql.valid || engine.invalid !== sql.invalid) {
    return `valid/invalid ${engine.valid}/${engine.invalid} vs ${sql.valid}/${sql.invalid}`;
  }
  for (let i = 0; i < candidates.length; i += 1) {
    if (engine.for[i] !== sql.for[i] || engine.against[i] !== sql.against[i]) {
      return `candidate ${i}: ${engine.for[i]}/${engine.against[i]} vs ${sql.for[i]}/${sql.against[i]}`;
    }
  }
  const written = [...engine.writeIns].every(([name, n]) => sql.writeIns.get(name) === n);
  if (!written || engine.writeIns.size !== sql.writeIns.size) return 'written names differ';
  return undefined;
}
