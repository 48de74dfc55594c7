import { z } from 'zod';

/** Field schemas shared by several areas; each message finishes the sentence "参数 <field> 无效：…". */

export const pinSchema = z
  .string({ error: '应为 4 至 8 位数字' })
  .regex(/^[0-9]{4,8}$/, '应为 4 至 8 位数字');

export const personNameSchema = z
  .string({ error: '应为姓名' })
  .trim()
  .min(1, '姓名不能为空')
  .max(40, '姓名不能超过 40 个字');

export const idSchema = z
  .number({ error: '应为编号（正整数）' })
  .int('应为编号（正整数）')
  .positive('应为编号（正整数）');

export const noInput = z.strictObject({});
