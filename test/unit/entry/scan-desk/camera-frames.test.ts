import { describe, expect, it } from 'vitest';
import { FrameGate, grayOf, look } from '../../../../renderer/pages/entry/scan/camera-frames';
import type { GrayImage } from '../../../../shared/scan/image';
import { drawBallot } from '../../scan/ballot';
import { ROUND, sampleLayout } from '../../scan/fixture-layout';
import { downsample } from '../../../../shared/scan/image';

const layout = sampleLayout(11, 3);
const voter = { marks: [], ink: 0.95, pen: 0.4, seed: 1 };
/** A ballot under the camera, seen at the size the camera's frames are looked at. */
const ballot = downsample(drawBallot(layout, 0, ROUND, voter, { dpi: 100 }, { rotate: 2 }), 2);
const table: GrayImage = { ...ballot, data: new Uint8Array(ballot.data.length).fill(120) };

function shifted(image: GrayImage, by: number): GrayImage {
  const data = new Uint8Array(image.data.length).fill(255);
  for (let y = 0; y < image.height; y++)
    for (let x = by; x < image.width; x++)
      data[y * image.width + x] = image.data[y * image.width + x - by] ?? 255;
  return { ...image, data };
}

describe('taking a frame from the camera', () => {
  it('takes one frame when a sheet with its four marks lies still, and not again until it is gone', () => {
    const gate = new FrameGate();
    const still = look(ballot);
    expect(still.marks).toBe(true);
    expect(gate.next(look(table))).toBe('no-sheet');
    expect(gate.next(look(shifted(ballot, 6)))).toBe('moving');
    expect(gate.next(still)).toBe('moving');
    expect(gate.next(still)).toBe('steady');
    expect(gate.next(still)).toBe('steady');
    expect(gate.next(still)).toBe('take');
    for (let i = 0; i < 6; i++) expect(gate.next(still)).toBe('taken');
    expect(gate.next(look(table))).toBe('no-sheet');
    for (let i = 0; i < 3; i++) gate.next(still);
    expect(gate.next(still)).toBe('take');
  });

  it('turns the camera’s colour pixels into the grey the reader reads', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]);
    expect([...grayOf(rgba, 3, 1).data]).toEqual([255, 0, 76]);
  });
});
