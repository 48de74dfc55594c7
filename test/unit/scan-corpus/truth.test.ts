import { describe, expect, it } from 'vitest';
import {
  committeeTestLayout,
  createRng,
  drawBallot,
  largeTestLayout,
  syntheticTemplate,
  type BallotTemplate,
} from '../../scan/corpus';
import { inkIn } from './ink';

const templates: [string, BallotTemplate, number][] = [
  ['9-of-11', syntheticTemplate(committeeTestLayout(), 150, 'round-1'), 9],
  ['22-of-27', syntheticTemplate(largeTestLayout(), 150, 'round-2'), 22],
];

describe('truth matches what was drawn', () => {
  for (const [name, template, seats] of templates) {
    it(`${name}: blank cells have no ink, marked cells have ink, on the captured image`, () => {
      const page = template.layout.pages[0];
      if (page === undefined) throw new Error('no page');
      const markCells = page.cells.filter((c) => c.kind === 'mark');
      for (let n = 0; n < 24; n++) {
        const ballot = drawBallot(template, createRng(`truth:${name}:${n}`), {
          seats,
          shares: { odd: 0.5, writeIn: 0.5 },
        });
        const { truth } = ballot;
        truth.candidates.forEach((candidate, i) => {
          const cell = markCells.find((c) => c.candidate === candidate);
          if (cell === undefined) throw new Error(`no cell for ${candidate}`);
          const ink = inkIn(ballot, template.dpi, cell);
          const mark = truth.marks[i];
          if (mark === '-') expect(ink, `ballot ${n} candidate ${candidate}`).toBe(0);
          else expect(ink, `ballot ${n} candidate ${candidate} '${mark}'`).toBeGreaterThan(8);
        });
        for (const w of truth.writeIns) {
          const nameCell = page.cells.find((c) => c.slot === w.slot && c.kind === 'write-in');
          const markCell = page.cells.find((c) => c.slot === w.slot && c.kind === 'mark');
          if (nameCell === undefined || markCell === undefined) throw new Error('no slot cells');
          const nameInk = inkIn(ballot, template.dpi, nameCell);
          if (w.ink) expect(nameInk).toBeGreaterThan(8);
          else expect(nameInk, `ballot ${n} slot ${w.slot}`).toBe(0);
          if (w.mark === '-') expect(inkIn(ballot, template.dpi, markCell)).toBe(0);
          else expect(inkIn(ballot, template.dpi, markCell)).toBeGreaterThan(8);
        }
      }
    });
  }

  it("lists every '?' with the mark drawn, and nothing else", () => {
    const [, template, seats] = templates[1] ?? [];
    if (template === undefined || seats === undefined) throw new Error('no template');
    for (let n = 0; n < 10; n++) {
      const { truth } = drawBallot(template, createRng(`review:${n}`), {
        seats,
        shares: { odd: 1 },
        capture: { device: 'scanner' },
      });
      const flagged =
        [...truth.marks].filter((m) => m === '?').length +
        truth.writeIns.filter((w) => w.mark === '?').length;
      expect(flagged).toBeGreaterThan(0);
      expect(truth.review).toHaveLength(flagged);
      for (const r of truth.review) {
        if (r.candidate !== undefined) {
          expect(truth.marks[truth.candidates.indexOf(r.candidate)]).toBe('?');
        } else {
          expect(truth.writeIns.find((w) => w.slot === r.slot)?.mark).toBe('?');
        }
      }
    }
  });

  it('an upside-down capture shows the sheet turned half round', () => {
    const [, template, seats] = templates[0] ?? [];
    if (template === undefined || seats === undefined) throw new Error('no template');
    const ballot = drawBallot(template, createRng('flip'), {
      seats,
      capture: {
        device: 'scanner',
        mode: 'grey',
        upsideDown: true,
        rotation: 0,
        shift: { x: 0, y: 0 },
        scale: 1,
      },
    });
    const { pixels } = ballot;
    const { width, height, data } = template.image;
    const code = template.layout.pages[0]?.code;
    if (code === undefined) throw new Error('no code');
    const s = template.dpi / 25.4;
    let same = 0;
    let turned = 0;
    for (let y = Math.ceil(code.y * s); y < (code.y + code.h) * s; y++) {
      for (let x = Math.ceil(code.x * s); x < (code.x + code.w) * s; x++) {
        const dark = (data[y * width + x] ?? 255) < 128;
        if (dark !== (pixels.data[y * width + x] ?? 255) < 128) same++;
        if (dark !== (pixels.data[(height - 1 - y) * width + (width - 1 - x)] ?? 255) < 128)
          turned++;
      }
    }
    expect(turned * 5).toBeLessThan(same);
  });
});
