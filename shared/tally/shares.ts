/**
 * A share of a base as the rules phrase it: 超过半数 is {1, 2, strict}, 不少于五分之四 is {4, 5}.
 * Every test multiplies out (`den·v > num·N`), so no fraction is ever compared in floating point.
 */
export interface Share {
  readonly num: number;
  readonly den: number;
  readonly strict: boolean;
  /** 半数, 五分之四 … */
  readonly words: string;
}

export const MORE_THAN_HALF: Share = { num: 1, den: 2, strict: true, words: '半数' };
export const AT_LEAST_FOUR_FIFTHS: Share = { num: 4, den: 5, strict: false, words: '五分之四' };
export const MORE_THAN_FOUR_FIFTHS: Share = { num: 4, den: 5, strict: true, words: '五分之四' };
export const MORE_THAN_TWO_THIRDS: Share = { num: 2, den: 3, strict: true, words: '三分之二' };
export const AT_LEAST_ONE_THIRD: Share = { num: 1, den: 3, strict: false, words: '三分之一' };

export function meets(count: number, base: number, share: Share): boolean {
  const left = share.den * count;
  const right = share.num * base;
  return share.strict ? left > right : left >= right;
}

/** The smallest count that meets the share of base. */
export function smallestMeeting(base: number, share: Share): number {
  const quotient = floorDiv(share.num * base, share.den);
  return meets(quotient, base, share) ? quotient : quotient + 1;
}

/** 超过 / 未超过, 不少于 / 少于. */
export function verb(share: Share, met: boolean): string {
  if (share.strict) return met ? '超过' : '未超过';
  return met ? '不少于' : '少于';
}

/** Integer division of non-negative integers, exact where floating division could round up. */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

export function ceilDiv(a: number, b: number): number {
  const quotient = floorDiv(a, b);
  return quotient * b === a ? quotient : quotient + 1;
}
