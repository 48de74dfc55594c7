import { pinyin } from 'pinyin-pro';
import { normalizeName } from './collate';

/** One character of a name: the character itself and every way to type it, precomputed. */
interface Syllable {
  ch: string;
  /** Every reading it may have, toneless. */
  readings: readonly string[];
  /** The readings and their initials (zh ch sh count as initials too). */
  spellings: readonly string[];
}

export interface PreparedName {
  name: string;
  syllables: readonly Syllable[];
}

const readingCache = new Map<string, readonly string[]>();

// Every reading of a polyphone counts (单 shan/dan/chan, 曾 zeng/ceng …): a teller typing either
// must find the delegate. ü is typed v, and plain u is accepted too.
function readingsOf(ch: string): readonly string[] {
  let readings = readingCache.get(ch);
  if (readings === undefined) {
    const found = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    const syllables = found.filter((reading) => /^[a-z]+$/.test(reading));
    readings = [
      ...new Set(syllables.flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r]))),
    ];
    readingCache.set(ch, readings);
  }
  return readings;
}

/** Computes a name's search keys once, for repeated matching. */
export function prepareName(name: string): PreparedName {
  const syllables = Array.from(normalizeName(name), (ch) => {
    const readings = readingsOf(ch);
    return { ch, readings, spellings: [...new Set(readings.flatMap(spellingsOf))] };
  });
  return { name, syllables };
}

function spellingsOf(reading: string): string[] {
  const initials = /^[zcs]h/.test(reading)
    ? [reading.slice(0, 2), reading.charAt(0)]
    : [reading.charAt(0)];
  return [reading, ...initials];
}

/** Lower case, without spaces and syllable separators; ü becomes v. */
export function normalizeQuery(query: string): string {
  return query
    .toLowerCase()
    .replace(/[\s'’·]/g, '')
    .replace(/ü/g, 'v');
}

/**
 * Whether a query finds a name: a run of the name's characters, from any of them, spelled by
 * Chinese characters, full pinyin, initials (zh ch sh count as initials too) or a mix, the last
 * syllable possibly cut short: 张三 is found by 张三, 三, zhangsan, zs, zhangs, zhs, zhan.
 */
export function matchesPrepared(prepared: PreparedName, normalizedQuery: string): boolean {
  if (normalizedQuery === '') return true;
  const { syllables } = prepared;
  for (let start = 0; start < syllables.length; start++) {
    if (matchFrom(syllables, start, normalizedQuery, 0)) return true;
  }
  return false;
}

/** Whether the query spells the name from its first character (张三 by zs, not by s). */
export function matchesPreparedStart(prepared: PreparedName, normalizedQuery: string): boolean {
  return matchFrom(prepared.syllables, 0, normalizedQuery, 0);
}

export function matchesQuery(name: string, query: string): boolean {
  return matchesPrepared(prepareName(name), normalizeQuery(query));
}

function matchFrom(
  syllables: readonly Syllable[],
  at: number,
  query: string,
  from: number,
): boolean {
  if (from === query.length) return true;
  const syllable = syllables[at];
  if (syllable === undefined) return false;
  if (query.startsWith(syllable.ch, from)) {
    return matchFrom(syllables, at + 1, query, from + syllable.ch.length);
  }
  for (const reading of syllable.readings) {
    if (endsWithin(query, from, reading)) return true;
  }
  for (const spelling of syllable.spellings) {
    if (
      query.startsWith(spelling, from) &&
      matchFrom(syllables, at + 1, query, from + spelling.length)
    ) {
      return true;
    }
  }
  return false;
}

/** Whether the query, from `from` on, is the start of `reading`: the last syllable cut short. */
function endsWithin(query: string, from: number, reading: string): boolean {
  if (query.length - from > reading.length) return false;
  for (let i = from; i < query.length; i++) {
    if (query.charCodeAt(i) !== reading.charCodeAt(i - from)) return false;
  }
  return true;
}

export interface NameIndex {
  /** Names that match the query, in the order they were given. */
  search(query: string): string[];
}

/** Prepares every name once so that each search only walks the precomputed keys. */
export function createNameIndex(names: readonly string[]): NameIndex {
  const prepared = names.map(prepareName);
  return {
    search(query) {
      const normalized = normalizeQuery(query);
      return prepared
        .filter((entry) => matchesPrepared(entry, normalized))
        .map((entry) => entry.name);
    },
  };
}
