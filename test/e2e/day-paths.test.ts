import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirm, printBallot, seedCongress, settled, tokenOf } from './day-fixture';
import { chooseElection, seedDay } from './entry-fixture';
import { seedPeople, signedIn, startApp, type AppUnderTest } from './harness';

/* Two paths of a real day: a box a recount found wrong, a written-in name found ineligible. */

const committee = '选举中国共产党东湖镇第十六届委员会委员';

type Called<T> = Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>;
async function must<T>(call: Called<T>): Promise<T> {
  const done = await call;
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

/** Ten delegates, all present; a 委员 election whose ten ballots went out and came back. */
async function collectedRound(app: AppUnderTest, people: Parameters<typeof seedPeople>[1]) {
  const { adminToken, ids } = await seedPeople(app, people);
  const { congressId, ids: delegates } = await seedCongress(app, adminToken, 10);
  for (const delegateId of delegates) {
    await must(app.api('checkin.checkIn', { delegateId, via: 'card' }, adminToken));
  }
  return { adminToken, ids, congressId };
}

describe('重开票箱与资格认定', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('lets the 总监票人 reopen a reconciled box; the round goes back to counting', async () => {
    const { ids, discipline } = await seedDay(app);
    const [tellerA, tellerB, scrutineer] = await Promise.all([
      tokenOf(app, ids['张计票'] ?? 0, '1357'),
      tokenOf(app, ids['李计票'] ?? 0, '2468'),
      tokenOf(app, ids['赵监票'] ?? 0, '3579'),
    ]);
    const roundId = discipline.round.id;
    const box = await must(
      app.api('entry.createBox', { roundId, label: '1号箱', expected: 6 }, scrutineer),
    );
    for (const teller of [tellerA, tellerB]) {
      await must(app.api('entry.open', { boxId: box.id }, teller));
      for (let seq = 1; seq <= 6; seq += 1) {
        const ballot = { marks: 'OOOO-', writeIns: [], declaredInvalid: null };
        await must(app.api('entry.commit', { boxId: box.id, seq, ballot }, teller));
      }
      await must(app.api('entry.finishPass', { boxId: box.id }, teller));
    }
    await must(app.api('entry.finish', { roundId }, scrutineer));

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '钱总监', '4680');
    await page.keyboard.press('Alt+4');
    await chooseElection(page, '纪律检查委员会');
    const row = page.getByRole('row', { name: /1号箱/ });
    await row.getByRole('button', { name: '重开票箱' }).click();
    const dialog = page.getByRole('dialog', { name: '重开已核对的票箱“1号箱”' });
    await dialog.waitFor();
    await settled(page);
    await dialog.getByRole('button', { name: '确认重开' }).click();
    await dialog.getByRole('alert').getByText('请填写重开原因').waitFor();
    await dialog.getByLabel('重开原因').fill('复点发现第 3 张录错');
    await dialog.getByRole('button', { name: '确认重开' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('第一遍录入中').waitFor();
    await page.locator('.boxes-panel .ant-card-head').getByText('计票中').waitFor();
    await app.screenshot('entry-box-reopened');
    const audit = app.query<{ payload: string }>(
      "SELECT payload FROM audit WHERE action = 'box.reopen'",
    );
    expect(JSON.parse(audit?.payload ?? '{}')).toMatchObject({
      boxId: box.id,
      reason: '复点发现第 3 张录错',
      roundFrom: 'counted',
    });
  });

  it('records an elected write-in as ineligible: not elected, the seat vacant, the shortfall opened', async () => {
    const { adminToken, ids, congressId } = await collectedRound(app, [
      { name: '张计票', role: 'teller', pin: '1357' },
      { name: '赵监票', role: 'scrutineer', pin: '3579' },
      { name: '钱总监', role: 'chief-scrutineer', pin: '4680' },
    ]);
    const election = await must(
      app.api(
        'elections.create',
        {
          congressId,
          title: committee,
          office: 'committee',
          seats: 2,
          writeInBlanks: 1,
          doubleEntry: false,
        },
        adminToken,
      ),
    );
    const roundId = election.rounds[0]?.id ?? 0;
    const candidates = [{ name: '丁建国' }, { name: '王芳' }, { name: '李华' }];
    await must(app.api('elections.setCandidates', { roundId, candidates }, adminToken));
    await printBallot(app, adminToken, roundId);
    const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '3579');
    const teller = await tokenOf(app, ids['张计票'] ?? 0, '1357');
    await must(app.api('issuance.issue', { roundId, issued: 10 }, scrutineer));
    await must(app.api('issuance.return', { roundId, returned: 10 }, scrutineer));
    const box = await must(
      app.api('entry.createBox', { roundId, label: '一号票箱', expected: 10 }, scrutineer),
    );
    await must(app.api('entry.open', { boxId: box.id }, teller));
    // 丁建国 10, 孙五 (written in) 7, 王芳 3: 丁建国 and 孙五 pass for the two seats.
    for (let seq = 1; seq <= 10; seq += 1) {
      const ballot =
        seq <= 7
          ? {
              marks: 'O--',
              writeIns: [{ name: '孙五', mark: 'O' as const }],
              declaredInvalid: null,
            }
          : { marks: 'OO-', writeIns: [], declaredInvalid: null };
      await must(app.api('entry.commit', { boxId: box.id, seq, ballot }, teller));
    }
    await must(app.api('entry.finishPass', { boxId: box.id }, teller));
    await must(app.api('entry.finish', { roundId }, scrutineer));

    const { page } = app;
    await page.goto(app.served.url);
    await signedIn(page, '赵监票', '3579');
    await page.getByRole('tab', { name: '结果' }).click();
    const elected = page.getByTestId('elected-line');
    await expect.poll(() => elected.textContent()).toContain('孙五');
    const panel = page.locator('.results-eligibility');
    await panel.getByRole('button', { name: '不具备资格' }).click();
    await panel.getByText('请先写明核实情况：孙五 为何不具备被选举资格').waitFor();
    await panel.getByLabel('孙五的核实情况').fill('经核对党员名册，孙五系外镇党员');
    await panel.getByRole('button', { name: '不具备资格' }).click();
    await confirm(page, '认定 孙五 不具备被选举资格？', '确认：不具备资格');
    await panel.getByText('孙五：经核实不具备被选举资格，不当选，其名额空缺').waitFor();
    await expect.poll(() => elected.textContent()).not.toContain('孙五');
    expect(await elected.textContent()).toContain('丁建国');
    await page.getByTestId('follow-up').getByText('缺额处理').waitFor();
    await app.screenshot('results-write-in-ineligible');

    // Certification is not held back; the shortfall path is open after it.
    const chief = await tokenOf(app, ids['钱总监'] ?? 0, '4680');
    const certified = await must(app.api('results.certify', { roundId, pin: '4680' }, chief));
    expect(certified.elected).toEqual(['丁建国']);
    expect(certified.followUp).toMatchObject({ kind: 'shortfall', vacancies: 1 });
    expect(
      app.query<{ n: number }>("SELECT count(*) AS n FROM audit WHERE action = 'round.ineligible'"),
    ).toEqual({ n: 1 });
  });
});
