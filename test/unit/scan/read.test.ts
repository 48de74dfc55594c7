import { describe, expect, it } from 'vitest';
import { READ_CONFIDENCE } from '../../../shared/scan/cells';
import { downsample } from '../../../shared/scan/image';
import { findRegistrationMarks } from '../../../shared/scan/marks';
import { readBallotPage, REFUSED, type ReadRounds } from '../../../shared/scan/read';
import { drawBallot, type Voter, type VoterMark } from './ballot';
import { ROUND, sampleLayout } from './fixture-layout';
import { jpeg } from './jpeg';
import { fillRect, polyline, scan, sheet } from './raster';

const layout = sampleLayout(10, 2);
const rounds: ReadRounds = { expected: { code: ROUND, layout } };
const marks: VoterMark[] = ['O', 'X', '-', 'O', 'O', 'X', '-', '-', 'X', 'O'];
const voter: Voter = {
  marks,
  writeIns: [
    { name: true, mark: 'O' },
    { name: false, mark: '-' },
  ],
};
const expected = 'OX-OOX--XO';

describe('readBallotPage', () => {
  it('reads a clean scan: marks per candidate, the write-in, each cell on the image', () => {
    const r = readBallotPage(drawBallot(layout, 0, ROUND, voter), rounds);
    expect(r.status).toBe('read');
    expect(r.code).toEqual(ROUND);
    expect(r.page).toBe(1);
    expect(r.candidates).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.marks).toBe(expected);
    expect(Math.min(...r.confidence)).toBeGreaterThanOrEqual(READ_CONFIDENCE);
    expect(r.writeIns).toMatchObject([
      { slot: 0, ink: true, mark: 'O' },
      { slot: 1, ink: false, mark: '-' },
    ]);
    expect(r.cells).toHaveLength(14);
    expect(r.upsideDown).toBe(false);
  });

  it('places the cell quadrilaterals where the cells are printed', () => {
    const r = readBallotPage(drawBallot(layout, 0, ROUND, voter, {}, { pad: 0 }), rounds);
    const cell = layout.pages[0]?.cells[0];
    const quad = r.cells[0]?.quad;
    const px = 200 / 25.4;
    expect(quad?.[0].x).toBeCloseTo((cell?.x ?? 0) * px, -1);
    expect(quad?.[2].y).toBeCloseTo(((cell?.y ?? 0) + (cell?.h ?? 0)) * px, -1);
  });

  it('reads through rotation, scale, shift, camera perspective, noise and blur', () => {
    const distortions = [
      { rotate: 5, scale: 1.03, shiftX: 25, shiftY: 15, pad: 10 },
      { rotate: -4.5, scale: 0.97, noise: 12, blur: 1 },
      { rotate: 2, perspective: 0.02, noise: 6 },
    ];
    for (const d of distortions) {
      const r = readBallotPage(drawBallot(layout, 0, ROUND, voter, {}, d), rounds);
      expect(r.marks, JSON.stringify(d)).toBe(expected);
      expect(r.status).toBe('read');
    }
  });

  it('reads a page fed upside down and says so', () => {
    const r = readBallotPage(
      drawBallot(layout, 0, ROUND, voter, {}, { upsideDown: true, rotate: 1.5 }),
      rounds,
    );
    expect(r.upsideDown).toBe(true);
    expect(r.marks).toBe(expected);
    expect(r.writeIns[0]).toMatchObject({ ink: true, mark: 'O' });
  });

  it('reads blue ballpoint through JPEG quality 40, and a black-and-white scan', async () => {
    const blue = drawBallot(
      layout,
      0,
      ROUND,
      { ...voter, ink: 0.5, pen: 0.35 },
      {},
      { rotate: -2, noise: 5 },
    );
    expect(readBallotPage(await jpeg(blue, 40), rounds).marks).toBe(expected);
    const bw = drawBallot(layout, 0, ROUND, voter, {}, { rotate: 3, noise: 20, threshold: true });
    expect(readBallotPage(bw, rounds).marks).toBe(expected);
  });

  it('reads a 300 dpi scan', () => {
    expect(readBallotPage(drawBallot(layout, 0, ROUND, voter, { dpi: 300 }), rounds).marks).toBe(
      expected,
    );
  });

  it('sends anything but ○, × and blank to review as unclear', () => {
    const odd: VoterMark[] = [
      'tick',
      'filled',
      'two',
      'crossed',
      'scribble',
      'O',
      '-',
      '-',
      '-',
      'across',
    ];
    const r = readBallotPage(
      drawBallot(layout, 0, ROUND, { marks: odd }, {}, { rotate: 1 }),
      rounds,
    );
    expect(r.status).toBe('review');
    expect(r.marks).toBe('?????O---?');
  });

  it('reads a ○ left open by a twelfth of a turn; a C and a second, faint mark go to review', () => {
    const marks: VoterMark[] = [
      'open',
      'curl',
      'faint-second',
      'open',
      'O',
      'X',
      '-',
      'open',
      'curl',
      '-',
    ];
    for (const seed of [1, 2, 3]) {
      const r = readBallotPage(
        drawBallot(layout, 0, ROUND, { marks, seed }, {}, { rotate: seed - 2, noise: 4 }),
        rounds,
      );
      expect(r.marks, `seed ${seed}`).toBe('O??OOX-O?-');
      for (const i of [0, 3, 7]) expect(r.confidence[i]).toBeGreaterThanOrEqual(READ_CONFIDENCE);
    }
  });

  it('skips a blank back page and refuses a page that is not a ballot', () => {
    const blank = scan(sheet(210, 297, 200), { noise: 4 });
    expect(readBallotPage(blank, rounds)).toMatchObject({ status: 'blank', reason: null });
    const letter = sheet(210, 297, 200);
    for (let y = 20; y < 280; y += 8)
      polyline(
        letter,
        [
          [20, y],
          [190, y + 1],
        ],
        0.4,
        1,
      );
    fillRect(letter, 150, 30, 30, 12);
    expect(readBallotPage(scan(letter), rounds)).toMatchObject({
      status: 'refused',
      reason: REFUSED.noMarks,
    });
  });

  it('names the print a refused ballot comes from', () => {
    const other = { code: { ...ROUND, election: 3 }, layout };
    const old = { code: { ...ROUND, layout: '00000000deadbeef' }, layout };
    const elsewhere = { code: { ...ROUND, congress: 9 }, layout };
    const all: ReadRounds = { expected: { code: ROUND, layout }, others: [other, old, elsewhere] };
    const read = (code: typeof ROUND | null) =>
      readBallotPage(drawBallot(layout, 0, ROUND, voter, { code }), all);
    expect(read({ ...other.code, page: 1 })).toMatchObject({
      status: 'refused',
      reason: REFUSED.otherRound,
    });
    expect(read({ ...old.code, page: 1 })).toMatchObject({
      status: 'refused',
      reason: REFUSED.oldPrint,
    });
    expect(read({ ...elsewhere.code, page: 1 })).toMatchObject({
      status: 'refused',
      reason: REFUSED.otherCongress,
    });
    expect(read({ ...ROUND, round: 2 })).toMatchObject({
      status: 'refused',
      reason: REFUSED.unknownCode,
    });
    expect(read(null)).toMatchObject({ status: 'refused', reason: REFUSED.unknownCode });
  });

  it('reads the second page of a two-page ballot with its own candidates', () => {
    const two = sampleLayout(10, 1, { pages: 2 });
    const page2: Voter = {
      marks: ['X', 'O', '-', 'O', 'X'],
      writeIns: [{ name: true, mark: 'O' }],
    };
    const r = readBallotPage(drawBallot(two, 1, ROUND, page2), {
      expected: { code: ROUND, layout: two },
    });
    expect(r).toMatchObject({
      status: 'read',
      page: 2,
      candidates: [5, 6, 7, 8, 9],
      marks: 'XO-OX',
    });
    expect(r.writeIns).toMatchObject([{ slot: 0, ink: true, mark: 'O' }]);
  });
});

describe('findRegistrationMarks', () => {
  it('finds the four marks, in order, on a small camera frame', () => {
    const frame = downsample(
      drawBallot(layout, 0, ROUND, voter, {}, { rotate: 4, perspective: 0.02 }),
      4,
    );
    const found = findRegistrationMarks(frame);
    expect(found).not.toBeNull();
    const [tl, tr, br, bl] = found?.centres ?? [];
    expect((tl?.x ?? 0) < (tr?.x ?? 0) && (bl?.x ?? 0) < (br?.x ?? 0)).toBe(true);
    expect((tl?.y ?? 0) < (bl?.y ?? 0) && (tr?.y ?? 0) < (br?.y ?? 0)).toBe(true);
  });

  it('keeps the corners in order when the four marks are all there is to see', () => {
    // Turned by a quarter, the same four marks enclose the same area: the order must come from
    // where each mark lies, never from a rounding in the area.
    const s = sheet(210, 297, 60);
    for (const m of layout.pages[0]?.marks ?? []) fillRect(s, m.x, m.y, m.w, m.h);
    for (let i = 0; i < 40; i++) {
      const rotate = -5 + i * 0.25;
      const found = findRegistrationMarks(scan(s, { rotate, perspective: (i % 5) * 0.01 }));
      const [tl, tr, br, bl] = found?.centres ?? [];
      const where = `turned ${rotate}°`;
      expect((tl?.x ?? 0) < (tr?.x ?? 0) && (bl?.x ?? 0) < (br?.x ?? 0), where).toBe(true);
      expect((tl?.y ?? 0) < (bl?.y ?? 0) && (tr?.y ?? 0) < (br?.y ?? 0), where).toBe(true);
    }
  });

  it('finds nothing when a corner mark is out of view, even with the QR finders in sight', () => {
    const s = sheet(210, 297, 100);
    for (const m of layout.pages[0]?.marks.slice(0, 3) ?? []) fillRect(s, m.x, m.y, m.w, m.h);
    for (const [x, y] of [
      [20, 270],
      [40, 270],
    ] as const) {
      polyline(
        s,
        [
          [x + 0.5, y + 0.5],
          [x + 6.5, y + 0.5],
          [x + 6.5, y + 6.5],
          [x + 0.5, y + 6.5],
          [x + 0.5, y],
        ],
        1,
        1,
      );
      fillRect(s, x + 2, y + 2, 3, 3);
    }
    expect(findRegistrationMarks(scan(s))).toBeNull();
  });
});
