import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { positionsOf } from '../reports/pdfTools';
import { committeeInStrokeOrder, rosterCsv, setupHarness, township } from './fixture';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/cli/main.mjs');
const sources = ['electron', 'core', 'cli', 'db', 'shared'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

beforeAll(() => {
  const changed = Math.max(...sources.map((source) => newest(join(root, source))));
  if (!existsSync(cli) || statSync(cli).mtimeMs < changed) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  }
}, 180_000);

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function temp(): string {
  dir ||= mkdtempSync(join(tmpdir(), 'ct-setup-cli-'));
  return dir;
}

function run(...args: string[]) {
  const child = spawnSync(process.execPath, ['bin/congress-tally.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function count(db: string, sql: string): number {
  const reader = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return reader.prepare<[], { n: number }>(sql).get()?.n ?? Number.NaN;
  } finally {
    reader.close();
  }
}

const rows = [
  ['丁建国', '男', '汉族', '1975.03', '大学本科', '领导干部', '镇机关党委', '2025001'],
  ['王秀英', '女', '回族', '1988-11-02', '大专', '一线', '东湖村党总支', '2025002'],
  ['', '男', '汉族', '1980.01', '高中', '一线', '西湖村党支部', '2025003'],
];

describe('congress-tally import-roster', () => {
  it('prints the row report and writes nothing without --accept', () => {
    const roster = join(temp(), '名册.csv');
    writeFileSync(roster, rosterCsv(rows));
    const db = join(temp(), 'c.sqlite');
    const result = run('import-roster', '--db', db, roster);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      congress: unknown;
      summary: { lines: number; importable: number; errors: number };
      problems: { line: number; column: string; reason: string }[];
      imported: unknown;
    };
    expect(report.congress).toBeNull();
    expect(report.summary).toMatchObject({ lines: 3, importable: 2, errors: 1 });
    expect(report.problems).toContainEqual(
      expect.objectContaining({ line: 4, column: '姓名', reason: '姓名为空' }),
    );
    expect(report.imported).toBeNull();
    expect(count(db, 'SELECT count(*) AS n FROM congress')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM delegate')).toBe(0);
  });

  it('imports the valid rows with --accept, creating a congress, and updates on a second run', () => {
    const roster = join(temp(), '名册.csv');
    writeFileSync(roster, rosterCsv(rows));
    const db = join(temp(), 'c.sqlite');
    const first = run('import-roster', '--db', db, roster, '--accept');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      congress: { id: 1 },
      imported: { created: 2, updated: 0, unchanged: 0, skipped: [4] },
    });
    writeFileSync(
      roster,
      rosterCsv([
        rows[0] ?? [],
        ['王秀英', '女', '回族', '1988-11-02', '大专', '一线', '西湖村党支部', '2025002'],
      ]),
    );
    const second = run('import-roster', '--db', db, '--congress', '1', roster, '--accept');
    expect(JSON.parse(second.stdout)).toMatchObject({
      imported: { created: 0, updated: 1, unchanged: 1 },
    });
    expect(count(db, 'SELECT count(*) AS n FROM delegate')).toBe(2);
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM audit WHERE action = 'roster.import' AND role = 'command-line'",
      ),
    ).toBe(2);
  });

  it('exits 2 with one line when the file cannot be read or the arguments are wrong', () => {
    const db = join(temp(), 'c.sqlite');
    const binary = join(temp(), 'photo.csv');
    writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const cases: [string[], string][] = [
      [['import-roster', '--db', db, binary, '--accept'], '不是文本表格'],
      [['import-roster', '--db', db, join(temp(), 'missing.csv')], '文件不存在'],
      [['import-roster', binary], '缺少参数 --db'],
      [['import-roster', '--db', db, binary, '--force'], '无法识别的参数：--force'],
      [['import-roster', '--db', db, '--congress', 'x', binary], '应为编号'],
      [['import-roster', '--db', db, '--congress', '7', binary], '没有编号为 7 的大会'],
    ];
    for (const [args, reason] of cases) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(reason);
    }
    expect(existsSync(db) ? count(db, 'SELECT count(*) AS n FROM delegate') : 0).toBe(0);
  });
});

describe('congress-tally report', () => {
  async function prepared(candidates: readonly string[]) {
    const h = await setupHarness();
    const congress = await h.must('congress.create', township);
    const roster = committeeInStrokeOrder.map((name, i) => [
      name,
      '男',
      '汉族',
      '1975.03',
      '大学本科',
      '一线',
      '镇机关党委',
      `C${i}`,
    ]);
    await h.must('roster.import', {
      congressId: congress.id,
      fileName: 'r.csv',
      content: Buffer.from(rosterCsv(roster)).toString('base64'),
      mode: 'all',
    });
    const election = await h.must('elections.create', {
      congressId: congress.id,
      title: '选举中国共产党东湖镇第十六届委员会委员',
      office: 'committee',
      seats: 9,
    });
    await h.must('elections.setCandidates', {
      roundId: election.rounds[0]?.id ?? 0,
      candidates: candidates.map((name) => ({ name })),
    });
    h.services.close();
    return { db: h.file, electionId: election.id };
  }

  it('prints a ballot through Chromium, candidates in stroke order, and marks it printed', async () => {
    const { db, electionId } = await prepared([...committeeInStrokeOrder].reverse());
    const out = join(temp(), 'ballot.pdf');
    const result = run(
      'report',
      'ballot',
      '--db',
      db,
      '--election',
      String(electionId),
      '--out',
      out,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const positions = positionsOf(text, committeeInStrokeOrder);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(count(db, "SELECT count(*) AS n FROM round WHERE state = 'printed'")).toBe(1);

    for (const kind of ['sign-in', 'cards']) {
      const file = join(temp(), `${kind}.pdf`);
      expect(run('report', kind, '--db', db, '--out', file).code).toBe(0);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('吴斌');
    }
  });

  it('refuses a slate outside its bounds and bad input with exit 2, writing nothing', async () => {
    const { db, electionId } = await prepared(committeeInStrokeOrder.slice(0, 10));
    const out = join(temp(), 'ballot.pdf');
    const refused = run(
      'report',
      'ballot',
      '--db',
      db,
      '--election',
      String(electionId),
      '--out',
      out,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '差额不足：应选 9 名至少需要 11 名候选人（差额不少于 20%），现有 10 名',
    );
    expect(existsSync(out)).toBe(false);
    expect(count(db, "SELECT count(*) AS n FROM round WHERE state = 'draft'")).toBe(1);
    const cases: [string[], string][] = [
      [['report', 'ballot', '--db', db, '--out', out], '--election'],
      [['report', 'minutes', '--db', db, '--out', out], '未知的报表类型：minutes'],
      [['report', 'cards', '--db', join(temp(), 'none.sqlite'), '--out', out], '数据库文件不存在'],
      [
        ['report', 'ballot', '--db', db, '--election', '99', '--out', out],
        '没有编号为 99 的选举事项',
      ],
      [['report', 'cards', '--db', db], '缺少参数 --out'],
    ];
    for (const [args, reason] of cases) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(reason);
    }
    expect(existsSync(out)).toBe(false);
  });
});
