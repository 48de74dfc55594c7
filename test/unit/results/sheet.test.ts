import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import { buildResultSheet } from '../../../core/reports/result-sheets';
import { expectedTally, resultsHarness, times, type PaperBallot } from './fixture';

const artifacts = resolve(import.meta.dirname, '../../../test-results/results');
const candidates = ['丁一', '王二', '李三', '张四'];
const seed = { seats: 3, candidates, entitled: 13, present: 12 };
const writeIn = (name: string) => ({ name, mark: 'O' as const });

/** Every kind of paper: clear, an unclear mark, written-in names, over-votes, one rejected. */
const ballots: PaperBallot[] = [
  ...times(5, 'OOX-'),
  ...times(2, 'O?O-'),
  ...times(1, 'XOOO'),
  { marks: '-O--', writeIns: [writeIn('孙五')] },
  { marks: 'OOOO' },
  { marks: 'OO--', writeIns: [writeIn('孙五'), writeIn('周六')] },
  { marks: '----', declaredInvalid: '无法辨认' },
];

describe('the 计票结果报告单', () => {
  it('prints the same totals as the engine gives for the ballots entered', async () => {
    const h = await resultsHarness(seed);
    await h.vote(h.formalRoundId, 12);
    await h.enter(h.formalRoundId, ballots);
    const expected = expectedTally({ kind: 'formal', ...seed, issued: 12, ballots });
    expect(expected.ballots).toEqual({ issued: 12, returned: 12, valid: 9, invalid: 3 });
    expect(expected.elected).toEqual(['丁一', '王二']);

    const shown = await h.roundResults(h.formalRoundId);
    expect(shown.ballots).toEqual(expected.ballots);
    expect(shown.threshold?.minVotes).toBe(expected.threshold?.minVotes);
    expect(shown.elected).toEqual(expected.elected);
    for (const r of expected.results) {
      const name = shown.names.find((n) => n.name === r.name);
      expect(name?.for, r.name).toBe(r.for);
      if (!r.writeIn) {
        expect(name?.against, r.name).toBe(r.against);
        expect(name?.abstain, r.name).toBe(r.abstain);
      }
    }

    const sheet = buildResultSheet(h.store, { electionId: h.election.id });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const printer = await openChromiumPrinter();
    let pdf: Uint8Array;
    try {
      pdf = await printer.print(sheet.value.report);
    } finally {
      await printer.close();
    }
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'result-sheet-unit.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

    for (const r of expected.results) {
      const row = r.writeIn
        ? new RegExp(`${r.name}\\s*另选\\s+${r.for}\\s+—\\s+—`)
        : new RegExp(`${r.name}\\s+${r.for}\\s+${r.against}\\s+${r.abstain}\\s`);
      expect(text, r.name).toMatch(row);
    }
    // The counts row: seats, 应到, 实到, issued, returned, valid, invalid, left to right.
    expect(text).toMatch(/3\s*名\s+13\s*人\s+12\s*人\s+12\s*张\s+12\s*张\s+9\s*张\s+3\s*张/);
    expect(text).toContain(`即至少 ${expected.threshold?.minVotes ?? NaN} 票`);
    // The statement wraps where the page decides: read it without the line breaks.
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(flat).toContain(
      `当选名单（按姓氏笔画为序，共${expected.elected.length}名）：${expected.elected.join('')}`,
    );
    expect(text).toContain('未经签核');
    expect(flat).toContain('导出后在此打印结果包摘要与签名公钥指纹');
    expect(text).toMatch(/计票人（签名）：\s*张计票/);
    expect(text).toMatch(/第\s*1\s*页\s+共\s*1\s*页/);
  });
});
