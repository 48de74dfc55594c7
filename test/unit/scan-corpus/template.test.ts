import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../shared/scan/layout';
import {
  apply,
  committeeTestLayout,
  invert,
  largeTestLayout,
  syntheticTemplate,
} from '../../scan/corpus';
import { fromCorners } from '../../scan/corpus/homography';
import { meanIn } from '../../scan/corpus/raster';

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('test layouts and the synthetic template', () => {
  it('the 22-of-27 layout flows into rows, every cell on the sheet and none overlapping', () => {
    const layout = largeTestLayout();
    const cells = layout.pages[0]?.cells ?? [];
    expect(cells.filter((c) => c.candidate !== undefined)).toHaveLength(27);
    for (let slot = 0; slot < 5; slot++) {
      expect(
        cells
          .filter((c) => c.slot === slot)
          .map((c) => c.kind)
          .sort(),
      ).toEqual(['mark', 'write-in']);
    }
    expect(new Set(cells.map((c) => c.y)).size).toBeGreaterThan(3);
    for (const c of cells) {
      expect(c.x >= 0 && c.y >= 0 && c.x + c.w <= 210 && c.y + c.h <= 297).toBe(true);
      for (const d of cells) if (c !== d) expect(overlaps(c, d)).toBe(false);
    }
  });

  it('prints solid registration marks, cell borders and a QR on white paper', () => {
    const layout = committeeTestLayout();
    const t = syntheticTemplate(layout, 200, 'round-1');
    const s = 200 / 25.4;
    expect([t.image.width, t.image.height]).toEqual([1654, 2339]);
    const page = layout.pages[0];
    if (page === undefined) throw new Error('no page');
    const px = (r: Rect): [number, number, number, number] => [
      r.x * s,
      r.y * s,
      (r.x + r.w) * s,
      (r.y + r.h) * s,
    ];
    for (const m of page.marks) {
      expect(
        meanIn(t.image, ...px({ x: m.x + 0.2, y: m.y + 0.2, w: m.w - 0.4, h: m.h - 0.4 })),
      ).toBe(0);
    }
    const cell = page.cells[0];
    if (cell === undefined) throw new Error('no cell');
    expect(
      meanIn(t.image, cell.x * s - 1, cell.y * s + 20, cell.x * s + 1, cell.y * s + 40),
    ).toBeLessThan(120);
    expect(
      meanIn(t.image, ...px({ x: cell.x + 1, y: cell.y + 1, w: cell.w - 2, h: cell.h - 2 })),
    ).toBe(255);
    const code = meanIn(t.image, ...px(page.code));
    expect(code).toBeGreaterThan(60);
    expect(code).toBeLessThan(200);
  });

  it('maps four corners exactly and inverts', () => {
    const from: [number, number][] = [
      [0, 0],
      [100, 0],
      [100, 140],
      [0, 140],
    ];
    const to: [number, number][] = [
      [5, 3],
      [96, 8],
      [103, 150],
      [-2, 139],
    ];
    const h = fromCorners(from, to);
    from.forEach(([x, y], i) => {
      const [u, v] = apply(h, x, y);
      expect(u).toBeCloseTo(to[i]?.[0] ?? NaN, 6);
      expect(v).toBeCloseTo(to[i]?.[1] ?? NaN, 6);
    });
    const [x, y] = apply(invert(h), ...apply(h, 37, 81));
    expect([x, y].map((n) => Math.round(n * 1e6) / 1e6)).toEqual([37, 81]);
  });
});
