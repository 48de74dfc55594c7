import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortNames } from '../../../shared/names';
import {
  tallyRound,
  type BallotGroup,
  type Office,
  type ProfileId,
  type RoundKind,
  type RoundResult,
} from '../../../shared/tally';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/cli/main.mjs');
const sources = ['electron', 'core', 'cli', 'db', 'shared'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const dir = mkdtempSync(join(tmpdir(), 'ct-demo-'));
const db = join(dir, 'demo.sqlite');
let summary = '';

beforeAll(() => {
  const changed = Math.max(...sources.map((source) => newest(join(root, source))));
  if (!existsSync(cli) || statSync(cli).mtimeMs < changed) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  }
  summary = run('demo', '--db', db);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): string {
  const child = spawnSync(process.execPath, ['bin/congress-tally.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`congress-tally ${args[0] ?? ''}: ${child.stderr}`);
  return child.stdout;
}

function pdfText(kind: string, electionId: number): string {
  const out = join(dir, `${kind}-${electionId}.pdf`);
  run('report', kind, '--db', db, '--election', String(electionId), '--out', out);
  return execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
}

interface RoundRow {
  id: number;
  electionId: number;
  kind: RoundKind;
  seats: number;
  entitled: number;
  present: number;
  issued: number;
  returned: number;
  office: Office;
  profile: ProfileId;
}

/**
 * The engine's tally of a round from the file itself, read here with plain SQL (not through the
 * services): the ballots that count are pass 1's standing ones, in boxes reconciled where the
 * election is entered twice.
 */
function engineTally(file: Database.Database, round: RoundRow): RoundResult {
  const candidates = file
    .prepare<[number], { name: string }>(
      'SELECT name FROM candidate WHERE round_id = ? ORDER BY position',
    )
    .all(round.id)
    .map((c) => c.name);
  const ballots = file
    .prepare<[number], { id: number; marks: string; invalid: string | null }>(
      `SELECT b.id, b.marks, b.invalid_reason AS invalid FROM ballot b
       JOIN entry_pass p ON p.id = b.pass_id AND p.pass = 1
       JOIN box x ON x.id = p.box_id JOIN round r ON r.id = x.round_id
       JOIN election e ON e.id = r.election_id
       WHERE x.round_id = ? AND b.voided_reason IS NULL
         AND (e.double_entry = 0 OR x.state = 'reconciled')`,
    )
    .all(round.id);
  const writeIns = file.prepare<[number], { name: string; mark: 'O' | '-' }>(
    'SELECT name, mark FROM ballot_write_in WHERE ballot_id = ? ORDER BY slot',
  );
  const groups = ballots.map((b): BallotGroup => {
    const written = writeIns.all(b.id);
    const marked = [...b.marks].filter((m) => m === 'O').length;
    const overVoted = marked + written.filter((w) => w.mark === 'O').length > round.seats;
    // A ballot the scrutineers rejected was stored blank with its reason; an over-vote keeps its marks.
    return b.invalid !== null && !overVoted
      ? { n: 1, invalid: true }
      : { n: 1, marks: b.marks, writeIns: written };
  });
  return tallyRound({
    profile: round.profile,
    round: round.kind,
    office: round.office,
    seats: round.seats,
    candidates,
    electorate: { entitled: round.entitled, present: round.present },
    issued: round.issued,
    returned: round.returned,
    ballots: groups,
  });
}

describe('congress-tally demo', () => {
  // It reads every printed sheet back with pdftotext: minutes on a busy or slow machine.
  it(
    'builds a whole congress whose printed results are the engine’s tally of its ballots',
    { timeout: 240_000 },
    () => {
      expect(summary).toContain('实到 170 人');
      const file = new Database(db, { readonly: true });
      try {
        const rounds = file
          .prepare<[], RoundRow>(
            `SELECT r.id, r.election_id AS electionId, r.kind, r.seats, r.entitled, r.present,
             r.issued, r.returned, e.office, c.profile
           FROM round r JOIN election e ON e.id = r.election_id
           JOIN congress c ON c.id = e.congress_id ORDER BY r.id`,
          )
          .all();
        const states = file.prepare<[], { state: string }>('SELECT state FROM round').all();
        expect(states.every((r) => r.state === 'certified')).toBe(true);
        // One tie at the ninth seat of the committee, settled by a runoff between the two.
        expect(rounds.map((r) => r.kind)).toEqual(['formal', 'formal', 'formal', 'runoff']);

        const electionIds = [...new Set(rounds.map((r) => r.electionId))];
        for (const electionId of electionIds) {
          const sheet = pdfText('result-sheet', electionId);
          const elected: string[] = [];
          for (const round of rounds.filter((r) => r.electionId === electionId)) {
            const tally = engineTally(file, round);
            expect(tally.status).toBe('valid');
            elected.push(...tally.elected);
            const { valid, invalid } = tally.ballots;
            expect(sheet).toMatch(
              new RegExp(
                `${round.returned}\\s*张\\s+${valid ?? NaN}\\s*张\\s+${invalid ?? NaN}\\s*张`,
              ),
            );
            for (const r of tally.results) {
              const row = r.writeIn
                ? `${r.name}\\s*另选\\s+${r.for}\\s+—\\s+—`
                : `${r.name}\\s+${r.for}\\s+${r.against}\\s+${r.abstain}\\s`;
              expect(sheet, r.name).toMatch(new RegExp(row));
            }
            if (round.kind === 'formal' && electionId === electionIds[0]) {
              expect(tally.runoff?.seats).toBe(1);
              expect(tally.runoff?.candidates).toHaveLength(2);
            }
          }
          // The 当选名单 lists every round's elected in 姓氏笔画 order (all three are stroke-ordered).
          const list = pdfText('elected-list', electionId);
          const { sorted } = sortNames(elected, 'party');
          const positions = sorted.map((name) => list.indexOf(name));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        }
      } finally {
        file.close();
      }
    },
  );
});
