import type { ProfileId, RuleOptions } from '../../shared/tally/types';
import { rosterCsv, township, type RosterRow } from '../unit/checkin/roster';
import type { Page } from 'playwright-core';
import type { AppUnderTest } from './harness';

export interface SeededCongress {
  congressId: number;
  rows: RosterRow[];
  /** Delegate ids in roster order. */
  ids: number[];
}

/** A congress with a roster imported through the set-up API, as the administrator does it. */
export async function seedCongress(
  app: AppUnderTest,
  adminToken: string,
  size: number,
  profile: ProfileId = 'party-grassroots',
  options: Partial<RuleOptions> = {},
): Promise<SeededCongress> {
  const created = await app.api(
    'congress.create',
    { name: '中国共产党东湖镇第十六次代表大会', heldOn: '2025-06-18', profile, options },
    adminToken,
  );
  if (!created.ok) throw new Error(created.error.message);
  const congressId = created.value.id;
  const rows = township(size);
  const imported = await app.api(
    'roster.import',
    {
      congressId,
      fileName: '代表名册.csv',
      content: Buffer.from(rosterCsv(rows)).toString('base64'),
      mode: 'all',
    },
    adminToken,
  );
  if (!imported.ok) throw new Error(imported.error.message);
  const listed = await app.api('delegates.list', { congressId }, adminToken);
  if (!listed.ok) throw new Error(listed.error.message);
  return { congressId, rows, ids: listed.value.delegates.map((d) => d.id) };
}

/** Signs a person in through the API (no screen): their token, for scripted steps. */
export async function tokenOf(app: AppUnderTest, personId: number, pin: string): Promise<string> {
  const signed = await app.api('session.signIn', { personId, pin });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.token;
}

/** An election of two seats, three candidates, its ballot printed: ready for issuance. */
export async function printedElection(
  app: AppUnderTest,
  adminToken: string,
  congressId: number,
  title: string,
): Promise<{ electionId: number; roundId: number }> {
  const created = await app.api(
    'elections.create',
    { congressId, title, office: 'committee', seats: 2 },
    adminToken,
  );
  if (!created.ok) throw new Error(created.error.message);
  const roundId = created.value.rounds[0]?.id ?? 0;
  const slate = await app.api(
    'elections.setCandidates',
    { roundId, candidates: [{ name: '丁建国' }, { name: '王芳' }, { name: '李华' }] },
    adminToken,
  );
  if (!slate.ok) throw new Error(slate.error.message);
  await printBallot(app, adminToken, roundId);
  return { electionId: created.value.id, roundId };
}

export async function printBallot(app: AppUnderTest, adminToken: string, roundId: number) {
  const printed = await app.api('printouts.pdf', { kind: 'ballot', roundId }, adminToken);
  if (!printed.ok) throw new Error(printed.error.message);
}

/**
 * Waits for antd's dialog animations to end: on a loaded machine a click can land while a dialog
 * is still zooming in, which antd does not always act on.
 */
export async function settled(page: Page) {
  await page
    .locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-fade-leave')
    .first()
    .waitFor({ state: 'detached' });
}

export async function confirm(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.waitFor();
  await settled(page);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
  await settled(page);
}
