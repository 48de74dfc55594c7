import { z } from 'zod';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roles } from '../domain/roles';

const percentSchema = z
  .number({ error: '比例应为 0 至 100 之间的数' })
  .min(0, '比例不能小于 0')
  .max(100, '比例不能大于 100')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, '比例最多保留两位小数');

const opSchema = z.enum(['>=', '<='], { error: '应为“不低于”（>=）或“不超过”（<=）' });

/** A congress's requirement on its make-up, e.g. 女代表不低于 30%. */
export const structureTargetSchema = z.discriminatedUnion(
  'metric',
  [
    z.strictObject({ metric: z.literal('women'), op: opSchema, percent: percentSchema }),
    z.strictObject({ metric: z.literal('minority'), op: opSchema, percent: percentSchema }),
    z.strictObject({ metric: z.literal('frontline'), op: opSchema, percent: percentSchema }),
    z.strictObject({ metric: z.literal('college'), op: opSchema, percent: percentSchema }),
    z.strictObject({
      metric: z.literal('age-at-most'),
      years: z
        .number({ error: '年龄应为整数' })
        .int('年龄应为整数')
        .min(18, '年龄不能小于 18')
        .max(100, '年龄不能大于 100'),
      op: opSchema,
      percent: percentSchema,
    }),
    z.strictObject({
      metric: z.literal('category'),
      category: z.string().trim().min(1, '代表类别不能为空').max(40, '代表类别不能超过 40 个字'),
      op: opSchema,
      percent: percentSchema,
    }),
  ],
  { error: '应为 女代表、少数民族、一线、大专及以上、年龄 或 代表类别 指标' },
);

export type StructureTarget = z.output<typeof structureTargetSchema>;
export type StructureMetric = StructureTarget['metric'];

export interface StructureTally {
  label: string;
  count: number;
}

export interface StructureTargetResult {
  target: StructureTarget;
  label: string;
  count: number;
  total: number;
  met: boolean;
  /** How many more (不低于) or fewer (不超过) delegates would meet the target; 0 when met. */
  gap: number;
  sentence: string;
}

/** 代表结构 of the whole roster, as of the congress date, with each target met or not. */
export interface StructureReportRecord {
  congressId: number;
  asOf: string;
  total: number;
  gender: StructureTally[];
  ethnicity: { han: number; minority: number; unknown: number; minorities: StructureTally[] };
  age: { bands: StructureTally[]; unknown: number; averageAge: number | null };
  education: StructureTally[];
  unrecognisedEducation: string[];
  category: StructureTally[];
  unit: StructureTally[];
  targets: StructureTargetResult[];
}

export const structureMethods = {
  'structure.report': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<StructureReportRecord>(),
  }),
};
