import { expect, it } from 'vitest';
import { outcomeLabel } from '../../../shared/strings/results';

it('names a 预选 outcome as a list of formal candidates, never as an election', () => {
  expect(outcomeLabel('qualified', 'preliminary')).toBe('列为正式候选人');
  expect(outcomeLabel('not-elected', 'preliminary')).toBe('未列为正式候选人');
  expect(outcomeLabel('not-elected', 'formal')).toBe('未当选');
  expect(outcomeLabel('elected', 'supplementary')).toBe('当选');
});
