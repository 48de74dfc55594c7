import { describe, expect, it } from 'vitest';
import { combinedOrder } from '../../../core/results/elected';
import type { ElectedName } from '../../../shared/api/results';

const elected = (name: string, votes: number, roundId: number): ElectedName => ({
  name,
  votes,
  roundId,
  roundLabel: `第 ${roundId} 轮`,
  writeIn: false,
});

/** Formal round 1: 王芳 90, 丁一 80, 刘强 80; runoff round 2: 卜秀英 95 (more than any above). */
const list = [
  elected('卜秀英', 95, 2),
  elected('刘强', 80, 1),
  elected('王芳', 90, 1),
  elected('丁一', 80, 1),
];
const names = (order: ElectedName[]) => order.map((e) => e.name);

describe('the announcement order over an election’s rounds', () => {
  it('lists 委员 in 姓氏笔画 order, whichever round elected them', () => {
    const order = combinedOrder(list, {
      office: 'committee',
      nameOrder: 'party',
      roundIds: [1, 2],
      givenOrder: [],
    });
    // 丁 (2: 横 竖钩) < 卜 (2: 竖 点) < 王 (4) < 刘 (6).
    expect(names(order)).toEqual(['丁一', '卜秀英', '王芳', '刘强']);
  });

  it('lists 候补委员 round by round, by votes within a round, equal votes by strokes', () => {
    const order = combinedOrder(list, {
      office: 'alternate',
      nameOrder: 'party',
      roundIds: [1, 2],
      givenOrder: [],
    });
    // The runoff's 95 votes are not compared with the formal round's: it decided the last place.
    expect(names(order)).toEqual(['王芳', '丁一', '刘强', '卜秀英']);
  });

  it('lists 书记 and 副书记 in the order the higher committee approved', () => {
    const order = combinedOrder(list, {
      office: 'deputy-secretary',
      nameOrder: 'party',
      roundIds: [1, 2],
      givenOrder: ['刘强', '王芳', '卜秀英'],
    });
    expect(names(order)).toEqual(['刘强', '王芳', '卜秀英', '丁一']);
  });
});
