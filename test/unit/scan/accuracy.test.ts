import { expect, it } from 'vitest';
import { READ_CONFIDENCE } from '../../../shared/scan/cells';
import { readBallotPage } from '../../../shared/scan/read';
import { drawBallot, truth, type VoterMark } from './ballot';
import { ROUND, sampleLayout } from './fixture-layout';
import { jpeg } from './jpeg';
import type { Distortion } from './raster';
import { seeded } from './rng';

const UNCLEAR: VoterMark[] = ['tick', 'filled', 'two', 'crossed', 'across', 'scribble'];

// Seconds of drawing and reading on a quiet machine; minutes on a busy one, so no tight timeout.
it(
  'is never confidently wrong over varied pages, and sends few clear cells to review',
  { timeout: 600_000 },
  async () => {
    const rand = seeded(42);
    let cells = 0;
    let confidentlyWrong = 0;
    let unclearPassed = 0;
    let reviewed = 0;
    for (let p = 0; p < 24; p++) {
      const layout = sampleLayout(14, 2, { cell: [10, 13, 16, 20][p % 4] ?? 16 });
      const marks = Array.from({ length: 14 }, (): VoterMark => {
        const u = rand();
        if (u < 0.42) return 'O';
        if (u < 0.67) return 'X';
        if (u < 0.96) return '-';
        return UNCLEAR[Math.floor(rand() * UNCLEAR.length)] ?? 'tick';
      });
      const distortion: Distortion = {
        rotate: (rand() - 0.5) * 10,
        scale: 0.97 + rand() * 0.06,
        shiftX: (rand() - 0.5) * 40,
        shiftY: (rand() - 0.5) * 40,
        perspective: p % 5 === 0 ? 0.015 : 0,
        noise: p % 3 === 0 ? 12 : 4,
        blur: p % 4 === 1 ? 1 : 0,
        threshold: p % 7 === 3,
        upsideDown: p % 6 === 5,
        seed: p,
      };
      const voter = { marks, ink: p % 3 === 2 ? 0.5 : 0.95, pen: 0.3 + rand() * 0.5, seed: p };
      let image = drawBallot(layout, 0, ROUND, voter, { dpi: p % 8 === 7 ? 300 : 200 }, distortion);
      if (p % 4 === 2) image = await jpeg(image, 40);
      const r = readBallotPage(image, { expected: { code: ROUND, layout } });
      expect(r.marks).toHaveLength(14);
      marks.forEach((mark, i) => {
        const want = truth(mark);
        const got = r.marks[i];
        const sure = got !== '?' && (r.confidence[i] ?? 0) >= READ_CONFIDENCE;
        cells++;
        if (want === '?') {
          if (sure) unclearPassed++;
          return;
        }
        if (sure && got !== want) confidentlyWrong++;
        if (!sure) reviewed++;
      });
    }
    expect(confidentlyWrong).toBe(0);
    expect(unclearPassed).toBe(0);
    // Harsher than a real count: blue ink through a black-and-white threshold, marks across borders.
    expect(reviewed / cells).toBeLessThan(0.04);
  },
);
