import { describe, expect, it } from 'vitest';
import { applyHomography, homographyFromPoints } from '../../../shared/scan/homography';

describe('homography', () => {
  it('maps the four points it was fitted to, and keeps straight lines straight', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 150 },
      { x: 0, y: 150 },
    ];
    const to = [
      { x: 12, y: 20 },
      { x: 410, y: 8 },
      { x: 430, y: 610 },
      { x: 3, y: 590 },
    ];
    const h = homographyFromPoints(from, to);
    expect(h).not.toBeNull();
    if (!h) return;
    from.forEach((p, i) => {
      const q = applyHomography(h, p.x, p.y);
      expect(q.x).toBeCloseTo(to[i]?.x ?? NaN, 6);
      expect(q.y).toBeCloseTo(to[i]?.y ?? NaN, 6);
    });
    const a = applyHomography(h, 0, 0);
    const b = applyHomography(h, 50, 75);
    const c = applyHomography(h, 100, 150);
    expect((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)).toBeCloseTo(0, 3);
  });

  it('returns null for collinear points', () => {
    const line = [0, 1, 2, 3].map((i) => ({ x: i, y: i }));
    expect(homographyFromPoints(line, line)).toBeNull();
  });
});
