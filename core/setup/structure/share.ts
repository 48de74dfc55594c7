/**
 * Shares as printed, from integers only. A share next to a verdict is rounded towards the verdict
 * (down for 不低于, up for 不超过), so that 29.96% is never printed as 30.0% beside 「低于 30%」.
 */
export function shareText(
  count: number,
  total: number,
  rounding: 'half-up' | 'down' | 'up',
  decimals = 1,
): string {
  if (total === 0) return '0';
  const scale = 10 ** decimals;
  const numerator = 100 * scale * count;
  const units =
    rounding === 'down'
      ? Math.floor(numerator / total)
      : rounding === 'up'
        ? Math.ceil(numerator / total)
        : Math.floor((2 * numerator + total) / (2 * total));
  return (units / scale).toFixed(decimals);
}

/** A threshold such as 33.33 (%) as an integer number of hundredths of a percent. */
export function basisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** The decimals a threshold is written with (30 → 0, 33.3 → 1), at most 2. */
export function decimalsOf(percent: number): number {
  const bp = basisPoints(percent);
  if (bp % 100 === 0) return 0;
  return bp % 10 === 0 ? 1 : 2;
}
