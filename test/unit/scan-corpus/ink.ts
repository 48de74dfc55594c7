import type { Rect } from '../../../shared/scan/layout';
import { apply, type DrawnBallot } from '../../scan/corpus';

/**
 * Counts dark pixels of a captured ballot inside a rectangle of the sheet (mm), inset from its
 * printed border, by mapping a 0.2 mm grid through the capture transform. "Dark" is well below
 * the paper grey the device recorded around that spot.
 */
export function inkIn(ballot: DrawnBallot, dpi: number, rect: Rect, inset = 1.2): number {
  const { pixels, transform, capture } = ballot;
  const s = dpi / 25.4;
  const sample = (x0: number, y0: number, x1: number, y1: number): number[] => {
    const values: number[] = [];
    for (let y = y0; y <= y1; y += 0.2) {
      for (let x = x0; x <= x1; x += 0.2) {
        const [u, v] = apply(transform, x * s, y * s);
        values.push(pixels.data[Math.floor(v) * pixels.width + Math.floor(u)] ?? 255);
      }
    }
    return values;
  };
  // The paper grey is taken around the cell too, so that a filled cell still shows as ink.
  const around = sample(rect.x - 4, rect.y - 4, rect.x + rect.w + 4, rect.y + rect.h + 4);
  const paper = around.sort((a, b) => a - b)[Math.floor(around.length * 0.9)] ?? 255;
  const dark = paper - 0.4 * (capture.paper - capture.black);
  const inside = sample(
    rect.x + inset,
    rect.y + inset,
    rect.x + rect.w - inset,
    rect.y + rect.h - inset,
  );
  return inside.filter((v) => v < dark).length;
}
