import type { ProposalRule } from './profiles';
import type { Contender } from './determine';

/**
 * The names proposed for a 另行选举: the unelected, most votes first, as many as the profile asks
 * for. Where equal votes straddle the end of the list, all of them are proposed — leaving one out
 * would decide between them by something other than votes; a longer list only widens the 差额.
 * Equal votes are listed in 姓氏笔画 order.
 */
export function proposeSupplementary(
  unelected: readonly Contender[],
  vacancies: number,
  rule: ProposalRule,
  compareNames: (a: string, b: string) => number,
): string[] {
  const ranked = [...unelected].sort((a, b) => b.votes - a.votes || compareNames(a.name, b.name));
  const size = rule.size(vacancies);
  const last = ranked[size - 1];
  if (last === undefined) return ranked.map((c) => c.name);
  return ranked.filter((c, i) => i < size || c.votes === last.votes).map((c) => c.name);
}
