export interface Point {
  x: number;
  y: number;
}

/** A projective transform as a row-major 3 × 3 matrix with h[8] = 1. */
export type Homography = Float64Array;

/** Solves `a · x = b` for a small dense system by Gaussian elimination with partial pivoting. */
function solveLinear(a: Float64Array[], b: Float64Array): Float64Array | null {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row.subarray(0, n));
    r[n] = b[i] ?? 0;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    }
    const p = m[pivot];
    const c = m[col];
    if (!p || !c || Math.abs(p[col] ?? 0) < 1e-12) return null;
    m[pivot] = c;
    m[col] = p;
    const pv = p[col] ?? 1;
    for (let r = col + 1; r < n; r++) {
      const row = m[r];
      if (!row) continue;
      const f = (row[col] ?? 0) / pv;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) row[k] = (row[k] ?? 0) - f * (p[k] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r];
    if (!row) return null;
    let s = row[n] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (row[k] ?? 0) * (x[k] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x;
}

/** The transform taking each `from[i]` to `to[i]` (four point pairs, direct linear transform). */
export function homographyFromPoints(
  from: readonly Point[],
  to: readonly Point[],
): Homography | null {
  if (from.length !== 4 || to.length !== 4) return null;
  const rows: Float64Array[] = [];
  const rhs = new Float64Array(8);
  for (let i = 0; i < 4; i++) {
    const p = from[i];
    const q = to[i];
    if (!p || !q) return null;
    rows.push(Float64Array.of(p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x));
    rows.push(Float64Array.of(0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y));
    rhs[2 * i] = q.x;
    rhs[2 * i + 1] = q.y;
  }
  const h = solveLinear(rows, rhs);
  if (!h) return null;
  const out = new Float64Array(9);
  out.set(h);
  out[8] = 1;
  return out;
}

export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + (h[8] ?? 1);
  return {
    x: ((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w,
    y: ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w,
  };
}
