import { collationWarnings, compareNames, type NameOrder } from '../../shared/names';
import type { ElectedName } from '../../shared/api/results';
import { keepsGivenOrder } from '../../shared/domain/offices';
import type { Office, RoundKind } from '../../shared/tally/types';

/** How a list of elected names is ordered, as the sheets head it. */
export function orderNote(office: Office, kind: RoundKind = 'formal'): string {
  if (kind === 'preliminary') return '按姓氏笔画为序';
  if (office === 'alternate') return '按得票多少为序，得票相等的按姓氏笔画为序';
  if (keepsGivenOrder(office)) return '按上级党组织批准的顺序';
  return '按姓氏笔画为序';
}

export interface ElectionOrder {
  office: Office;
  nameOrder: NameOrder;
  /** The rounds in the order held: a name elected in an earlier round ranks first by votes. */
  roundIds: readonly number[];
  /** 书记 and 副书记: the order approved by the higher committee, as the first ballot lists them. */
  givenOrder: readonly string[];
}

/**
 * The elected of every certified round of one election, in announcement order (RULES.md):
 * 姓氏笔画 over the whole list; 书记 and 副书记 in the approved order (a written-in name after, by
 * strokes); 候补委员 by votes.
 *
 * Votes of different rounds are not comparable (different ballots, different voters' choices), so
 * 候补委员 are ranked round by round: all elected in the formal round first, by their votes there;
 * then those a 再次投票 or 另行选举 elected, by their votes in that round. This keeps the
 * order the law gives within each round, and matches how a runoff is held only for the places
 * after those already elected. Equal votes within a round are in stroke order.
 */
export function combinedOrder(
  elected: readonly ElectedName[],
  order: ElectionOrder,
): ElectedName[] {
  const byStrokes = (a: ElectedName, b: ElectedName) =>
    compareNames(a.name, b.name, order.nameOrder);
  const list = [...elected];
  if (order.office === 'alternate') {
    const held = (e: ElectedName) => order.roundIds.indexOf(e.roundId);
    return list.sort((a, b) => held(a) - held(b) || b.votes - a.votes || byStrokes(a, b));
  }
  if (keepsGivenOrder(order.office)) {
    const place = (e: ElectedName) => {
      const at = order.givenOrder.indexOf(e.name);
      return at === -1 ? order.givenOrder.length : at;
    };
    return list.sort((a, b) => place(a) - place(b) || byStrokes(a, b));
  }
  return list.sort(byStrokes);
}

/** Characters without stroke data, or names of identical strokes, in a stroke-ordered list. */
export function orderWarnings(names: readonly string[], office: Office, nameOrder: NameOrder) {
  if (keepsGivenOrder(office)) return [];
  return collationWarnings(names, nameOrder).map((w) => w.message);
}
