import {
  matchesPrepared,
  matchesPreparedStart,
  normalizeName,
  normalizeQuery,
  prepareName,
  type PreparedName,
} from '../../shared/names';

/** What the index needs of a delegate. */
export interface Searchable {
  id: number;
  name: string;
  cardNo: string;
}

interface Entry {
  id: number;
  /** The name without spaces, lower-cased like a query, for the whole-name test. */
  plain: string;
  card: string;
  cardUpper: string;
  prepared: PreparedName;
}

/** The roster prepared once: every name's pinyin spellings, every card in upper case. */
export interface CheckinIndex {
  readonly entries: readonly Entry[];
}

export interface SearchHits {
  /** Delegate ids, best first. */
  ids: number[];
  total: number;
  /** The delegate whose card number is exactly the query (a scan), if any. */
  card: number | null;
  /** Some card number starts with the query: a digit typed next continues a card. */
  cardLike: boolean;
}

/** A name's pinyin, kept between rebuilds of the index: a roster rarely changes on the day. */
export type PreparedNames = Map<string, PreparedName>;

export function createCheckinIndex(
  delegates: readonly Searchable[],
  cache: PreparedNames = new Map(),
): CheckinIndex {
  const entries = delegates.map(({ id, name, cardNo }) => {
    let prepared = cache.get(name);
    if (prepared === undefined) {
      prepared = prepareName(name);
      cache.set(name, prepared);
    }
    const plain = normalizeName(name).toLowerCase();
    return { id, plain, card: cardNo, cardUpper: cardNo.toUpperCase(), prepared };
  });
  return { entries };
}

/** Lower is better; a delegate takes the best rank any of their keys reaches. */
const rank = { card: 0, wholeName: 1, nameStart: 2, cardStart: 3, nameInside: 4 } as const;
type Rank = (typeof rank)[keyof typeof rank];

/**
 * One check-in search: a card number typed or scanned, a name, full pinyin or initials (zs,
 * zhangsan, 张s). Ranked so that the delegate meant is first: the exact card, the whole name, names
 * that start with the query, cards that start with it, then names that contain it; roster order
 * within a rank. `limit` caps the ids listed, not `total`.
 */
export function searchDelegates(index: CheckinIndex, query: string, limit: number): SearchHits {
  const typed = query.trim();
  if (typed === '') return { ids: [], total: 0, card: null, cardLike: false };
  const normalized = normalizeQuery(typed);
  const upper = typed.toUpperCase();
  const byRank: number[][] = [[], [], [], [], []];
  let card: number | null = null;
  let cardLike = false;
  for (const entry of index.entries) {
    if (!cardLike && entry.cardUpper.startsWith(upper)) cardLike = true;
    const found = rankOf(entry, upper, normalized);
    if (found === undefined) continue;
    byRank[found]?.push(entry.id);
    if (entry.card === typed) card = entry.id;
  }
  // A scanner types the card as printed; typed by hand in another case it still counts if unique.
  const sameCard = byRank[rank.card] ?? [];
  if (card === null && sameCard.length === 1) card = sameCard[0] ?? null;
  const ranked = byRank.flat();
  return { ids: ranked.slice(0, limit), total: ranked.length, card, cardLike };
}

function rankOf(entry: Entry, upper: string, normalized: string): Rank | undefined {
  if (entry.cardUpper === upper) return rank.card;
  if (normalized === '') return entry.cardUpper.startsWith(upper) ? rank.cardStart : undefined;
  if (entry.plain === normalized) return rank.wholeName;
  if (matchesPreparedStart(entry.prepared, normalized)) return rank.nameStart;
  if (entry.cardUpper.startsWith(upper)) return rank.cardStart;
  if (matchesPrepared(entry.prepared, normalized)) return rank.nameInside;
  return undefined;
}
