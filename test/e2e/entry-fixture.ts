import type { Page } from 'playwright-core';
import { openStore } from '../../db/store';
import { seedCountingRound, seedRoster } from '../unit/entry/seed';
import { seedPeople, type AppUnderTest } from './harness';

/* What the entry tests share: the day they start from, and keys pressed and waited on. */

export async function press(page: Page, keys: readonly string[]) {
  for (const key of keys) await page.keyboard.press(key === ' ' ? 'Space' : key);
}

export async function saved(page: Page, seq: number) {
  await page
    .getByTestId('last-saved')
    .filter({ hasText: `第 ${seq} 张` })
    .waitFor();
}

/** The people of the day: two tellers, a 监票人, the 总监票人; and a round being counted. */
export async function seedDay(app: AppUnderTest) {
  const { ids } = await seedPeople(app, [
    { name: '张计票', role: 'teller', pin: '1357' },
    { name: '李计票', role: 'teller', pin: '2468' },
    { name: '赵监票', role: 'scrutineer', pin: '3579' },
    { name: '钱总监', role: 'chief-scrutineer', pin: '4680' },
  ]);
  const store = openStore(app.db);
  try {
    const committee = seedCountingRound(store, { returned: 50, issued: 52 });
    const discipline = seedCountingRound(store, {
      congressId: committee.congress.id,
      title: '选举中国共产党东湖镇纪律检查委员会委员',
      office: 'discipline',
      candidates: ['马力', '王强', '方明', '孙丽', '杨帆'],
      seats: 4,
      returned: 6,
      issued: 52,
      doubleEntry: true,
      writeInBlanks: 2,
    });
    seedRoster(store, committee.congress.id, ['周涛', '欧阳明', '张三', '王芳']);
    return { ids, committee, discipline };
  } finally {
    store.close();
  }
}

/** Picks the election in the header (the first one is chosen by default). */
export async function chooseElection(page: Page, words: string) {
  await page.getByRole('heading', { name: '4. 录入' }).waitFor();
  await page.getByLabel('当前选举事项').click();
  const option = page.locator('.ant-select-item-option', { hasText: words });
  await option.click();
  await option.waitFor({ state: 'hidden' });
  await page.locator('.boxes-panel .ant-card-head-title', { hasText: words }).waitFor();
}
