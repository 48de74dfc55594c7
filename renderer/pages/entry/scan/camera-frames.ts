import type { GrayImage } from '../../../../shared/scan/image';
import { findRegistrationMarks } from '../../../../shared/scan/marks';

/**
 * When to take a frame from a 高拍仪 or webcam: all four registration marks in view, and the
 * picture still (the hand has left the sheet) for a few looks in a row. After a frame is taken,
 * the next one waits until the sheet has gone (no marks in view: the hand or the sheet's removal
 * hides them) so that one ballot left under the camera is never taken twice.
 */

/** The side the frames are looked at: marks stay some ten pixels wide. */
export const LOOK_SIDE = 640;
/** A pixel changed when its grey moved by more than this: beyond a camera's noise. */
const PIXEL_CHANGE = 24;
/** Two looks are the same picture when fewer than this share of their pixels changed. */
const STILL_CHANGE = 0.003;
/** Looks in a row that must be still with the marks in view. */
const STILL_LOOKS = 3;

export interface Look {
  image: GrayImage;
  marks: boolean;
}

/** Grey pixels of an RGBA frame, as the reader expects them. */
export function grayOf(rgba: Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
  }
  return { width, height, data };
}

export function look(image: GrayImage): Look {
  return { image, marks: findRegistrationMarks(image) !== null };
}

function change(a: GrayImage, b: GrayImage): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let changed = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > PIXEL_CHANGE) changed++;
  }
  return changed / a.data.length;
}

export type CameraState = 'no-sheet' | 'moving' | 'steady' | 'take' | 'taken';

/** Feeds looks in order; says when a frame should be taken. */
export class FrameGate {
  private previous: GrayImage | null = null;
  private still = 0;
  private waitingForNext = false;

  next(current: Look): CameraState {
    const moved = this.previous === null || change(this.previous, current.image) > STILL_CHANGE;
    this.previous = current.image;
    if (!current.marks) {
      this.waitingForNext = false;
      this.still = 0;
      return 'no-sheet';
    }
    if (this.waitingForNext) return 'taken';
    this.still = moved ? 0 : this.still + 1;
    if (this.still < STILL_LOOKS) return moved ? 'moving' : 'steady';
    this.waitingForNext = true;
    this.still = 0;
    return 'take';
  }
}

export const cameraWords: Record<CameraState, string> = {
  'no-sheet': '请把选票放到镜头下，四个定位标记都要在画面内',
  moving: '看到选票：请把手移开，保持不动',
  steady: '看到选票：请保持不动…',
  take: '正在拍摄…',
  taken: '已拍摄：请换下一张选票',
};
