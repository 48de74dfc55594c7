import {
  fromCorners,
  multiply,
  rotateScale,
  translate,
  apply,
  type Homography,
} from './homography';
import type { Rng } from './rng';

export type FileType = 'jpeg' | 'png' | 'tiff';

/** How one ballot was captured: the device, its settings and how the sheet lay on it. */
export interface Capture {
  device: 'scanner' | 'camera';
  /** Grey, or black-and-white (every pixel 0 or 255 after a fixed threshold). */
  mode: 'grey' | 'bw';
  file: FileType;
  /** JPEG quality, for JPEG files. */
  quality: number;
  upsideDown: boolean;
  /** Degrees, counter-clockwise as seen on the image. */
  rotation: number;
  scale: number;
  /** Shift of the sheet's centre, millimetres. */
  shift: { x: number; y: number };
  /** Camera keystone: how far each corner is pulled, as a share of the page size (0 for a scanner). */
  perspective: number;
  /** Weight of each neighbour in the 3-tap optical blur, 0 (sharp) to 0.25. */
  blur: number;
  /** Standard deviation of sensor noise, grey levels. */
  noise: number;
  /** Grey of blank paper and of full ink as the device records them. */
  paper: number;
  black: number;
  /** Grey outside the sheet: scanner lid or camera table. */
  background: number;
  /** Uneven light: linear fall-off across the page and vignetting, as shares of the paper grey. */
  light: { x: number; y: number; vignette: number };
  /** Threshold for black-and-white. */
  threshold: number;
}

/**
 * Draws a capture: about a fifth by document camera, the rest by scanner, a fifth of scans in
 * black-and-white. Fields given in `fixed` are kept, and the others are drawn to suit them.
 */
export function chooseCapture(rng: Rng, fixed: Partial<Capture> = {}): Capture {
  const drawnCamera = rng.chance(0.2);
  const camera = fixed.device === undefined ? drawnCamera : fixed.device === 'camera';
  const drawnMode = !camera && rng.chance(0.2) ? 'bw' : 'grey';
  const mode = fixed.mode ?? drawnMode;
  const file: FileType = camera
    ? 'jpeg'
    : mode === 'bw'
      ? rng.weighted({ tiff: 5, png: 3, jpeg: 2 })
      : rng.weighted({ jpeg: 6, png: 1.5, tiff: 2.5 });
  const rotation = camera
    ? rng.range(-5, 5)
    : rng.chance(0.6)
      ? rng.range(-1.5, 1.5)
      : rng.range(-5, 5);
  const drawn: Capture = {
    device: camera ? 'camera' : 'scanner',
    mode,
    file,
    quality: Math.round(rng.range(40, 95)),
    upsideDown: rng.chance(0.12),
    rotation,
    scale: camera ? rng.range(0.82, 0.95) : 1 + rng.range(-0.03, 0.03),
    shift: { x: rng.range(-6, 6), y: rng.range(-6, 6) },
    perspective: camera ? rng.range(0.01, 0.06) : 0,
    blur: camera
      ? rng.range(0.12, 0.25)
      : mode === 'bw'
        ? rng.range(0, 0.12)
        : rng.range(0.03, 0.22),
    noise: camera ? rng.range(2.5, 8) : rng.range(0.8, 4),
    paper: camera ? rng.range(175, 232) : rng.range(228, 252),
    black: camera ? rng.range(30, 60) : rng.range(8, 30),
    background: camera
      ? rng.range(40, 130)
      : rng.chance(0.75)
        ? rng.range(232, 250)
        : rng.range(15, 40),
    light: camera
      ? { x: rng.range(-0.15, 0.15), y: rng.range(-0.15, 0.15), vignette: rng.range(0.05, 0.2) }
      : { x: rng.range(-0.02, 0.02), y: rng.range(-0.02, 0.02), vignette: 0 },
    threshold: rng.range(150, 180),
  };
  return { ...drawn, ...fixed };
}

/**
 * Where the capture puts the sheet: a homography from template pixels to image pixels (both
 * images the template's size). The keystone pulls the corners in a coordinated way, the far edge
 * of a camera's view being the shorter, plus a little independent jitter per corner.
 */
export function captureTransform(
  capture: Capture,
  width: number,
  height: number,
  dpi: number,
  rng: Rng,
): Homography {
  const px = dpi / 25.4;
  const turn = (capture.rotation * Math.PI) / 180 + (capture.upsideDown ? Math.PI : 0);
  // Image rows grow downwards, so a counter-clockwise turn on screen is a negative angle here.
  const similarity = multiply(
    translate(width / 2 + capture.shift.x * px, height / 2 + capture.shift.y * px),
    multiply(rotateScale(-turn, capture.scale), translate(-width / 2, -height / 2)),
  );
  if (capture.perspective === 0) return similarity;
  const corners: [number, number][] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  const p = capture.perspective;
  const tiltX = rng.range(-1, 1);
  const tiltY = rng.range(-1, 1);
  const moved = corners.map(([x, y]): [number, number] => {
    const [u, v] = apply(similarity, x, y);
    const sx = x === 0 ? 1 : -1;
    const sy = y === 0 ? 1 : -1;
    const pullX = p * width * (sx * Math.max(0, sy * tiltY) + rng.range(-0.25, 0.25));
    const pullY = p * height * (sy * Math.max(0, sx * tiltX) + rng.range(-0.25, 0.25));
    return [u + pullX, v + pullY];
  });
  return fromCorners(corners, moved);
}
