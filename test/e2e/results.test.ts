import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markBallots } from '../../cli/demo-ballots';
import { seeded } from '../../cli/demo-roster';
import { tallyRound, type BallotGroup } from '../../shared/tally';
import { printBallot, seedCongress, tokenOf } from './day-fixture';
import { root, seedPeople, signedIn, startApp, type AppUnderTest } from './harness';
import { compareWithSnapshot } from './snapshot';

const artifacts = join(root, 'test-results', 'results');

/**
 * The 纪委委员 candidates in 姓氏笔画 order, worked out by hand: 丁 (2: 横 竖钩) < 卜 (2: 竖 点)
 * < 刁 (2: 横折钩 提) < 王 (4) < 田 (5) < 李 (7).
 */
const candidates = ['丁建国', '卜秀英', '刁明华', '王芳', '田富', '李华'];
/** 30 on the roster (all with a vote), 28 present: more than half of 30 is 16 votes. */
const votes = [25, 22, 20, 18, 12, 24];
const present = 28;
const chiefPin = '2468';

/** The 28 papers: 26 valid, one rejected by the scrutineers, one marked for six. */
const papers = markBallots(seeded(618), {
  candidates,
  seats: 5,
  votes: new Map(candidates.map((name, i) => [name, votes[i] ?? 0])),
  valid: present - 2,
  rejected: 1,
  overVoted: 1,
  against: 0.5,
});

/** The engine on the same papers, built here from the test's own list. */
const expected = tallyRound({
  profile: 'party-grassroots',
  round: 'formal',
  office: 'discipline',
  seats: 5,
  candidates,
  electorate: { entitled: 30, present },
  issued: present,
  returned: present,
  ballots: papers.map((p): BallotGroup =>
    p.declaredInvalid === null
      ? { n: 1, marks: p.marks, writeIns: p.writeIns }
      : { n: 1, invalid: true },
  ),
});

interface Counted {
  roundId: number;
  electionId: number;
  scrutineer: string;
  teller: string;
}

/** The day up to the count, through the host's API: roster, check-in, ballots out and back, entry. */
async function countedRound(app: AppUnderTest): Promise<Counted> {
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
  const { congressId, ids: delegates } = await seedCongress(app, adminToken, 30);
  for (const delegateId of delegates.slice(0, present)) {
    await must(app.api('checkin.checkIn', { delegateId, via: 'card' }, adminToken));
  }
  const election = await must(
    app.api(
      'elections.create',
      {
        congressId,
        title: '选举中国共产党东湖镇纪律检查委员会委员',
        office: 'discipline',
        seats: 5,
        doubleEntry: false,
      },
      adminToken,
    ),
  );
  const roundId = election.rounds[0]?.id ?? 0;
  await must(
    app.api(
      'elections.setCandidates',
      { roundId, candidates: candidates.map((name) => ({ name })) },
      adminToken,
    ),
  );
  await printBallot(app, adminToken, roundId);
  const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '1357');
  const teller = await tokenOf(app, ids['张计票'] ?? 0, '1357');
  await must(app.api('issuance.issue', { roundId, issued: present }, scrutineer));
  await must(app.api('issuance.return', { roundId, returned: present }, scrutineer));
  for (const [label, stack] of [
    ['一号票箱', papers.slice(0, 14)],
    ['二号票箱', papers.slice(14)],
  ] as const) {
    const box = await must(
      app.api('entry.createBox', { roundId, label, expected: stack.length }, scrutineer),
    );
    let seq = (await must(app.api('entry.open', { boxId: box.id }, teller))).progress.nextSeq;
    for (const ballot of stack) {
      seq = (await must(app.api('entry.commit', { boxId: box.id, seq, ballot }, teller))).progress
        .nextSeq;
    }
    await must(app.api('entry.finishPass', { boxId: box.id }, teller));
  }
  await must(app.api('entry.finish', { roundId }, scrutineer));
  return { roundId, electionId: election.id, scrutineer, teller };
}

describe('结果：签核、解锁与计票结果报告单', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
    mkdirSync(artifacts, { recursive: true });
  });
  afterEach(async () => {
    await app.screenshot('results-last');
    await app.close();
  });

  it('certifies with the 总监票人’s PIN, locks the round, unlocks with a reason and prints the sheet', async () => {
    expect(expected.elected).toEqual(['丁建国', '卜秀英', '刁明华', '王芳', '李华']);
    const counted = await countedRound(app);
    const { page } = app;
    const state = () =>
      app.query<{ state: string }>(`SELECT state FROM round WHERE id = ${counted.roundId}`)?.state;
    await page.goto(app.served.url);
    await signedIn(page, '钱总监', chiefPin);
    await page.getByRole('tab', { name: '结果' }).click();
    const results = page.getByTestId('round-results');
    await results.waitFor();

    // The screen shows what the engine gives for these papers.
    const figures = page.getByTestId('results-figures');
    await expect
      .poll(() => figures.textContent())
      .toContain(`有效票${expected.ballots.valid ?? NaN}张`);
    expect(await figures.textContent()).toContain(`无效票${expected.ballots.invalid ?? NaN}张`);
    expect(await page.getByTestId('threshold').textContent()).toContain('即至少 16 票');
    for (const r of expected.results) {
      if (r.writeIn) continue;
      const row = page.getByRole('row', { name: new RegExp(`^\\d+\\s*${r.name}`) });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(2, 5), r.name).toEqual([
        String(r.for),
        String(r.against),
        String(r.abstain),
      ]);
    }
    expect(await page.getByTestId('elected-line').textContent()).toContain(
      expected.elected.join(''),
    );
    await app.screenshot('results-1-counted');

    // A wrong PIN is refused and nothing changes.
    const pin = page.getByLabel('总监票人 PIN');
    await pin.fill('0000');
    await page.getByRole('button', { name: '签核本轮结果' }).click();
    await page.getByText(/PIN 不正确/).waitFor();
    expect(state()).toBe('counted');
    await app.screenshot('results-2-wrong-pin');

    await pin.fill(chiefPin);
    await pin.press('Enter');
    await page.getByTestId('certified').waitFor();
    expect(state()).toBe('certified');
    await app.screenshot('results-3-certified');

    // Locked: entry into a certified round is refused by the API, and nothing is written.
    const box = await app.api(
      'entry.createBox',
      { roundId: counted.roundId, label: '补录', expected: 1 },
      counted.scrutineer,
    );
    expect(box.ok || box.error.code).toBe('invalid-state');
    const boxId =
      app.query<{ id: number }>(`SELECT id FROM box WHERE round_id = ${counted.roundId} LIMIT 1`)
        ?.id ?? 0;
    const reopen = await app.api('entry.open', { boxId }, counted.teller);
    expect(reopen.ok || reopen.error.code).toBe('invalid-state');
    expect(app.query<{ n: number }>('SELECT count(*) AS n FROM ballot')?.n).toBe(present);

    // Unlocked for a recount, with the PIN and a reason.
    await page.getByRole('button', { name: '解锁重核' }).click();
    const dialog = page.getByRole('dialog', { name: /解锁重核/ });
    await dialog.getByLabel('解锁理由').fill('监票人提出复核二号票箱');
    await dialog.getByLabel('总监票人 PIN').fill(chiefPin);
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('results-not-ready').waitFor();
    expect(state()).toBe('counting');
    const unlock = app.query<{ reason: string }>('SELECT reason FROM round_unlock');
    expect(unlock?.reason).toBe('监票人提出复核二号票箱');
    await app.screenshot('results-4-unlocked');

    // Nothing needed correcting: entry is closed again and the round certified again.
    const finished = await app.api(
      'entry.finish',
      { roundId: counted.roundId },
      counted.scrutineer,
    );
    expect(finished.ok).toBe(true);
    await pin.waitFor();
    await pin.fill(chiefPin);
    await pin.press('Enter');
    await page.getByTestId('certified').waitFor();
    await expect
      .poll(() => results.textContent())
      .toContain('解锁重核，理由：监票人提出复核二号票箱');

    // The 计票结果报告单, previewed and saved as PDF.
    await page.getByRole('button', { name: '计票结果报告单' }).click();
    const preview = page.getByRole('dialog', { name: /计票结果报告单/ });
    await preview.frameLocator('iframe').getByText('总监票人报告').waitFor();
    await app.screenshot('results-5-sheet-preview');
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '保存为 PDF 打印' }).click();
    const file = join(artifacts, 'result-sheet.pdf');
    await (await download).saveAs(file);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const r of expected.results) {
      if (r.writeIn) continue;
      expect(text, r.name).toMatch(
        new RegExp(`${r.name}\\s+${r.for}\\s+${r.against}\\s+${r.abstain}\\s`),
      );
    }
    const line = /当选名单[^\n]*\n?[^\n]*/.exec(text)?.[0] ?? '';
    const positions = expected.elected.map((name) => line.indexOf(name));
    expect(
      positions.every((p) => p >= 0),
      line,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Sentences are read in reading order (boxes side by side interleave in -layout).
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(flat).toMatch(
      /本结果曾于\d{4}年\d+月\d+日\d\d:\d\d解锁重核，理由：监票人提出复核二号票箱（钱总监）/,
    );
    expect(flat).toContain('导出后在此打印结果包摘要与签名公钥指纹');

    // The page as printed, against the reviewed snapshot (times of day aside, nothing may move).
    const page1 = join(artifacts, 'result-sheet-page1');
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      file,
      page1,
    ]);
    const verdict = compareWithSnapshot(`${page1}.png`, 'result-sheet');
    expect(verdict.differing / verdict.total, `差异见 ${verdict.diff}`).toBeLessThan(0.006);
    expect(app.pageErrors).toEqual([]);
  });
});
