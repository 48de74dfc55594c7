/**
 * A small seeded generator (sfc32) so that one seed always yields the same corpus, on every
 * machine and Node version; Math.random is never used.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  /** Standard normal. */
  normal(): number;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A 32-bit integer, for seeding a fast per-pixel generator. */
  uint32(): number;
  /** An independent generator derived from this one, so adding draws to one part of a ballot does not shift the rest. */
  fork(): Rng;
}

function hashSeed(seed: number | string): [number, number, number, number] {
  const text = String(seed);
  let h1 = 0x9e3779b9;
  let h2 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
  }
  return [h1 >>> 0, h2 >>> 0, (h1 ^ h2) >>> 0, 1];
}

export function createRng(seed: number | string): Rng {
  let [a, b, c, d] = hashSeed(seed);
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const next = (): number => uint32() / 4294967296;
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error('weighted pick from no weights');
      return last[0];
    },
    uint32,
    fork: () => createRng(`${uint32()}:${uint32()}`),
  };
  return rng;
}
