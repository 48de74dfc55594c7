import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../../../cli/report';
import { buildIssuanceSheet } from '../../../core/reports/issuance-sheet';
import { inspectPdf } from '../reports/pdfTools';
import { checkIn, congressWith, dayHarness } from '../checkin/fixture';
import { printedElection } from './fixture';

/** pdftotext -layout spreads table cells with spaces; compare the words only. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('分发/收回选票情况报告单', () => {
  it('states the frozen counts, the ballots out and back, and has the scrutineers sign', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 200);
    await checkIn(h, await h.person('teller'), ids.slice(0, 170));
    const chief = await h.person('chief-scrutineer');
    const { roundId } = await printedElection(h, congressId);

    const before = await h.call('printouts.pdf', { kind: 'issuance', roundId }, chief);
    expect(before.ok || before.error.message).toContain('尚未发票');

    await h.must('issuance.issue', { roundId, issued: 168 }, chief);
    h.advance(5 * 60_000);
    await h.must('issuance.return', { roundId, returned: 166 }, chief);
    const pdf = await h.must(
      'printouts.pdf',
      { kind: 'issuance', roundId },
      await h.person('teller'),
    );
    expect(pdf.fileName).toBe(
      '选举中国共产党东湖镇第十六届委员会委员第_1_轮（正式选举）分发、收回选票情况报告单.pdf',
    );
    const facts = inspectPdf('issuance-sheet', Buffer.from(pdf.pdf, 'base64'));
    expect(facts.pages).toBe(1);
    expect(facts.fonts.every((f) => f.embedded)).toBe(true);
    const text = squeeze(facts.text);
    for (const expected of [
      '中国共产党东湖镇第十六次代表大会',
      '分发、收回选票情况报告单',
      '选举中国共产党东湖镇第十六届委员会委员',
      '第1轮（正式选举）',
      '应到会有选举权人数197人',
      '实到会有选举权人数168人',
      '发出选票168张',
      '收回选票166张',
      '未收回选票2张',
      '实到168≥应到197的五分之四157.6，符合选举要求（《中国共产党基层组织选举工作条例》）',
      '收回选票166张，少于发出的168张，可以进行计票',
      '本次选举应到会有选举权的197人，实到会有选举权的168人，符合选举要求。共发出选票168张，收回选票166张，收回的选票少于发出的选票，选举有效。',
      '总监票人（签名）',
      '监票人（签名）',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(text).not.toContain('计票人（签名）');
    expect(h.audit().at(-1)).toMatchObject({
      action: 'printout.print',
      payload: { kind: 'issuance', roundId },
    });

    // One builder: the preview is the HTML the PDF was printed from.
    const preview = await h.must('printouts.preview', { kind: 'issuance', roundId }, chief);
    const built = buildIssuanceSheet(h.services.store, { roundId });
    expect(built.ok && built.value.report.html).toBe(preview.html);
  });

  it('says a void round must be held again', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    await checkIn(h, await h.person('teller'), ids);
    const scrutineer = await h.person('scrutineer');
    const { roundId } = await printedElection(h, congressId);
    await h.must('issuance.issue', { roundId, issued: 10 }, scrutineer);
    await h.must('issuance.return', { roundId, returned: 12, confirmVoid: true }, scrutineer);
    const preview = await h.must('printouts.preview', { kind: 'issuance', roundId }, scrutineer);
    const words = squeeze(preview.html.replace(/<[^>]+>/g, ''));
    expect(words).toContain('多收回选票2张');
    expect(words).toContain('收回的选票多于发出的选票，本轮选举无效，应重新选举。');
  });

  it('prints from the command line: report issuance --election', async () => {
    const h = await dayHarness();
    const { congressId, ids } = await congressWith(h, 10);
    await checkIn(h, await h.person('teller'), ids.slice(0, 9));
    const scrutineer = await h.person('scrutineer');
    const { electionId, roundId } = await printedElection(h, congressId);
    const dir = mkdtempSync(join(tmpdir(), 'ct-issuance-cli-'));
    try {
      const out = join(dir, 'sheet.pdf');
      const errors: string[] = [];
      const io = { stdout: () => undefined, stderr: (line: string) => void errors.push(line) };
      const args = ['issuance', '--db', h.services.store.file, '--election', String(electionId)];
      expect(await report([...args, '--out', out], io)).toBe(2);
      expect(errors.join('')).toContain('尚未发票');
      await h.must('issuance.issue', { roundId, issued: 9 }, scrutineer);
      expect(await report([...args, '--out', out], io)).toBe(0);
      const facts = inspectPdf('issuance-sheet-cli', readFileSync(out));
      expect(squeeze(facts.text)).toContain('发出选票9张');
      expect(squeeze(facts.text)).toContain('收回选票张');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
