import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../../core/export/package/zip';
import type { BallotsDocument } from '../../../shared/export/ballots';
import { resultsHarness } from '../results/fixture';

/*
 * The secret ballot, end to end, in the case that would betray it most easily: the delegates check
 * in one after another (through the check-in service, the clock moving), each casts a paper that
 * can be told from every other, the box is turned out so that the papers are entered in exactly the
 * reverse of the order of arrival, and the round is certified and exported. Nothing in the
 * database's ballot side and nothing in the package may let anyone pair the i-th delegate to
 * arrive with the i-th paper: no shared key, no time on a ballot, and no order that follows either
 * the check-ins or the entry.
 */

const voters = 240;
const candidates = ['丁一', '卜二', '刁三', '于四', '王五', '石六', '田七', '白八'];
/** The paper of the i-th delegate to arrive: the bits of i as ○ and × (never eight ○ of seven seats). */
const paperOf = (i: number) => candidates.map((_c, bit) => ((i >> bit) & 1 ? 'O' : 'X')).join('');
const arrivalOf = new Map(Array.from({ length: voters }, (_v, i) => [paperOf(i), i]));
/** Entered top of the box first: the last to arrive, the first entered. */
const entryOf = (arrival: number) => voters - 1 - arrival;

/** Spearman's rank correlation of a sequence of distinct ranks 0..n-1 with its own order. */
function rankCorrelation(ranks: readonly number[]): number {
  const n = ranks.length;
  const d2 = ranks.reduce((sum, rank, i) => sum + (rank - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
/** For a random order of 240, |ρ| is about 0.065 give or take; 0.3 is over four of those. */
const unrelated = 0.3;

/** The papers found in a text, in the order they appear there, as arrival ranks. */
function papersIn(text: string): number[] {
  return [...text.matchAll(/[OX]{8}/g)].flatMap((m) => {
    const arrival = arrivalOf.get(m[0]);
    return arrival === undefined ? [] : [arrival];
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ct-secrecy-'));
let opened: Database.Database | undefined;
/** The database as the day left it (a copy; read-only). */
function db(): Database.Database {
  if (!opened) throw new Error('the congress was not built');
  return opened;
}
let files = new Map<string, string>();

beforeAll(async () => {
  const h = await resultsHarness({ seats: 7, candidates, entitled: voters, present: 0 });
  h.services.context.printPdf = () => Promise.resolve(new TextEncoder().encode('%PDF-1.4\n'));
  const delegates = h.store.delegates.listByCongress(h.congress.id);
  for (const delegate of delegates) {
    // Two seconds apart: the whole hall within the idle lock's ten minutes.
    h.advance(2_000);
    await h.must('checkin.checkIn', { delegateId: delegate.id, via: 'card' }, h.admin.token);
  }
  await h.vote(h.formalRoundId, voters);
  const papers = Array.from({ length: voters }, (_v, n) => ({ marks: paperOf(entryOf(n)) }));
  await h.enter(h.formalRoundId, papers);
  await h.certify(h.formalRoundId);
  const folder = join(dir, 'package');
  mkdirSync(folder);
  await h.must('export.package', { congressId: h.congress.id, folder }, h.chief.token);
  const [zip] = readdirSync(folder);
  const read = readZip(readFileSync(join(folder, zip ?? '')));
  if (!read.ok) throw new Error(read.reason);
  files = new Map(read.entries.map((e) => [e.name, Buffer.from(e.data).toString('utf8')]));
  // The harness removes its files after each test: the database goes on in a copy.
  h.store.db.exec(`VACUUM INTO '${join(dir, 'congress.sqlite')}'`);
  opened = new Database(join(dir, 'congress.sqlite'), { readonly: true });
});

afterAll(() => {
  opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the secret ballot, from check-in to the exported package', () => {
  it('the fixture is the worst case: arrivals in order, papers entered in reverse', () => {
    const arrived = db()
      .prepare<[], { id: number }>('SELECT delegate_id AS id FROM attendance ORDER BY at')
      .all()
      .map((r) => r.id);
    expect(arrived).toHaveLength(voters);
    const entered = db()
      .prepare<[], { marks: string }>('SELECT marks FROM ballot ORDER BY id')
      .all()
      .map((r) => arrivalOf.get(r.marks) ?? -1);
    expect(rankCorrelation(entered)).toBe(-1);
  });

  it('the ballot side of the database holds no time and nothing of a delegate', () => {
    const delegates = db()
      .prepare<[], { name: string; cardNo: string }>('SELECT name, card_no AS cardNo FROM delegate')
      .all();
    const known = new Set(delegates.flatMap((d) => [d.name, d.cardNo]));
    for (const table of ['ballot', 'ballot_write_in', 'entry_pass', 'box']) {
      for (const row of db().prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          expect(String(value), `${table}.${column}`).not.toMatch(/\d{4}-\d{2}-\d{2}|\d:\d{2}/);
          expect(known.has(String(value)), `${table}.${column}`).toBe(false);
        }
      }
    }
  });

  it('ballots.json lists marks, written names and validity only, in an order of its own', () => {
    const document = JSON.parse(files.get('ballots.json') ?? '') as BallotsDocument;
    expect(Object.keys(document).sort()).toEqual(['format', 'rounds', 'version']);
    const [round] = document.rounds;
    expect(Object.keys(round ?? {}).sort()).toEqual(['ballots', 'roundId']);
    for (const ballot of round?.ballots ?? []) {
      expect(Object.keys(ballot).sort()).toEqual(['invalid', 'marks', 'writeIns']);
    }
    const arrivals = (round?.ballots ?? []).map((b) => arrivalOf.get(b.marks) ?? -1);
    // Every paper once: nothing lost, nothing made up.
    expect([...arrivals].sort((a, b) => a - b)).toEqual([...Array(voters).keys()]);
    expect(Math.abs(rankCorrelation(arrivals))).toBeLessThan(unrelated);
    expect(Math.abs(rankCorrelation(arrivals.map(entryOf)))).toBeLessThan(unrelated);
  });

  it('results, the table and the manifest name no single paper', () => {
    for (const name of ['results.json', 'results.csv', 'manifest.json', 'manifest.sig']) {
      expect(papersIn(files.get(name) ?? ''), name).toEqual([]);
    }
  });

  // Entry's audit rows carry each paper's marks, box and place in the order entered; the export
  // gives those rows by their payload's digest only (the chain still verifies).
  it('audit.jsonl gives no paper, so no order that follows the check-ins or the entry', () => {
    expect(papersIn(files.get('audit.jsonl') ?? '')).toEqual([]);
  });
});
