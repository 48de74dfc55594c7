import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printBallot, seedCongress, tokenOf } from './day-fixture';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

const chiefPin = '2468';
const present = 10;
/** 丁建国 10, 王芳 6, 李华 4: more than half of 10 is 6, so 丁建国 and 王芳 are elected. */
const papers = [
  ...Array.from({ length: 6 }, () => 'OO-'),
  ...Array.from({ length: 4 }, () => 'O-O'),
].map((marks) => ({ marks, writeIns: [], declaredInvalid: null }));

/** The day up to a certified round, through the host's API. */
async function certifiedRound(app: AppUnderTest): Promise<{ congressId: number; chief: string }> {
  const { adminToken, ids } = await seedPeople(app, [
    { name: '张计票', role: 'teller', pin: '1357' },
    { name: '赵监票', role: 'scrutineer', pin: '1357' },
    { name: '钱总监', role: 'chief-scrutineer', pin: chiefPin },
  ]);
  const must = async <T>(
    result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  ) => {
    const done = await result;
    if (!done.ok) throw new Error(done.error.message);
    return done.value;
  };
  const { congressId, ids: delegates } = await seedCongress(app, adminToken, present);
  for (const delegateId of delegates) {
    await must(app.api('checkin.checkIn', { delegateId, via: 'card' }, adminToken));
  }
  const election = await must(
    app.api(
      'elections.create',
      {
        congressId,
        title: '选举中国共产党东湖镇第十六届委员会委员',
        office: 'committee',
        seats: 2,
        doubleEntry: false,
      },
      adminToken,
    ),
  );
  const roundId = election.rounds[0]?.id ?? 0;
  await must(
    app.api(
      'elections.setCandidates',
      { roundId, candidates: ['丁建国', '王芳', '李华'].map((name) => ({ name })) },
      adminToken,
    ),
  );
  await printBallot(app, adminToken, roundId);
  const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '1357');
  const teller = await tokenOf(app, ids['张计票'] ?? 0, '1357');
  const chief = await tokenOf(app, ids['钱总监'] ?? 0, chiefPin);
  await must(app.api('issuance.issue', { roundId, issued: present }, scrutineer));
  await must(app.api('issuance.return', { roundId, returned: present }, scrutineer));
  const box = await must(
    app.api('entry.createBox', { roundId, label: '一号票箱', expected: present }, scrutineer),
  );
  let seq = (await must(app.api('entry.open', { boxId: box.id }, teller))).progress.nextSeq;
  for (const ballot of papers) {
    seq = (await must(app.api('entry.commit', { boxId: box.id, seq, ballot }, teller))).progress
      .nextSeq;
  }
  await must(app.api('entry.finishPass', { boxId: box.id }, teller));
  await must(app.api('entry.finish', { roundId }, scrutineer));
  await must(app.api('results.certify', { roundId, pin: chiefPin }, chief));
  return { congressId, chief };
}

describe('报送：导出、核验与备份', () => {
  let app: AppUnderTest;
  let folder: string;
  beforeEach(async () => {
    app = await startApp();
    folder = mkdtempSync(join(tmpdir(), 'ct-e2e-export-'));
  });
  afterEach(async () => {
    await app.screenshot('export-last');
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports the signed package, verifies it and a tampered copy, and backs up', async () => {
    const { chief } = await certifiedRound(app);
    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '钱总监', chiefPin);
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '7. 报送' }).waitFor();
    const fingerprint = (await page.getByTestId('key-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);

    await page.getByLabel('保存到文件夹').fill(folder);
    await page.getByRole('button', { name: '导出结果包' }).click();
    await page.getByTestId('export-done').waitFor({ timeout: 60_000 });
    const written = readdirSync(folder).filter((name) => name.endsWith('.zip'));
    expect(written).toHaveLength(1);
    const digest = (await page.getByTestId('latest-digest').textContent()) ?? '';
    expect(digest).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    await app.screenshot('export-1-exported');

    const packageFile = join(folder, written[0] ?? '');
    await page.getByRole('tab', { name: '核验结果包' }).click();
    await page.getByTestId('verify-package').setInputFiles(packageFile);
    await page.getByRole('button', { name: '开始核验' }).click();
    // Intact, but this installation's keyring vouches for no one yet: amber, not green.
    await page.getByTestId('verify-unregistered').waitFor();
    expect(await page.getByTestId('verify-passed').count()).toBe(0);

    // The key registered from its public key file, for the congress the package names.
    const keyFile = join(folder, 'public-key.json');
    const key = await app.api('export.publicKey', {}, chief);
    writeFileSync(keyFile, key.ok ? key.value.content : '');
    await page.getByRole('tab', { name: '密钥登记' }).click();
    const keyring = page.getByRole('tabpanel', { name: '密钥登记' });
    await keyring.getByLabel('经办人').fill('钱总监');
    await keyring.getByLabel('主办单位').fill('中国共产党东湖镇第十六次代表大会');
    await keyring.getByTestId('keyring-key-file').setInputFiles(keyFile);
    await keyring.getByLabel('登记原因').fill('本机自己的密钥');
    await keyring.getByRole('button', { name: '登记密钥' }).click();
    await keyring.getByRole('cell', { name: fingerprint }).waitFor();
    await page.getByRole('tab', { name: '核验结果包' }).click();
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-passed').waitFor();
    const verifyTab = page.getByRole('tabpanel', { name: '核验结果包' });
    await verifyTab.getByText(digest).waitFor();
    await verifyTab.getByRole('cell', { name: '丁建国' }).waitFor();
    await app.screenshot('export-2-verified');

    const tampered = join(folder, 'tampered.zip');
    const bytes = readFileSync(packageFile);
    const at = bytes.indexOf(Buffer.from('"returned": 10'));
    bytes.write('"returned": 11', at);
    writeFileSync(tampered, bytes);
    await page.getByTestId('verify-package').setInputFiles(tampered);
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-failed').waitFor();
    await page.getByText('文件：results.json').waitFor();
    await app.screenshot('export-3-tampered');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByLabel('备份文件夹').fill(folder);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText(`每 15 分钟备份到 ${folder}`).waitFor();
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByRole('cell', { name: '手动备份' }).waitFor();
    await app.screenshot('export-4-backup');
    expect(readdirSync(folder).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('lets the county office verify a package before anyone signs in', async () => {
    const { congressId, chief } = await certifiedRound(app);
    const exported = await app.api('export.package', { congressId, folder }, chief);
    if (!exported.ok) throw new Error(exported.error.message);
    const status = await app.api('export.status', {}, null);
    expect(status.ok || status.error.code).toBe('unauthenticated');

    const { page } = app;
    await page.goto(app.served.url);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByRole('link', { name: '核验上报的结果包（无需登录）' }).click();
    await page.getByRole('heading', { name: '核验结果包' }).first().waitFor();
    await page.getByTestId('verify-package').setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('不是结果包'),
    });
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByText('所选文件不是结果包').waitFor();

    await page.getByTestId('verify-package').setInputFiles(exported.value.file);
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('verify-unregistered').waitFor();
    await page.getByText(exported.value.digestShort).first().waitFor();
    await page.getByTestId('verify-reason').getByText('本机的密钥登记中既没有这把密钥').waitFor();
    expect(await page.getByTestId('verify-passed').count()).toBe(0);
    await app.screenshot('export-5-verify-without-sign-in');
    expect(app.pageErrors).toEqual([]);
  });
});
