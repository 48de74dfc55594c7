import { describe, expect, it } from 'vitest';
import { structureReport, type StructureDelegate } from '../../../core/setup/structure/report';
import { evaluateTarget } from '../../../core/setup/structure/targets';
import type { StructureTarget } from '../../../shared/api/structure';

const on = '2025-06-18';

function delegate(overrides: Partial<StructureDelegate> = {}): StructureDelegate {
  return {
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1970-01-01',
    education: '大学本科',
    category: '领导干部',
    unit: '镇机关党委',
    ...overrides,
  };
}

function roster(
  count: number,
  make: (i: number) => Partial<StructureDelegate>,
): StructureDelegate[] {
  return Array.from({ length: count }, (_, i) => delegate(make(i)));
}

const women30: StructureTarget = { metric: 'women', op: '>=', percent: 30 };

describe('structure targets on integers', () => {
  it('meets 不低于 30% at exactly 30% and not one delegate below', () => {
    const exactly = structureReport(
      roster(200, (i) => ({ gender: i < 60 ? '女' : '男' })),
      on,
      [women30],
    );
    expect(exactly.targets[0]).toMatchObject({ count: 60, total: 200, met: true, gap: 0 });
    expect(exactly.targets[0]?.sentence).toBe(
      '女代表 60 名，占代表总数 200 名的 30.0%，要求不低于 30%，符合要求。',
    );
    const below = structureReport(
      roster(200, (i) => ({ gender: i < 59 ? '女' : '男' })),
      on,
      [women30],
    );
    expect(below.targets[0]).toMatchObject({ count: 59, met: false, gap: 1 });
    expect(below.targets[0]?.sentence).toBe(
      '女代表 59 名，占代表总数 200 名的 29.5%，要求不低于 30%，不符合要求，还差 1 名。',
    );
  });

  it('never prints a share that contradicts the verdict', () => {
    const result = evaluateTarget(women30, 2_999, 10_000);
    expect(result.met).toBe(false);
    expect(result.sentence).toContain('的 29.9%');
    const upper = evaluateTarget(
      { metric: 'category', category: '领导干部', op: '<=', percent: 20 },
      2_001,
      10_000,
    );
    expect(upper.met).toBe(false);
    expect(upper.sentence).toBe(
      '领导干部代表 2001 名，占代表总数 10000 名的 20.1%，要求不超过 20%，不符合要求，超出 1 名。',
    );
  });

  it('handles thresholds such as 三分之一 written as 33.33 exactly', () => {
    const target: StructureTarget = { metric: 'frontline', op: '>=', percent: 33.33 };
    expect(evaluateTarget(target, 3_333, 10_000).met).toBe(true);
    expect(evaluateTarget(target, 3_332, 10_000)).toMatchObject({ met: false, gap: 1 });
    expect(evaluateTarget(target, 1, 3).met).toBe(true);
    expect(evaluateTarget(target, 3_332, 10_000).sentence).toContain('的 33.32%');
  });

  it('counts 不超过 as met at the bound and not one above', () => {
    const target: StructureTarget = {
      metric: 'category',
      category: '领导干部',
      op: '<=',
      percent: 25,
    };
    expect(evaluateTarget(target, 50, 200)).toMatchObject({ met: true, gap: 0 });
    expect(evaluateTarget(target, 51, 200)).toMatchObject({ met: false, gap: 1 });
  });

  it('says so when the roster is empty rather than declaring a target met', () => {
    const result = evaluateTarget(women30, 0, 0);
    expect(result.met).toBe(false);
    expect(result.sentence).toBe('名册中还没有代表，无法计算女代表比例（要求不低于 30%）。');
  });

  it('counts 40岁及以下 by whole years on the congress date, the 40th birthday included', () => {
    const delegates = [
      delegate({ birthDate: '1985-06-18' }),
      delegate({ birthDate: '1985-06-17' }),
      delegate({ birthDate: '1984-06-19' }),
      delegate({ birthDate: '1984-06-18' }),
      delegate({ birthDate: null }),
    ];
    const report = structureReport(delegates, on, [
      { metric: 'age-at-most', years: 40, op: '>=', percent: 60 },
    ]);
    expect(report.targets[0]).toMatchObject({
      label: '40岁及以下代表',
      count: 3,
      total: 5,
      met: true,
    });
    expect(report.age.unknown).toBe(1);
  });
});

describe('structure breakdowns', () => {
  const delegates = [
    delegate({
      gender: '女',
      ethnicity: '回族',
      birthDate: '1995-01-01',
      education: '硕士研究生',
      category: '一线',
    }),
    delegate({
      gender: '女',
      ethnicity: '壮族',
      birthDate: '1990-06-18',
      education: '大学专科',
      category: '基层一线',
    }),
    delegate({
      gender: '男',
      ethnicity: '回族',
      birthDate: '1964-06-18',
      education: '中央党校大学',
      unit: '东湖村党总支',
    }),
    delegate({
      gender: null,
      ethnicity: '',
      birthDate: '1960-01-01',
      education: '中专',
      category: '',
    }),
    delegate({
      gender: '男',
      ethnicity: '汉',
      birthDate: null,
      education: '小学',
      category: '专业技术',
    }),
    delegate({
      gender: '男',
      ethnicity: '汉族',
      birthDate: '1980-01-01',
      education: '扫盲班',
      unit: '东湖村党总支',
    }),
  ];
  const report = structureReport(delegates, on, [
    { metric: 'minority', op: '>=', percent: 50 },
    { metric: 'frontline', op: '>=', percent: 40 },
    { metric: 'college', op: '>=', percent: 60 },
  ]);

  it('tallies gender and ethnicity, 汉 as 汉族 and the minorities most first', () => {
    expect(report.total).toBe(6);
    expect(report.gender).toEqual([
      { label: '男', count: 3 },
      { label: '女', count: 2 },
      { label: '未填', count: 1 },
    ]);
    expect(report.ethnicity).toEqual({
      han: 2,
      minority: 3,
      unknown: 1,
      minorities: [
        { label: '回族', count: 2 },
        { label: '壮族', count: 1 },
      ],
    });
  });

  it('puts ages into the bands of the party statistics, 61 and over last', () => {
    expect(report.age.bands).toEqual([
      { label: '30岁及以下', count: 1 },
      { label: '31至35岁', count: 1 },
      { label: '36至40岁', count: 0 },
      { label: '41至45岁', count: 1 },
      { label: '46至50岁', count: 0 },
      { label: '51至55岁', count: 0 },
      { label: '56至60岁', count: 0 },
      { label: '61岁及以上', count: 2 },
    ]);
    expect(report.age.unknown).toBe(1);
    expect(report.age.averageAge).toBe(47.2);
  });

  it('maps the usual 学历 wordings to five levels and lists what it cannot place', () => {
    expect(report.education).toEqual([
      { label: '研究生', count: 1 },
      { label: '大学本科', count: 1 },
      { label: '大专', count: 1 },
      { label: '中专/高中', count: 1 },
      { label: '初中及以下', count: 1 },
      { label: '其他', count: 1 },
    ]);
    expect(report.unrecognisedEducation).toEqual(['扫盲班']);
  });

  it('lists categories and units in roster order and evaluates each target', () => {
    expect(report.category.map((t) => t.label)).toEqual([
      '一线',
      '基层一线',
      '领导干部',
      '未填',
      '专业技术',
    ]);
    expect(report.unit).toEqual([
      { label: '镇机关党委', count: 4 },
      { label: '东湖村党总支', count: 2 },
    ]);
    expect(report.targets.map((t) => [t.label, t.count, t.met])).toEqual([
      ['少数民族代表', 3, true],
      ['一线代表', 2, false],
      ['大专及以上学历代表', 3, false],
    ]);
  });
});
