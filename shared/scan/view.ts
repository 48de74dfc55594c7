import { homographyFromPoints, type Homography, type Point } from './homography';
import { downsample, type GrayImage } from './image';
import type { LayoutPage } from './layout';
import type { RegistrationMarks } from './marks';
import type { PageView } from './window';

export type Orientation = 'upright' | 'upside-down';

/** Cells are read at about this many pixels per mm: enough for a ballpoint line, and it averages noise. */
const CELL_PX_PER_MM = 3.5;

/** The sheet mapped onto the image through the marks; upside down, the sheet's top-left mark is the image's bottom-right. */
function fullView(
  image: GrayImage,
  marks: RegistrationMarks,
  page: LayoutPage,
  orientation: Orientation,
): PageView | null {
  const printed = page.marks.map((m) => ({ x: m.x + m.w / 2, y: m.y + m.h / 2 }));
  const [tl, tr, br, bl] = marks.centres;
  const seen = orientation === 'upright' ? [tl, tr, br, bl] : [br, bl, tl, tr];
  const toImage = homographyFromPoints(printed, seen);
  if (!toImage || printed.length !== 4) return null;
  return { image, toImage, black: blackLevel(image, marks.centres) };
}

export function pageViews(
  image: GrayImage,
  marks: RegistrationMarks,
  page: LayoutPage,
): { orientation: Orientation; view: PageView }[] {
  return (['upright', 'upside-down'] as const).flatMap((orientation) => {
    const view = fullView(image, marks, page, orientation);
    return view ? [{ orientation, view }] : [];
  });
}

/** The full-resolution view (for the quads drawn on the image) and a reduced one for the cells. */
export function pageView(
  image: GrayImage,
  marks: RegistrationMarks,
  page: LayoutPage,
  orientation: Orientation,
): { full: PageView; reduced: PageView } | null {
  const full = fullView(image, marks, page, orientation);
  const [a, b] = page.marks;
  const [p, q] = marks.centres;
  if (!full || !a || !b) return null;
  const mm = Math.hypot(b.x - a.x, b.y - a.y);
  const px = Math.hypot(q.x - p.x, q.y - p.y);
  const factor = Math.max(1, Math.floor(px / mm / CELL_PX_PER_MM));
  if (factor === 1) return { full, reduced: full };
  return {
    full,
    reduced: {
      image: downsample(image, factor),
      toImage: scaled(full.toImage, factor),
      black: full.black,
    },
  };
}

/** Pixel centres sit at integer positions, so a reduction by k maps x to (x + 0.5) / k − 0.5. */
function scaled(h: Homography, k: number): Homography {
  const out = new Float64Array(9);
  const shift = 0.5 / k - 0.5;
  for (let c = 0; c < 3; c++) {
    const w = h[6 + c] ?? 0;
    out[c] = (h[c] ?? 0) / k + shift * w;
    out[3 + c] = (h[3 + c] ?? 0) / k + shift * w;
    out[6 + c] = w;
  }
  return out;
}

function blackLevel(image: GrayImage, centres: readonly Point[]): number {
  let sum = 0;
  let n = 0;
  for (const c of centres)
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const x = Math.round(c.x) + dx;
        const y = Math.round(c.y) + dy;
        if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
        sum += image.data[y * image.width + x] ?? 0;
        n++;
      }
  return n === 0 ? 0 : sum / n;
}
