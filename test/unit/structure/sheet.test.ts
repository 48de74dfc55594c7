import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../reports/pdfTools';
import { setupHarness, township } from '../setup/fixture';

/*
 * The 代表结构情况 as the administrator saves it for the 代表资格审查 report: a roster of eight
 * entered through the services, two thresholds, and the PDF printed by the real Chromium.
 */

const person = (
  name: string,
  gender: '男' | '女',
  ethnicity: string,
  unit: string,
  no: number,
) => ({
  name,
  gender,
  ethnicity,
  birthDate: '1975-03-01',
  education: '大学本科',
  category: '',
  unit,
  cardNo: `S${no}`,
  hasVote: true,
});

/** 3 women of 8 (37.5%), one 回族 and one 壮族 (2 of 8, 25.0%); five from 镇机关, three from 东村. */
const roster = [
  person('丁建国', '男', '汉族', '镇机关党委', 1),
  person('卜秀英', '女', '汉族', '镇机关党委', 2),
  person('刁明华', '男', '回族', '镇机关党委', 3),
  person('于洋', '男', '汉族', '镇机关党委', 4),
  person('王芳', '女', '壮族', '镇机关党委', 5),
  person('石磊', '男', '汉族', '东村党支部', 6),
  person('田富', '男', '汉族', '东村党支部', 7),
  person('白雪', '女', '汉族', '东村党支部', 8),
];

describe('the structure report on paper', () => {
  it('prints every figure of the roster and each threshold with its verdict', async () => {
    const h = await setupHarness();
    const congress = await h.must('congress.create', {
      ...township,
      structureTargets: [
        { metric: 'women', op: '>=', percent: 30 },
        { metric: 'minority', op: '>=', percent: 30 },
      ],
    });
    for (const delegate of roster) {
      await h.must('delegates.add', { congressId: congress.id, delegate });
    }
    const byTeller = await h.call(
      'printouts.pdf',
      { kind: 'structure', congressId: congress.id },
      await h.person('teller'),
    );
    expect(byTeller).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const printed = await h.must('printouts.pdf', { kind: 'structure', congressId: congress.id });
    expect(printed.fileName).toBe(`${township.name}代表结构情况.pdf`);
    const pdf = inspectPdf('structure-sheet', Buffer.from(printed.pdf, 'base64'));
    expect(pdf.pages).toBe(1);
    const lines = pdf.text.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    const words = pdf.text.replace(/\s+/g, '');
    expect(words).toContain('代表结构情况');
    expect(words).toContain('按大会召开日2025-06-18计算，代表共8名');
    expect(words).toContain('女代表3名，占代表总数8名的37.5%，要求不低于30%，符合要求');
    expect(words).toContain('少数民族代表2名，占代表总数8名的25.0%，要求不低于30%');
    expect(lines.some((l) => /女代表 符合/.test(l))).toBe(true);
    expect(lines.some((l) => /少数民族代表 不符合/.test(l))).toBe(true);
    for (const row of [
      /女 3 37\.5%/,
      /男 5 62\.5%/,
      /汉族 6 75\.0%/,
      /回族 1 12\.5%/,
      /壮族 1 12\.5%/,
      /镇机关党委 5 62\.5%/,
      /东村党支部 3 37\.5%/,
      /大学本科 8 100\.0%/,
    ]) {
      expect(
        lines.some((l) => row.test(l)),
        String(row),
      ).toBe(true);
    }
    expect(h.auditActions()).toContain('printout.print');
  });
});
