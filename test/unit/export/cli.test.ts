import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { certifiedCongress, entriesOf, replaced, rezip, tempDir } from './fixture';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let packageFile = '';
let keyFile = '';
let fingerprint = '';

/** The demo congress (built through the services by `congress-tally demo`), exported. */
beforeAll(async () => {
  const dir = tempDir('ct-cli-');
  const db = join(dir, 'demo.sqlite');
  const demo = await cli('demo', '--db', db);
  if (demo.code !== 0) throw new Error(demo.stderr);
  const exported = await cli('export', '--db', db, '--out', join(dir, '报送.zip'));
  if (exported.code !== 0) throw new Error(exported.stderr);
  ({ file: packageFile, fingerprint } = JSON.parse(exported.stdout) as {
    file: string;
    fingerprint: string;
  });
  keyFile = join(dir, 'key.json');
  const key = await cli('public-key', '--db', db, '--out', keyFile);
  if (key.code !== 0) throw new Error(key.stderr);
}, 180_000);

describe('congress-tally export', () => {
  it('writes the package where --out says', () => {
    expect(packageFile.endsWith('报送.zip')).toBe(true);
    expect(readFileSync(packageFile).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad input with exit code 2', async () => {
    expect((await cli('export', '--out', tempDir())).code).toBe(2);
    expect((await cli('export', '--db', join(tempDir(), 'none.sqlite'), '--out', 'x')).code).toBe(
      2,
    );
  });
});

describe('congress-tally verify', () => {
  it('exits 1 with the JSON summary when nothing vouches for the signer (no keyring, no --key)', async () => {
    const run = await cli('verify', packageFile);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as {
      ok: boolean;
      verdict: string;
      standing: { kind: string };
      congress: { name: string };
      signer: { fingerprint: string };
      elections: { seats: number; elected: string[]; rounds: unknown[] }[];
      audit: { head: string };
    };
    expect(summary).toMatchObject({
      ok: false,
      verdict: 'unregistered',
      standing: { kind: 'unknown' },
      congress: { name: '中国共产党东湖镇第十六次代表大会' },
      signer: { fingerprint },
    });
    // The demo's three elections, every seat filled (the committee after a runoff).
    expect(summary.elections.map((e) => e.elected.length)).toEqual(
      summary.elections.map((e) => e.seats),
    );
    expect(summary.elections.map((e) => e.rounds.length)).toEqual([2, 1, 1]);
    expect(summary.audit.head).toMatch(/^[0-9a-f]{64}$/);
    expect(run.stderr).toMatch(/^签名者未登记：/);
    expect(run.stderr).toContain(fingerprint);
  });

  it('exits 0 when the registered key is given', async () => {
    const run = await cli('verify', packageFile, '--key', keyFile);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      verdict: 'pass',
      standing: { kind: 'key-file' },
    });
  });

  it('documents the exit codes and the JSON in --help', async () => {
    const run = await cli('verify', '--help');
    expect(run.code).toBe(0);
    for (const word of [
      '退出码',
      '"verdict": "pass"',
      '"verdict": "unregistered"',
      '"verdict": "fail"',
    ])
      expect(run.stdout).toContain(word);
  });

  it('exits 1 naming the file when the package was changed', async () => {
    const entries = entriesOf(readFileSync(packageFile));
    const csv = entries.find((e) => e.name === 'results.csv');
    if (!csv) throw new Error('no results.csv');
    const changed = join(tempDir('ct-cli-'), 'changed.zip');
    writeFileSync(
      changed,
      rezip(replaced(entries, 'results.csv', Buffer.from(`${Buffer.from(csv.data).toString()} `))),
    );
    const run = await cli('verify', changed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^核验未通过：results\.csv：/);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      verdict: 'fail',
      file: 'results.csv',
      reason: expect.stringContaining('被改动') as string,
    });
  });

  it('exits 1 when another installation’s key is given', async () => {
    const other = await certifiedCongress();
    const otherKey = join(tempDir('ct-cli-'), 'other.json');
    expect((await cli('public-key', '--db', other.h.store.file, '--out', otherKey)).code).toBe(0);
    const run = await cli('verify', packageFile, '--key', otherKey);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, file: 'manifest.sig' });
  });

  it('exits 2 for input it cannot read', async () => {
    const notZip = join(tempDir('ct-cli-'), 'notes.txt');
    writeFileSync(notZip, '不是结果包');
    for (const argv of [
      ['verify'],
      ['verify', join(tempDir('ct-cli-'), 'missing.zip')],
      ['verify', notZip],
      ['verify', packageFile, '--key', notZip],
      ['verify', packageFile, '--unknown'],
      ['verify', packageFile, '--db', join(tempDir('ct-cli-'), 'none.sqlite')],
      ['verify', packageFile, '--keyring', notZip],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(/用法：congress-tally verify/);
    }
  });
});
