import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));

const base = {
  profile: 'party-grassroots',
  round: 'formal',
  office: 'committee',
  seats: 2,
  candidates: ['王芳', '石磊', '朱红'],
  electorate: { entitled: 10, present: 10 },
  issued: 10,
  returned: 10,
  ballots: [
    { n: 6, marks: 'OO-' },
    { n: 3, marks: 'O-O', writeIns: [{ name: '周涛', mark: '-' }] },
    { n: 1, invalid: true },
  ],
};

let files = 0;
function write(content: string): string {
  const file = join(dir, `round-${files++}.json`);
  writeFileSync(file, content);
  return file;
}

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

async function tallyOf(round: unknown) {
  return run(['tally', write(JSON.stringify(round))]);
}

/** One bad-input case: exit 2, nothing on stdout, one line on stderr starting with the field. */
function expectBadInput(result: Awaited<ReturnType<typeof run>>, field: string | RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toEqual([]);
  expect(result.stderr).toHaveLength(1);
  const line = result.stderr[0] ?? '';
  expect(line).not.toMatch(/\n/);
  if (typeof field === 'string') expect(line.startsWith(`${field}: `), line).toBe(true);
  else expect(line).toMatch(field);
}

describe('congress-tally tally', () => {
  it('prints the result as one JSON object and exits 0', async () => {
    const result = await tallyOf(base);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    const output = JSON.parse(result.stdout.join('\n')) as { elected: string[]; ballots: unknown };
    expect(output.elected).toEqual(['王芳', '石磊']);
    expect(output.ballots).toEqual({ issued: 10, returned: 10, valid: 9, invalid: 1 });
  });

  it('does not demand that the groups add up when the round is void before counting', async () => {
    const result = await tallyOf({
      ...base,
      electorate: { entitled: 20, present: 10 },
      ballots: [],
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.join('\n'))).toMatchObject({
      status: 'invalid',
      invalidReason: 'quorum',
    });
  });

  const cases: [string, unknown, string][] = [
    ['an unknown profile', { ...base, profile: 'party-central' }, 'profile'],
    ['an unknown office', { ...base, office: 'chairman' }, 'office'],
    ['an unknown round', { ...base, round: 'final' }, 'round'],
    ['an unknown option value', { ...base, options: { quorum: 'half' } }, 'options.quorum'],
    ['an unknown option', { ...base, options: { speed: 'fast' } }, 'options'],
    [
      'an option the profile has not',
      { ...base, options: { meeting: 'plenary' } },
      'options.meeting',
    ],
    ['an office the profile has not', { ...base, office: 'village-committee' }, 'office'],
    [
      'marks of the wrong length',
      {
        ...base,
        ballots: [
          { n: 6, marks: 'OO-' },
          { n: 4, marks: 'OO' },
        ],
      },
      'ballots[1].marks',
    ],
    ['a bad mark', { ...base, ballots: [{ n: 10, marks: 'OV-' }] }, 'ballots[0].marks'],
    ['a group without marks', { ...base, ballots: [{ n: 10 }] }, 'ballots[0].marks'],
    ['groups not adding up to returned', { ...base, ballots: [{ n: 9, marks: 'OO-' }] }, 'ballots'],
    ['a negative number', { ...base, issued: -1 }, 'issued'],
    ['a non-integer', { ...base, seats: 1.5 }, 'seats'],
    ['a number as a string', { ...base, returned: '10' }, 'returned'],
    ['no seats', { ...base, seats: 0 }, 'seats'],
    ['a negative group', { ...base, ballots: [{ n: -1, marks: 'OO-' }] }, 'ballots[0].n'],
    ['duplicate candidates', { ...base, candidates: ['王芳', '石磊', '王芳'] }, 'candidates[2]'],
    ['an empty candidate name', { ...base, candidates: ['王芳', ' ', '朱红'] }, 'candidates[1]'],
    ['no candidates', { ...base, candidates: [] }, 'candidates'],
    ['a party round without 实到', { ...base, electorate: { entitled: 10 } }, 'electorate.present'],
    [
      '实到 above 应到',
      { ...base, electorate: { entitled: 10, present: 11 } },
      'electorate.present',
    ],
    [
      'a preliminary round without formalCandidates',
      { ...base, round: 'preliminary' },
      'formalCandidates',
    ],
    ['a village preliminary round', { ...base, profile: 'village', round: 'preliminary' }, 'round'],
    ['a missing profile', { ...base, profile: undefined }, 'profile'],
    [
      'a write-in on a runoff ballot',
      {
        ...base,
        round: 'runoff',
        ballots: [{ n: 10, marks: 'O--', writeIns: [{ name: '周涛', mark: 'O' }] }],
      },
      'ballots[0].writeIns',
    ],
    [
      'a bad write-in mark',
      { ...base, ballots: [{ n: 10, marks: 'O--', writeIns: [{ name: '周涛', mark: 'X' }] }] },
      'ballots[0].writeIns[0].mark',
    ],
    ['an array instead of a round', [base], '(整个文件)'],
  ];

  it.each(cases)('rejects %s', async (_, round, field) => {
    expectBadInput(await tallyOf(round), field);
  });

  it('names the length and candidate count of bad marks', async () => {
    const result = await tallyOf({ ...base, ballots: [{ n: 10, marks: 'OO' }] });
    expect(result.stderr).toEqual(['ballots[0].marks: 长度 2 与候选人数 3 不符']);
  });

  it('rejects a file that is not JSON', async () => {
    const file = write('{"profile": "village",');
    expectBadInput(await run(['tally', file]), file);
  });

  it('rejects a file that does not exist', async () => {
    const file = join(dir, 'missing.json');
    const result = await run(['tally', file]);
    expectBadInput(result, file);
    expect(result.stderr[0]).toContain('文件不存在');
  });

  it('rejects a missing argument, an extra one and an unknown command', async () => {
    expectBadInput(await run(['tally']), /缺少参数/);
    expectBadInput(await run(['tally', 'a.json', 'b.json']), /多余的参数/);
    expectBadInput(await run(['count']), /未知命令：count/);
    expectBadInput(await run([]), /缺少命令/);
  });

  it('as a process: exit code 2, one line on stderr, nothing on stdout', () => {
    const file = write(JSON.stringify({ ...base, seats: -3 }));
    const child = spawnSync(process.execPath, ['bin/congress-tally.mjs', 'tally', file], {
      cwd: root,
      encoding: 'utf8',
    });
    if (child.stderr.includes('npm run build')) return; // not built yet: scenarios.test builds it
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(child.stderr.startsWith('seats: ')).toBe(true);
  });
});
