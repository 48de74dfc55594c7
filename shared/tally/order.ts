import {
  collationWarnings,
  compareNames,
  type CollationWarning,
  type NameOrder,
} from '../names/collate';
import type { Profile } from './profiles';
import type { Determination, Office, RoundKind } from './types';

export interface Announcement {
  names: string[];
  warnings: CollationWarning[];
  determination: Determination;
}

type Listing = 'votes' | 'ballot' | 'strokes';

function listingOf(office: Office, round: RoundKind): Listing {
  if (round === 'preliminary') return 'strokes';
  if (office === 'alternate') return 'votes';
  if (office === 'secretary' || office === 'deputy-secretary') return 'ballot';
  return 'strokes';
}

/**
 * The elected list in announcement order: 姓氏笔画; 候补委员 by votes (equal votes by strokes);
 * 书记 and 副书记 as the ballot lists them, the order the higher committee approved (a written
 * name, having no place there, follows by strokes). 正式候选人 from a 预选 are listed by strokes.
 */
export function announcementOrder(
  elected: readonly string[],
  context: {
    profile: Profile;
    office: Office;
    round: RoundKind;
    nameOrder: NameOrder;
    votes: ReadonlyMap<string, number>;
    candidates: readonly string[];
  },
): Announcement {
  const { profile, nameOrder, votes, candidates } = context;
  const byStrokes = (a: string, b: string) => compareNames(a, b, nameOrder);
  const warnings = collationWarnings(elected, nameOrder);
  const announce = (names: string[], text: string, rule: string): Announcement => ({
    names,
    warnings,
    determination: { kind: 'order', text: `${text}（${rule}）`, rule },
  });
  switch (listingOf(context.office, context.round)) {
    case 'votes': {
      const byVotes = (a: string, b: string) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0);
      const names = [...elected].sort((a, b) => byVotes(a, b) || byStrokes(a, b));
      return announce(names, '候补委员按得票多少排列，票数相等的按姓氏笔画', profile.law);
    }
    case 'ballot': {
      const place = (name: string) => {
        const at = candidates.indexOf(name);
        return at === -1 ? candidates.length : at;
      };
      const names = [...elected].sort((a, b) => place(a) - place(b) || byStrokes(a, b));
      return announce(names, '按选票所列（上级党组织批准的）顺序宣布', profile.law);
    }
    case 'strokes': {
      const convention = nameOrder === 'party' ? '单名视同姓与名之间空一格' : '逐字比较';
      const names = [...elected].sort(byStrokes);
      return announce(names, `按姓氏笔画排列，${convention}`, profile.orderRule);
    }
  }
}
