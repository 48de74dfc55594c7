export {
  collationWarnings,
  compareNames,
  normalizeName,
  sortNames,
  type CollationWarning,
  type NameOrder,
  type SortedNames,
} from './collate';
export {
  createNameIndex,
  matchesPrepared,
  matchesPreparedStart,
  matchesQuery,
  normalizeQuery,
  prepareName,
  type NameIndex,
  type PreparedName,
} from './pinyin';
export { classOfStroke, strokeClasses, type StrokeClass } from './strokes';
