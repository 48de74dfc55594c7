/** A plane projective map as a row-major 3×3 matrix: (x, y) → ((h0 x + h1 y + h2) / w, …). */
export type Homography = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export const IDENTITY: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function multiply(a: Homography, b: Homography): Homography {
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += (a[r * 3 + k] ?? 0) * (b[k * 3 + c] ?? 0);
      m[r * 3 + c] = s;
    }
  }
  return normalise(m);
}

export function translate(x: number, y: number): Homography {
  return [1, 0, x, 0, 1, y, 0, 0, 1];
}

export function rotateScale(angle: number, scale: number): Homography {
  const c = Math.cos(angle) * scale;
  const s = Math.sin(angle) * scale;
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function apply(h: Homography, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f, g, k, l] = h;
  const w = g * x + k * y + l;
  return [(a * x + b * y + c) / w, (d * x + e * y + f) / w];
}

export function invert(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, l] = h;
  const A = e * l - f * k;
  const B = -(d * l - f * g);
  const C = d * k - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error('singular homography');
  return normalise([
    A / det,
    -(b * l - c * k) / det,
    (b * f - c * e) / det,
    B / det,
    (a * l - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * k - b * g) / det,
    (a * e - b * d) / det,
  ]);
}

/** The homography taking four source points onto four target points (corners, in order). */
export function fromCorners(from: [number, number][], to: [number, number][]): Homography {
  const m: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i] ?? [0, 0];
    const [u, v] = to[i] ?? [0, 0];
    m.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    m.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solve(m);
  return normalise([...h, 1]);
}

/** Gauss–Jordan elimination with partial pivoting on an n × (n + 1) augmented matrix. */
function solve(m: number[][]): number[] {
  const n = m.length;
  const at = (r: number, c: number): number => m[r]?.[c] ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    const top = m[pivot];
    const cur = m[col];
    if (top === undefined || cur === undefined) throw new Error('bad matrix');
    m[pivot] = cur;
    m[col] = top;
    const p = top[col] ?? 0;
    if (Math.abs(p) < 1e-12) throw new Error('degenerate corners');
    for (let c = col; c <= n; c++) top[c] = (top[c] ?? 0) / p;
    for (let r = 0; r < n; r++) {
      const row = m[r];
      if (r === col || row === undefined) continue;
      const f = row[col] ?? 0;
      if (f !== 0) for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (top[c] ?? 0);
    }
  }
  return m.map((row) => row[n] ?? 0);
}

function normalise(m: number[]): Homography {
  const s = m[8] ?? 1;
  const k = Math.abs(s) > 1e-12 ? 1 / s : 1;
  return [
    (m[0] ?? 0) * k,
    (m[1] ?? 0) * k,
    (m[2] ?? 0) * k,
    (m[3] ?? 0) * k,
    (m[4] ?? 0) * k,
    (m[5] ?? 0) * k,
    (m[6] ?? 0) * k,
    (m[7] ?? 0) * k,
    1,
  ];
}
