import { ageOn } from '../roster/dates';
import {
  ageBandOf,
  ageBands,
  educationLevelOf,
  educationLevels,
  hasCollege,
  isFrontline,
  isHan,
  isMinority,
} from './classify';
import type {
  StructureReportRecord,
  StructureTally,
  StructureTarget,
} from '../../../shared/api/structure';
import { evaluateTarget } from './targets';

/** The delegate fields the structure report reads; the roster's and the store's rows both fit. */
export interface StructureDelegate {
  gender: '男' | '女' | null;
  ethnicity: string;
  birthDate: string | null;
  education: string;
  category: string;
  unit: string;
}

type Tally = StructureTally;

/** The report as the API returns it, less the congress it belongs to. */
export type StructureReport = Omit<StructureReportRecord, 'congressId'>;

/**
 * The make-up of the congress (代表结构) for the 资格审查 report: every delegate on the roster,
 * with or without a vote and excused or not, since the report describes who was elected as
 * delegate, not who votes today. Shares are of that whole roster; missing values count as 未填.
 */
export function structureReport(
  delegates: readonly StructureDelegate[],
  congressDate: string,
  targets: readonly StructureTarget[],
): StructureReport {
  const total = delegates.length;
  return {
    asOf: congressDate,
    total,
    gender: genderTally(delegates),
    ethnicity: ethnicityTally(delegates),
    age: ageTally(delegates, congressDate),
    education: educationTally(delegates),
    unrecognisedEducation: [
      ...new Set(
        delegates
          .map((d) => d.education.trim())
          .filter((e) => e !== '' && educationLevelOf(e) === null),
      ),
    ],
    category: tallyInOrder(delegates.map((d) => d.category.trim() || '未填')),
    unit: tallyInOrder(delegates.map((d) => d.unit.trim() || '未填')),
    targets: targets.map((t) => evaluateTarget(t, countFor(t, delegates, congressDate), total)),
  };
}

function countFor(
  metric: StructureTarget,
  delegates: readonly StructureDelegate[],
  on: string,
): number {
  const test = (d: StructureDelegate): boolean => {
    switch (metric.metric) {
      case 'women':
        return d.gender === '女';
      case 'minority':
        return isMinority(d.ethnicity);
      case 'frontline':
        return isFrontline(d.category);
      case 'college':
        return hasCollege(d.education);
      case 'age-at-most':
        return d.birthDate !== null && ageOn(d.birthDate, on) <= metric.years;
      case 'category':
        return d.category.trim() === metric.category.trim();
    }
  };
  return delegates.filter(test).length;
}

function genderTally(delegates: readonly StructureDelegate[]): Tally[] {
  const count = (g: '男' | '女' | null) => delegates.filter((d) => d.gender === g).length;
  return withUnknown(
    [
      { label: '男', count: count('男') },
      { label: '女', count: count('女') },
    ],
    count(null),
  );
}

function ethnicityTally(delegates: readonly StructureDelegate[]): StructureReport['ethnicity'] {
  const minorities = tallyInOrder(delegates.map((d) => d.ethnicity.trim()).filter(isMinority));
  return {
    han: delegates.filter((d) => isHan(d.ethnicity.trim())).length,
    minority: minorities.reduce((sum, t) => sum + t.count, 0),
    unknown: delegates.filter((d) => d.ethnicity.trim() === '').length,
    minorities: minorities.sort((a, b) => b.count - a.count),
  };
}

function ageTally(delegates: readonly StructureDelegate[], on: string): StructureReport['age'] {
  const ages = delegates.flatMap((d) => (d.birthDate === null ? [] : [ageOn(d.birthDate, on)]));
  const bands = ageBands.map((band) => ({
    label: band.label,
    count: ages.filter((age) => ageBandOf(age) === band.label).length,
  }));
  const sum = ages.reduce((a, b) => a + b, 0);
  return {
    bands,
    unknown: delegates.length - ages.length,
    averageAge: ages.length === 0 ? null : Math.round((10 * sum) / ages.length) / 10,
  };
}

function educationTally(delegates: readonly StructureDelegate[]): Tally[] {
  const levels = delegates.map((d) =>
    d.education.trim() === '' ? '未填' : (educationLevelOf(d.education) ?? '其他'),
  );
  const tally = educationLevels.map((label) => ({
    label,
    count: levels.filter((l) => l === label).length,
  }));
  const other = levels.filter((l) => l === '其他').length;
  return withUnknown(
    other > 0 ? [...tally, { label: '其他', count: other }] : tally,
    levels.filter((l) => l === '未填').length,
  );
}

function withUnknown(tally: Tally[], unknown: number): Tally[] {
  return unknown > 0 ? [...tally, { label: '未填', count: unknown }] : tally;
}

function tallyInOrder(labels: readonly string[]): Tally[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}
