import type { Outcome, RoundKind } from '../tally/types';

/** A name's outcome as the result table and the sheets print it. */
export const outcomeLabels: Record<Outcome, string> = {
  elected: '当选',
  'not-elected': '未当选',
  runoff: '再次投票',
  qualified: '列为正式候选人',
};

/** A name's outcome in a round of `kind`: a 预选 elects no one, it lists names or leaves them out. */
export function outcomeLabel(outcome: Outcome, kind: RoundKind): string {
  return kind === 'preliminary' && outcome === 'not-elected'
    ? '未列为正式候选人'
    : outcomeLabels[outcome];
}

/** The date of the congress as a sheet prints it: 2025年6月18日. */
export function dateWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year ?? ''}年${month ?? ''}月${day ?? ''}日`;
}
