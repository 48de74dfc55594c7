/**
 * Age bands of the party's internal statistics (党内统计), by whole years (周岁) on the congress
 * date. Thresholds such as 「40岁及以下」 are targets, evaluated on exact ages, not on these bands.
 */
export const ageBands: readonly { label: string; max: number }[] = [
  { label: '30岁及以下', max: 30 },
  { label: '31至35岁', max: 35 },
  { label: '36至40岁', max: 40 },
  { label: '41至45岁', max: 45 },
  { label: '46至50岁', max: 50 },
  { label: '51至55岁', max: 55 },
  { label: '56至60岁', max: 60 },
  { label: '61岁及以上', max: Number.POSITIVE_INFINITY },
];

export function ageBandOf(age: number): string {
  return ageBands.find((band) => age <= band.max)?.label ?? '';
}

export const educationLevels = ['研究生', '大学本科', '大专', '中专/高中', '初中及以下'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** Checked in this order: 大学专科 is 大专, not 大学本科; 党校研究生 is 研究生. */
const educationPatterns: readonly [RegExp, EducationLevel][] = [
  [/博士|硕士|研究生|MBA|MPA/i, '研究生'],
  [/大专|专科|高职/, '大专'],
  [/本科|大学|学士/, '大学本科'],
  [/中专|中技|技校|职高|中职|中师|高中|中等专业/, '中专/高中'],
  [/初中|小学|文盲|识字/, '初中及以下'],
];

/** The level of a roster's 学历 text, or null when it is empty or not recognised. */
export function educationLevelOf(text: string): EducationLevel | null {
  return educationPatterns.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** 大专及以上, the usual education threshold. */
export function hasCollege(text: string): boolean {
  const level = educationLevelOf(text);
  return level === '研究生' || level === '大学本科' || level === '大专';
}

export function isHan(ethnicity: string): boolean {
  return ethnicity === '汉族' || ethnicity === '汉';
}

export function isMinority(ethnicity: string): boolean {
  return ethnicity.trim() !== '' && !isHan(ethnicity);
}

/** Rosters name front-line delegates 一线, 基层一线, 生产和工作一线: the category says so. */
export function isFrontline(category: string): boolean {
  return category.includes('一线');
}
