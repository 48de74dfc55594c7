import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { publicKeyFile, signingKey, type SigningKey } from '../../../core/platform/keys';
import type { ZipEntry } from '../../../core/export/package/zip';
import type { Verdict } from '../../../shared/api/export';
import { testServices, type TestServices } from '../services-harness';
import { exportedPackage } from './exported';
import { replaced, rezip, tempDir, utf8 } from './fixture';
import { forgedPackage } from './forge';

/*
 * The county's keyring decides whom a package comes from: three verdicts, the command line's exit
 * code, registering after the fingerprint was compared on paper, a changed key, a key registered
 * for one organiser signing another's package, and the keyring carried to another laptop.
 */

let bytes: Buffer;
let entries: ZipEntry[];
let ourKey: SigningKey;
let freshKey: SigningKey;
let forged: Buffer;
/** The package's organiser: its congress names no 主办单位, so its name stands for it. */
const organiser = '中国共产党东湖镇第十六次代表大会';

beforeAll(async () => {
  ({ bytes, entries, ourKey } = await exportedPackage());
  const fresh = await signingKey(tempDir('ct-forger-'), 'ed25519');
  if (!fresh.ok) throw new Error(fresh.error.message);
  freshKey = fresh.value.key;
  forged = forgedPackage(entries, freshKey);
}, 180_000);

function county(): TestServices {
  return testServices({ folder: 'ct-county-', now: () => new Date('2025-06-20T02:00:00Z') });
}

async function verdict(c: TestServices, pkg: Buffer): Promise<Verdict> {
  const checked = await c.call('export.verify', { package: pkg.toString('base64') }, null);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return {
    code,
    json: JSON.parse(out.join('\n') || '{}') as Record<string, unknown>,
    stderr: err.join('\n'),
  };
}

function saved(pkg: Buffer, name: string): string {
  const file = join(tempDir('ct-keyring-'), name);
  writeFileSync(file, pkg);
  return file;
}

const keyFile = () => ({ kind: 'key-file' as const, content: publicKeyFile(ourKey).content });
const printed = (fingerprint: string) => ({ kind: 'fingerprint' as const, fingerprint });

type Source = ReturnType<typeof keyFile> | ReturnType<typeof printed>;

/** Registers a key in the county's keyring through the API, as 周核验 does before the congress. */
function register(c: TestServices, source: Source, forOrganiser = organiser, by = '周核验') {
  return c.must(
    'keyring.register',
    { organiser: forOrganiser, source, by, reason: '大会前登记' },
    '',
  );
}

describe('the forged package', () => {
  it('is intact on its own, and says other names were elected', async () => {
    const c = county();
    const original = await verdict(c, bytes);
    const fake = await verdict(c, forged);
    if (original.verdict === 'fail' || fake.verdict === 'fail') throw new Error('not intact');
    expect(fake.summary.signer.fingerprint).toBe(freshKey.fingerprint);
    expect(fake.summary.elections[0]?.elected).not.toEqual(original.summary.elections[0]?.elected);
  });

  it('is 签名者未登记 and exit 1 when the keyring holds the township’s key', async () => {
    const c = county();
    await register(c, keyFile());
    const fake = await verdict(c, forged);
    expect(fake.verdict).toBe('unregistered');
    expect(fake.verdict !== 'fail' && fake.signer).toEqual({
      kind: 'changed',
      fingerprints: [ourKey.fingerprint],
    });
    const file = saved(forged, 'forged.zip');
    const run = await cli('verify', file, '--db', c.file);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({
      ok: false,
      verdict: 'unregistered',
      standing: { kind: 'changed' },
    });
    expect(run.stderr).toContain(freshKey.fingerprint);
    // The real package of the same township passes, by the keyring alone.
    const real = await cli('verify', saved(bytes, 'real.zip'), '--db', c.file);
    expect(real.code).toBe(0);
    expect(real.json).toMatchObject({
      ok: true,
      verdict: 'pass',
      standing: { kind: 'registered' },
    });
  });

  it('exits 1 with no keyring and no --key: nothing vouches for the signer', async () => {
    const run = await cli('verify', saved(forged, 'forged.zip'));
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ verdict: 'unregistered', standing: { kind: 'unknown' } });
  });

  it('passes, the same content signed by the registered key', async () => {
    const c = county();
    await register(c, keyFile());
    const signedByOurs = forgedPackage(entries, ourKey);
    expect((await verdict(c, signedByOurs)).verdict).toBe('pass');
    expect((await cli('verify', saved(signedByOurs, 'ours.zip'), '--db', c.file)).code).toBe(0);
  });
});

describe('a key vouches only for its organiser', () => {
  it('does not pass a package of organiser B signed by the key registered for A', async () => {
    const c = county();
    const a = '中共西湖镇委员会';
    await register(c, keyFile(), a);
    const checked = await verdict(c, bytes);
    expect(checked.verdict).toBe('unregistered');
    expect(checked.verdict !== 'fail' && checked.signer).toEqual({
      kind: 'other-organiser',
      organisers: [a],
    });
    expect((await cli('verify', saved(bytes, 'b.zip'), '--db', c.file)).code).toBe(1);
  });

  it('vouches by the printed fingerprint alone, typed in any spacing, and not by a wrong one', async () => {
    const c = county();
    const typed = ourKey.fingerprint.replaceAll(' ', '').toLowerCase();
    const wrong = `${typed.slice(0, 19)}${typed.endsWith('0') ? '1' : '0'}`;
    const bad = await c.call('keyring.register', {
      organiser,
      source: { kind: 'fingerprint', fingerprint: '12 34' },
      by: '周核验',
      reason: '密钥卡',
    });
    expect(bad.ok || bad.error.message).toContain('20 位十六进制');
    await register(c, printed(wrong));
    expect((await verdict(c, bytes)).verdict).toBe('unregistered');
    await register(c, printed(typed));
    expect((await verdict(c, bytes)).verdict).toBe('pass');
    expect((await verdict(c, forged)).verdict).toBe('unregistered');
  });
});

describe('registering and withdrawing', () => {
  it('registers a signer only once the comparison is confirmed, audited with the reason', async () => {
    const c = county();
    const pkg = bytes.toString('base64');
    const unconfirmed = await c.services.dispatch(
      'keyring.registerSigner',
      { package: pkg, compared: false, by: '周核验', reason: '没核对' },
      null,
    );
    expect(unconfirmed.ok || unconfirmed.error.message).toContain('核对');
    expect(c.count('SELECT count(*) AS n FROM keyring_entry')).toBe(0);
    await c.must(
      'keyring.registerSigner',
      { package: pkg, compared: true, by: '周核验', reason: '与报告单核对一致' },
      '',
    );
    expect((await verdict(c, bytes)).verdict).toBe('pass');
    // The township restored onto another laptop without its key: a different key, registered anew.
    const changed = await verdict(c, forged);
    expect(changed.verdict === 'unregistered' && changed.reason).toContain('签名密钥与登记的不同');
    await c.must(
      'keyring.registerSigner',
      {
        package: forged.toString('base64'),
        compared: true,
        by: '周核验',
        reason: '镇里换了电脑，电话核实',
      },
      '',
    );
    expect((await verdict(c, forged)).verdict).toBe('pass');
    const rows = c.auditRows().filter((r) => r.action === 'keyring.register');
    expect(
      rows.map((r) => JSON.parse(r.payload) as { reason: string; alongside: string[] }),
    ).toEqual([
      expect.objectContaining({ reason: '与报告单核对一致', alongside: [] }),
      expect.objectContaining({
        reason: '镇里换了电脑，电话核实',
        alongside: [ourKey.fingerprint],
      }),
    ]);
    expect(rows.every((r) => r.role === 'verifier')).toBe(true);
    const [first] = await c.must('keyring.list', {}, '');
    await c.must(
      'keyring.withdraw',
      { id: first?.id ?? 0, by: '周核验', reason: '原电脑丢失' },
      '',
    );
    const withdrawn = await verdict(c, bytes);
    expect(withdrawn.verdict !== 'fail' && withdrawn.signer.kind).toBe('withdrawn');
  });

  it('refuses to register the signer of a broken package, changing nothing', async () => {
    const c = county();
    const broken = rezip(replaced(entries, 'results.csv', utf8('姓名\n')));
    const refused = await c.call('keyring.registerSigner', {
      package: broken.toString('base64'),
      compared: true,
      by: '周核验',
      reason: '试一试',
    });
    expect(refused.ok || refused.error.message).toContain('核验未通过');
    expect(c.count('SELECT count(*) AS n FROM keyring_entry')).toBe(0);
  });
});

describe('the keyring as one file', () => {
  it('carries entries and withdrawals to another laptop, and refuses an altered file whole', async () => {
    const first = county();
    await register(first, keyFile());
    const other = await register(first, printed(freshKey.fingerprint), '中共西湖镇委员会');
    await first.must('keyring.withdraw', { id: other.id, by: '周核验', reason: '登记错了' }, '');
    const file = await first.must('keyring.export', {}, '');
    const second = county();
    await register(second, printed(freshKey.fingerprint), '中共西湖镇委员会', '吴核验');
    const altered = file.content.replace(ourKey.publicKey, freshKey.publicKey);
    const refused = await second.call('keyring.import', { content: altered, by: '吴核验' });
    expect(refused.ok || refused.error.message).toContain('公钥与指纹不符');
    expect(second.count('SELECT count(*) AS n FROM keyring_entry')).toBe(1);
    const imported = await second.must(
      'keyring.import',
      { content: file.content, by: '吴核验' },
      '',
    );
    expect(imported).toEqual({ added: 1, withdrawn: 1, unchanged: 0 });
    expect((await verdict(second, bytes)).verdict).toBe('pass');
    // Withdrawn here, the key is not brought back by importing the same (older) file again.
    const [ours] = (await second.must('keyring.list', {}, '')).filter((e) => !e.withdrawn);
    await second.must(
      'keyring.withdraw',
      { id: ours?.id ?? 0, by: '吴核验', reason: '电脑丢失' },
      '',
    );
    const again = await second.must('keyring.import', { content: file.content, by: '吴核验' }, '');
    expect(again).toEqual({ added: 0, withdrawn: 0, unchanged: 2 });
    expect((await verdict(second, bytes)).verdict).toBe('unregistered');
    const keyringFile = join(tempDir('ct-keyring-'), file.fileName);
    writeFileSync(keyringFile, file.content);
    expect((await cli('verify', saved(bytes, 'p.zip'), '--keyring', keyringFile)).code).toBe(0);
  });
});

describe('报送汇总', () => {
  it('lists the broken and the unregistered first, with the reason, and writes the workbook', async () => {
    const c = county();
    await register(c, keyFile());
    const folder = tempDir('ct-survey-');
    copyFileSync(saved(bytes, 'a-real.zip'), join(folder, 'a-real.zip'));
    writeFileSync(join(folder, 'b-forged.zip'), forged);
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from('"returned": 19'));
    tampered.write('"returned": 18', at);
    writeFileSync(join(folder, 'c-tampered.zip'), tampered);
    const survey = await c.must('keyring.survey', { folder }, '');
    expect(survey.rows.map((r) => [r.file, r.verdict])).toEqual([
      ['c-tampered.zip', 'fail'],
      ['b-forged.zip', 'unregistered'],
      ['a-real.zip', 'pass'],
    ]);
    expect(survey.rows[0]?.reason).toMatch(/^results\.json：/);
    expect(survey.counts).toEqual({ pass: 1, unregistered: 1, fail: 1 });
    const xlsx = await c.must('keyring.surveyXlsx', { folder }, '');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(xlsx.base64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('报送汇总');
    const verdicts = sheet?.getColumn(1).values.slice(2);
    expect(verdicts?.[0]).toBe('未通过');
    expect(verdicts?.[1]).toBe('签名者未登记');
    expect(verdicts?.at(-1)).toBe('通过');
    const missing = await c.call('keyring.survey', { folder: join(folder, '没有') });
    expect(missing.ok || missing.error.message).toContain('不存在');
    expect(readFileSync(join(folder, 'a-real.zip')).equals(bytes)).toBe(true);
  });
});
