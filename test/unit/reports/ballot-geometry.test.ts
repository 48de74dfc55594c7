import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotReport } from '../../../core/reports/documents';
import { machineBallot } from '../../../core/reports/machine-ballot';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import type { PdfPrinter } from '../../../core/reports/printer';
import { ballotGeometry, CODE_RECT } from '../../../core/reports/templates/ballotGeometry';
import { ballotInstructions } from '../../../shared/strings/ballot';
import type { BallotLayout, Rect } from '../../../shared/scan/layout';
import type { BallotProps } from '../../../core/reports/templates/Ballot';
import { ballot, names } from './ballot-fixture';
import { inspectPdf, pageText } from './pdfTools';

const round = { congress: 3, election: 12, round: 41 };

function layoutOf(props: BallotProps): BallotLayout {
  return ballotGeometry({
    ...props,
    instructions: ballotInstructions(props.instructions, props.writeInBlanks),
  }).layout;
}

const cases = {
  '9 of 11': ballot(),
  '22 of 27': ballot({ seats: 22, candidates: names(27), writeInBlanks: 5 }),
  '50 of 60': ballot({ seats: 50, candidates: names(60), writeInBlanks: 10 }),
  '120 of 150': ballot({ seats: 120, candidates: names(150), writeInBlanks: 10 }),
};

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

describe('the machine-readable ballot geometry', () => {
  for (const [name, props] of Object.entries(cases)) {
    it(`${name}: every cell inside the marks, none overlapping, each candidate and slot once`, () => {
      const layout = layoutOf(props);
      expect(layout.page).toEqual({ width: 210, height: 297 });
      const seen: number[] = [];
      for (const page of layout.pages) {
        const [tl, tr, br, bl] = page.marks;
        if (!tl || !tr || !br || !bl) throw new Error('four marks expected');
        expect(page.marks.every((m) => m.w === 7 && m.h === 7)).toBe(true);
        expect([tl.x, tl.y, tr.y, bl.x]).toEqual([8, 8, 8, 8]);
        expect([tr.x + tr.w, br.y + br.h]).toEqual([202, 289]);
        const within = { x: tl.x + tl.w, y: tl.y, w: tr.x - tl.x - tl.w, h: bl.y + bl.h - tl.y };
        expect(page.code).toEqual(CODE_RECT);
        const boxes = [...page.cells, page.code];
        for (const [i, cell] of boxes.entries()) {
          expect(inside(cell, within), JSON.stringify(cell)).toBe(true);
          for (const other of boxes.slice(i + 1)) expect(overlap(cell, other)).toBeLessThan(1e-6);
        }
        for (const cell of page.cells) {
          if (cell.kind === 'mark' && cell.candidate !== undefined) seen.push(cell.candidate);
          expect(cell.w).toBeGreaterThanOrEqual(10);
          expect(cell.h).toBeGreaterThanOrEqual(10);
        }
        for (const mark of page.cells.filter((c) => c.kind === 'mark' && c.slot !== undefined)) {
          const name = page.cells.find((c) => c.kind === 'write-in' && c.slot === mark.slot);
          expect(name).toMatchObject({ x: mark.x, w: mark.w, y: mark.y + mark.h });
        }
      }
      expect(seen).toEqual(props.candidates.map((_, i) => i));
      const slots = layout.pages.flatMap((p) => p.cells.filter((c) => c.kind === 'write-in'));
      expect(slots.map((c) => c.slot)).toEqual([...Array(props.writeInBlanks).keys()]);
    });
  }

  it('keeps up to 60 candidates on one sheet and carries 150 onto a second, marks and code on each', () => {
    expect(layoutOf(cases['50 of 60']).pages).toHaveLength(1);
    const pages = layoutOf(cases['120 of 150']).pages;
    expect(pages).toHaveLength(2);
    expect(pages.every((p) => p.marks.length === 4)).toBe(true);
    expect(pages[1]?.cells.some((c) => c.kind === 'mark' && c.candidate === 149)).toBe(true);
    expect(pages[1]?.cells.some((c) => c.kind === 'write-in')).toBe(true);
  });

  it('gives the same digest when nothing changes and another when a candidate is added', () => {
    const once = machineBallot(ballot(), round);
    expect(machineBallot(ballot(), round).layout).toEqual(once.layout);
    expect(ballotReport(machineBallot(ballot(), round).props).html).toBe(
      ballotReport(once.props).html,
    );
    const added = machineBallot(ballot({ candidates: names(12) }), round);
    expect(added.layout.digest).not.toBe(once.layout.digest);
    expect(once.layout.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(once.layout.json)).toEqual(layoutOf(ballot()));
  });

  it('prints one round code for every ballot of the round: the round and the layout, no number', () => {
    const { props, layout } = machineBallot(ballot(), round);
    const codes = props.machine?.codes ?? [];
    expect(codes).toEqual([`CT1:3:12:41:${layout.digest.slice(0, 16).toUpperCase()}:1`]);
  });
});

/** A page rasterised by pdftoppm -gray as a PGM: one byte a pixel, 0 black. */
interface Gray {
  width: number;
  height: number;
  data: Buffer;
}

const DPI = 100;
const px = (mm: number) => Math.round((mm * DPI) / 25.4);

function rasterise(file: string, page: number): Gray {
  const out = `${file.replace(/\.pdf$/, '')}-p${page}-gray`;
  execFileSync('pdftoppm', [
    '-r',
    String(DPI),
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    out,
  ]);
  const bytes = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [text, w, h] = header;
  return { width: Number(w), height: Number(h), data: bytes.subarray(text.length) };
}

/** The darkest pixel within `r` px of a point given in mm. */
function darkest(image: Gray, xMm: number, yMm: number, r = 2): number {
  let min = 255;
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const x = px(xMm) + dx;
      const y = px(yMm) + dy;
      min = Math.min(min, image.data[y * image.width + x] ?? 255);
    }
  }
  return min;
}

function lightest(image: Gray, xMm: number, yMm: number, r = 1): number {
  let max = 0;
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      max = Math.max(max, image.data[(px(yMm) + dy) * image.width + px(xMm) + dx] ?? 0);
    }
  }
  return max;
}

/** Registration marks solid, white around them; cell borders on the layout's edges, blank inside. */
function expectPrintedAsLaidOut(image: Gray, page: BallotLayout['pages'][number]): void {
  expect(Math.abs(image.width - px(210))).toBeLessThanOrEqual(1);
  expect(Math.abs(image.height - px(297))).toBeLessThanOrEqual(1);
  for (const m of page.marks) {
    for (const [fx, fy] of [
      [0.2, 0.2],
      [0.8, 0.2],
      [0.5, 0.5],
      [0.2, 0.8],
      [0.8, 0.8],
    ] as const) {
      expect(lightest(image, m.x + fx * m.w, m.y + fy * m.h)).toBeLessThan(80);
    }
    for (const [x, y] of [
      [m.x - 1.5, m.y + m.h / 2],
      [m.x + m.w + 1.5, m.y + m.h / 2],
      [m.x + m.w / 2, m.y - 1.5],
      [m.x + m.w / 2, m.y + m.h + 1.5],
    ] as const) {
      expect(darkest(image, x, y, 1)).toBeGreaterThan(200);
    }
  }
  for (const c of page.cells) {
    const edges = [
      [c.x + c.w / 2, c.y, c.x + c.w / 2, c.y + 1.5],
      [c.x + c.w / 2, c.y + c.h, c.x + c.w / 2, c.y + c.h - 1.5],
      [c.x, c.y + c.h / 2, c.x + 1.5, c.y + c.h / 2],
      [c.x + c.w, c.y + c.h / 2, c.x + c.w - 1.5, c.y + c.h / 2],
    ] as const;
    for (const [x, y, ix, iy] of edges) {
      expect(darkest(image, x, y), `border of ${JSON.stringify(c)}`).toBeLessThan(110);
      expect(darkest(image, ix, iy, 1), `inside ${JSON.stringify(c)}`).toBeGreaterThan(200);
    }
  }
  const code = page.code;
  expect(darkest(image, code.x + code.w / 2, code.y + code.h / 2, px(code.w / 2) - 1)).toBe(0);
  for (const [x, y] of [
    [code.x - 2, code.y + code.h / 2],
    [code.x + code.w + 2, code.y + code.h / 2],
    [code.x + code.w / 2, code.y - 2],
    [code.x + code.w / 2, code.y + code.h + 2],
  ] as const) {
    expect(darkest(image, x, y, 1)).toBeGreaterThan(200);
  }
}

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await openChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

describe('the printed machine-readable ballot', () => {
  it('puts the marks, the code and every cell border where the layout says (22 of 27)', async () => {
    const built = machineBallot(cases['22 of 27'], round);
    const pdf = inspectPdf('machine-ballot-27', await printer.print(ballotReport(built.props)));
    expect(pdf.pages).toBe(1);
    const layout = JSON.parse(built.layout.json) as BallotLayout;
    const page = layout.pages[0];
    if (!page) throw new Error('one page expected');
    expectPrintedAsLaidOut(rasterise(pdf.file, 1), page);
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/应选 22 名\s*候选人 27 名（按姓氏笔画为序）/);
    expect(pdf.text.replace(/\s+/g, '')).toContain('等于或少于应选人数的为有效票');
  });

  it('prints a second sheet with its own marks and code, and the page on each', async () => {
    const built = machineBallot(cases['120 of 150'], round);
    const pdf = inspectPdf('machine-ballot-150', await printer.print(ballotReport(built.props)));
    expect(pdf.pages).toBe(2);
    const layout = JSON.parse(built.layout.json) as BallotLayout;
    for (const [i, page] of layout.pages.entries()) {
      expectPrintedAsLaidOut(rasterise(pdf.file, i + 1), page);
      expect(pageText(pdf, i + 1)).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*2\\s*页`));
    }
    expect(pageText(pdf, 2).replace(/\s+/g, '')).toContain('选票（续）');
    expect(pageText(pdf, 2).replace(/\s+/g, '')).toContain('说明');
  });

  it('keeps the colour label and one sheet for the 9-of-11 committee ballot', async () => {
    const built = machineBallot(ballot({ colourLabel: '红色' }), round);
    const pdf = inspectPdf('machine-ballot-11', await printer.print(ballotReport(built.props)));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('红色');
    const page = (JSON.parse(built.layout.json) as BallotLayout).pages[0];
    if (!page) throw new Error('one page expected');
    expectPrintedAsLaidOut(rasterise(pdf.file, 1), page);
  });
});
