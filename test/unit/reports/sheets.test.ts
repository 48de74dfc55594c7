import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegateCardsReport, signInSheetReport } from '../../../core/reports/documents';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import type { PdfPrinter } from '../../../core/reports/printer';
import { encodeCode128 } from '../../../core/reports/templates/code128';
import type { SignInDelegate } from '../../../core/reports/templates/SignInSheet';
import { inspectPdf, pageText } from './pdfTools';

const congressName = '中国共产党东湖镇第十六次代表大会';
const surnames = [
  ...'丁于马王尤方邓石叶史冯吕朱任刘许孙严苏杜李杨吴何余宋张陆陈范林罗周郑孟赵胡钟段侯姜洪秦贾夏钱徐高郭唐黄曹梁彭董蒋韩程傅谢廖熊潘薛戴魏',
];
const givens = ['建国', '秀英', '明华', '志强', '丽娟', '立新', '春梅', '晓东'];

/** Units of very different sizes, the big one longer than a page. */
const units: [string, number][] = [
  ['镇机关党委', 12],
  ['东湖村党总支', 45],
  ['西山村党支部', 7],
  ['镇中心学校党支部', 9],
  ['镇卫生院党支部', 11],
  ['非公企业联合党支部', 6],
];

function roster(of: readonly [string, number][] = units): SignInDelegate[] {
  let n = 0;
  return of.flatMap(([unit, size]) =>
    Array.from({ length: size }, () => {
      n += 1;
      const name = `${surnames[n % surnames.length] ?? ''}${givens[Math.floor(n / surnames.length) % givens.length] ?? ''}${n}`;
      return {
        name,
        gender: n % 3 === 0 ? '女' : '男',
        cardNo: `2025${String(n).padStart(3, '0')}`,
        unit,
        excused: n === 5,
      };
    }),
  );
}

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await openChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

describe('the sign-in sheet', () => {
  const delegates = roster();

  it('lists each unit under its own heading, in roster order, with page numbers', async () => {
    const report = signInSheetReport({ congressName, delegates, nameOrder: 'party' });
    expect(report.footer).toBe('page-numbers');
    const pdf = inspectPdf('sign-in', await printer.print(report));
    expect(pdf.pages).toBeGreaterThan(2);
    for (let page = 1; page <= pdf.pages; page += 1) {
      expect(pageText(pdf, page)).toMatch(
        new RegExp(`第\\s*${page}\\s*页\\s*共\\s*${pdf.pages}\\s*页`),
      );
    }
    const text = pdf.text;
    const headings = units.map(([unit, size]) => text.indexOf(`${unit}（${size} 名）`));
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    for (const [i, d] of delegates.entries()) {
      const unit = units.findIndex(([name]) => name === d.unit);
      const at = text.indexOf(d.name);
      expect(at, d.name).toBeGreaterThan(headings[unit] ?? Infinity);
      if (unit + 1 < units.length) expect(at, d.name).toBeLessThan(headings[unit + 1] ?? -1);
      expect(text.indexOf(d.cardNo), `${i}`).toBeGreaterThan(0);
    }
    expect(text).toMatch(/序号\s+姓名\s+性别\s+代表证号\s+签名/);
    expect(text).toContain('请假');
  });

  // Units of every size, so that headings fall at every height of the page.
  const sizes = [17, 1, 30, 2, 19, 5, 26, 3, 18, 21, 4, 33, 6, 20, 2, 25, 7, 19, 1, 28, 11, 9];
  const many = sizes.map((size, i): [string, number] => [`第${i + 1}党支部`, size]);

  it('never leaves a heading alone at the foot of a page, and keeps a short unit on one page', async () => {
    const all = roster(many);
    const pdf = inspectPdf(
      'sign-in-breaks',
      await printer.print(signInSheetReport({ congressName, delegates: all, nameOrder: 'party' })),
    );
    const pages = Array.from({ length: pdf.pages }, (_, i) => pageText(pdf, i + 1));
    for (const [unit, size] of many) {
      const members = all.filter((d) => d.unit === unit);
      const pagesOf = new Set(members.map((d) => pages.findIndex((text) => text.includes(d.name))));
      if (size <= 20) expect(pagesOf.size, unit).toBe(1);
      for (const [page, text] of pages.entries()) {
        const heading = text.indexOf(`${unit}（`);
        if (heading < 0) continue;
        const below = members.some((d) => text.indexOf(d.name) > heading);
        expect(below, `${unit} on page ${page + 1}`).toBe(true);
      }
    }
  });

  // With 17 rows before it, only the long unit's heading would still fit on page 1 (measured);
  // the neighbours leave room for one row, and for none at all.
  it('starts a long unit on the page where the last one ended, with rows under its heading', async () => {
    for (let before = 15; before <= 18; before += 1) {
      const two: [string, number][] = [
        ['镇机关党委', before],
        ['东湖村党总支', 30],
      ];
      const all = roster(two);
      const pdf = inspectPdf(
        'sign-in-long-unit',
        await printer.print(
          signInSheetReport({ congressName, delegates: all, nameOrder: 'party' }),
        ),
      );
      const first = pageText(pdf, 1);
      const heading = first.indexOf('东湖村党总支（');
      if (heading < 0) continue;
      const long = all.filter((d) => d.unit === '东湖村党总支');
      expect(
        long.some((d) => first.indexOf(d.name) > heading),
        `after ${before} rows`,
      ).toBe(true);
    }
  });
});

describe('the delegate cards', () => {
  const delegates = roster()
    .slice(0, 10)
    .map(({ name, unit, cardNo }) => ({ name, unit, cardNo }));

  it('prints eight cards to a page with name, unit, congress and card number', async () => {
    const report = delegateCardsReport({ congressName, delegates, nameOrder: 'party' });
    const pdf = inspectPdf('cards', await printer.print(report));
    expect(pdf.pages).toBe(2);
    const first = pageText(pdf, 1);
    const second = pageText(pdf, 2);
    for (const [i, d] of delegates.entries()) {
      const page = i < 8 ? first : second;
      expect(page).toContain(d.cardNo);
      expect(page).toContain(d.name);
    }
    expect(first.split(congressName).length - 1).toBe(8);
    expect(first.match(/代\s*表\s*证/g)?.length).toBe(8);
    expect(first).toContain('镇机关党委');
  });

  it('draws each card number as its Code 128 barcode', () => {
    const html = delegateCardsReport({ congressName, delegates, nameOrder: 'party' }).html;
    const paths = [...html.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(delegates.length);
    for (const [i, d] of delegates.entries()) {
      const code = encodeCode128(d.cardNo);
      if (!code.ok) throw new Error(code.reason);
      expect(modulesFromPath(paths[i] ?? '', code.modules.length)).toBe(code.modules);
    }
  });
});

/** Reads the bars back out of the SVG path: each `M x 0 h w` is w bar modules at x. */
function modulesFromPath(path: string, length: number): string {
  const modules = Array.from({ length }, () => '0');
  for (const [, x, w] of path.matchAll(/M(\d+) 0h(\d+)/g)) {
    for (let m = 0; m < Number(w); m += 1) modules[Number(x) - 10 + m] = '1';
  }
  return modules.join('');
}
