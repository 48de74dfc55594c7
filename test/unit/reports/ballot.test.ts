import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotReport } from '../../../core/reports/documents';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import type { PdfPrinter } from '../../../core/reports/printer';
import { ballot, names } from './ballot-fixture';
import { inspectPdf, positionsOf } from './pdfTools';

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await openChromiumPrinter();
});
afterAll(async () => {
  await printer.close();
});

describe('the ballot', () => {
  it('prints the heading, seats, candidates in the given order and the instructions on one A4 page', async () => {
    const props = ballot({ colourLabel: '红色' });
    const pdf = inspectPdf('ballot-11', await printer.print(ballotReport(props)));
    expect(pdf.pages).toBe(1);
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    expect(text).toContain('中国共产党东湖镇第十六次代表大会');
    expect(text).toContain('选举中国共产党东湖镇第十六届委员会委员');
    expect(text).toMatch(/选\s*票/);
    expect(text).toMatch(/应选 9 名\s*候选人 11 名（按姓氏笔画为序）/);
    expect(text).toContain('红色');
    const positions = positionsOf(pdf.text, props.candidates);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain('表示赞成的，在其姓名上方的符号栏内画“○”');
    expect(flat).toContain('在“另选人”栏的空格内写上另选人的姓名');
    expect(flat).toContain('等于或少于应选人数的为有效票，多于应选人数的为无效票');
  });

  // Chromium embeds CFF-outline fonts such as Noto CJK as Type 3 (the glyph outlines themselves)
  // and TrueType fonts such as SimSun as CID fonts; either way nothing depends on the printer's fonts.
  it('embeds every font it uses, mapped back to Unicode so the text stays searchable', async () => {
    const pdf = inspectPdf('ballot-fonts', await printer.print(ballotReport(ballot())));
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((f) => !f.embedded || !f.unicode)).toEqual([]);
    expect(pdf.text).toContain('丁建国');
  });

  it('is the same on every copy: no number or mark beyond the prescribed items', async () => {
    const first = ballotReport(ballot());
    expect(ballotReport(ballot()).html).toBe(first.html);
    const pdf = inspectPdf('ballot-numbers', await printer.print(first));
    const numbers = pdf.text.match(/\d+/g) ?? [];
    expect(new Set(numbers)).toEqual(new Set(['9', '11', '1', '2', '3', '4', '5']));
    expect(first.footer).toBe('none');
  });

  it('fits 20 candidates in two rows of ten', async () => {
    const props = ballot({ seats: 15, candidates: names(20), writeInBlanks: 5 });
    const pdf = inspectPdf('ballot-20', await printer.print(ballotReport(props)));
    expect(pdf.pages).toBe(1);
    const lines = pdf.text.split('\n');
    const rowOf = (name: string) => lines.findIndex((line) => line.includes(name));
    expect(rowOf(props.candidates[0] ?? '')).toBe(rowOf(props.candidates[9] ?? ''));
    expect(rowOf(props.candidates[10] ?? '')).toBeGreaterThan(rowOf(props.candidates[9] ?? ''));
    expect(rowOf(props.candidates[10] ?? '')).toBe(rowOf(props.candidates[19] ?? ''));
  });

  it('keeps 60 candidates and ten write-in blanks on one page, in order', async () => {
    const props = ballot({ seats: 50, candidates: names(60), writeInBlanks: 10 });
    const pdf = inspectPdf('ballot-60', await printer.print(ballotReport(props)));
    expect(pdf.pages).toBe(1);
    const positions = positionsOf(pdf.text, props.candidates);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pdf.text).toMatch(/应选 50 名\s+候选人 60 名/);
  });

  it("prints the congress's own instructions instead of the default, and no write-in text without blanks", async () => {
    const own = '1. 本届委员会委员应选 9 名。\n2. 赞成的画“○”，不赞成的画“×”。';
    const pdf = inspectPdf(
      'ballot-own-text',
      await printer.print(ballotReport(ballot({ instructions: own, writeInBlanks: 0 }))),
    );
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain('本届委员会委员应选9名。');
    expect(flat).not.toContain('另选人');
    expect(flat).not.toContain('多于应选人数的为无效票');
  });
});
