import { strokeClasses } from './strokes';
import { splitName } from './surnames';

/**
 * `party`: a one-character given name sorts as if a blank stood before it (lists print 田, a
 * full-width blank, 富), so 田富 precedes 田大利. `npc`: characters are compared directly, so
 * 田大利 precedes 田富.
 */
export type NameOrder = 'party' | 'npc';

export type CollationWarning =
  | { code: 'missing-strokes'; characters: string[]; names: string[]; message: string }
  | { code: 'equal-strokes'; names: string[]; message: string };

export interface SortedNames {
  sorted: string[];
  warnings: CollationWarning[];
}

interface NameKey {
  /** Compares with `<` in 姓氏笔画 order; built by nameKey. */
  key: string;
  missing: string[];
}

// Each character becomes one unit for its stroke count followed by one digit per stroke class.
// Units at the same position always line up: equal counts mean equal lengths, and a difference
// in count is decided at the count unit. The blank is a character with no strokes.
const BLANK = String.fromCharCode(0x20);
const COUNT_BASE = 0x21;
// Characters without stroke data sort after every known character at the same position; among
// themselves by character code, and the caller is warned about every name that holds one.
const UNKNOWN = String.fromCharCode(0xffff);

/** Removes the spaces, full-width blanks and name dots that lists put inside names. */
export function normalizeName(name: string): string {
  return name.replace(/[\s·・•‧.]/gu, '');
}

function nameKey(name: string, order: NameOrder): NameKey {
  const chars = Array.from(normalizeName(name));
  const { surname, given } = splitName(chars);
  const spaced = order === 'party' && given.length === 1 ? [...surname, BLANK, ...given] : chars;
  let key = '';
  const missing: string[] = [];
  for (const ch of spaced) {
    if (ch === BLANK) {
      key += BLANK;
      continue;
    }
    const classes = strokeClasses(ch);
    if (classes === null) {
      missing.push(ch);
      key += UNKNOWN + ch;
    } else {
      key += String.fromCharCode(COUNT_BASE + classes.length) + classes;
    }
  }
  return { key, missing };
}

const keyCache: Record<NameOrder, Map<string, NameKey>> = { party: new Map(), npc: new Map() };

function cachedKey(name: string, order: NameOrder): NameKey {
  const cache = keyCache[order];
  let key = cache.get(name);
  if (key === undefined) {
    key = nameKey(name, order);
    cache.set(name, key);
  }
  return key;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 姓氏笔画 order: fewer strokes first, then stroke classes 横 竖 撇 点 折 in writing order, then the
 * next character. Names whose strokes are identical throughout fall back to character codes so
 * the order is total; sortNames reports them.
 */
export function compareNames(a: string, b: string, order: NameOrder): number {
  return (
    compareStrings(cachedKey(a, order).key, cachedKey(b, order).key) ||
    compareStrings(normalizeName(a), normalizeName(b))
  );
}

/** Sorts names into 姓氏笔画 order and says which of them the order is not sure of. */
export function sortNames(names: readonly string[], order: NameOrder): SortedNames {
  const sorted = [...names].sort((a, b) => compareNames(a, b, order));
  return { sorted, warnings: collationWarnings(sorted, order) };
}

/** The warnings sortNames would give for these names. */
export function collationWarnings(names: readonly string[], order: NameOrder): CollationWarning[] {
  const warnings: CollationWarning[] = [];
  const missing = names.filter((name) => cachedKey(name, order).missing.length > 0);
  if (missing.length > 0) {
    const characters = [...new Set(missing.flatMap((name) => cachedKey(name, order).missing))];
    warnings.push({
      code: 'missing-strokes',
      characters,
      names: missing,
      message:
        `缺少笔画数据的字：${characters.join('、')}（${missing.join('、')}）。` +
        '这些姓名暂排在同一位置的已知字之后，请人工核对顺序',
    });
  }
  const equal = equalStrokeNames(names, order);
  if (equal.length > 0) {
    warnings.push({
      code: 'equal-strokes',
      names: equal,
      message: `笔画和笔顺完全相同的姓名：${equal.join('、')}，暂按字符编码排列，请人工核对顺序`,
    });
  }
  return warnings;
}

function equalStrokeNames(names: readonly string[], order: NameOrder): string[] {
  const byKey = new Map<string, Map<string, string>>();
  for (const name of names) {
    const { key, missing } = cachedKey(name, order);
    if (missing.length > 0) continue;
    const same = byKey.get(key) ?? new Map<string, string>();
    same.set(normalizeName(name), name);
    byKey.set(key, same);
  }
  return [...byKey.values()].filter((same) => same.size > 1).flatMap((same) => [...same.values()]);
}
