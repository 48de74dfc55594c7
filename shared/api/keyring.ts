import { z } from 'zod';
import type { SigningAlgorithm } from '../export/manifest';
import type { Verdict } from './export';
import { idSchema, personNameSchema } from './fields';
import { method, returns } from './method';

/*
 * 密钥登记 and 报送汇总: the county office's side. Like checking a package, these need no
 * sign-in (the county's laptop has no congress and no people); each change names who made it and
 * why, and is audited.
 */

export interface KeyringEntryInfo {
  id: number;
  organiser: string;
  algorithm: SigningAlgorithm | null;
  fingerprint: string;
  /** Whether the public key itself is held, or only its fingerprint (typed from the key card). */
  hasKey: boolean;
  source: 'key-file' | 'fingerprint' | 'package' | 'import';
  reason: string;
  registeredBy: string;
  registeredAt: string;
  withdrawn: { at: string; by: string; reason: string } | null;
}

export interface KeyringFile {
  fileName: string;
  /** The file's text (JSON). */
  content: string;
}

/** One package of a folder, as the county sees it. */
export interface SurveyRow {
  /** The file's path inside the folder. */
  file: string;
  verdict: Verdict['verdict'];
  /** Why it is not a pass (the file at fault first, for a broken one); '' for a pass. */
  reason: string;
  congress: string | null;
  organiser: string | null;
  heldOn: string | null;
  fingerprint: string | null;
  elections: {
    title: string;
    seats: number;
    elected: string[];
    entitled: number | null;
    present: number | null;
  }[];
}

export interface Survey {
  folder: string;
  /** Broken first, then unregistered signers, then the passes; by file name within each. */
  rows: SurveyRow[];
  counts: { pass: number; unregistered: number; fail: number };
}

const by = personNameSchema;
const reason = z
  .string({ error: '应为原因' })
  .trim()
  .min(2, '请写明原因（至少 2 个字）')
  .max(200, '原因不能超过 200 个字');
const organiser = z
  .string({ error: '应为单位名称' })
  .trim()
  .min(1, '请填写主办单位（与结果包中写的一致）')
  .max(100, '单位名称过长');
const folder = z
  .string({ error: '应为文件夹路径' })
  .trim()
  .min(1, '请填写结果包所在的文件夹')
  .max(1000, '路径过长');
const packageBytes = z
  .base64({ error: '应为结果包文件的内容（base64）' })
  .min(1, '请选择结果包文件');

export const keyringSource = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('key-file'),
      content: z.string().min(1, '公钥文件是空的').max(10_000, '公钥文件过大'),
    }),
    z.strictObject({
      kind: z.literal('fingerprint'),
      fingerprint: z.string({ error: '应为公钥指纹' }).max(60, '指纹过长'),
    }),
  ],
  { error: '应为公钥文件或指纹' },
);

export const keyringMethods = {
  'keyring.list': method({
    input: z.strictObject({}),
    access: 'public',
    output: returns<KeyringEntryInfo[]>(),
  }),
  /** Registers a key for an organiser, from its public key file or its printed fingerprint. */
  'keyring.register': method({
    input: z.strictObject({ organiser, source: keyringSource, by, reason }),
    access: 'public',
    output: returns<KeyringEntryInfo>(),
  }),
  /**
   * Registers the key that signed an intact package, for the organiser it names, once the person
   * has compared its fingerprint with the one printed on the signed paper result sheet.
   */
  'keyring.registerSigner': method({
    input: z.strictObject({
      package: packageBytes,
      compared: z.literal(true, { error: '请先与纸质报告单上打印的指纹逐位核对，并勾选确认' }),
      by,
      reason,
    }),
    access: 'public',
    output: returns<KeyringEntryInfo>(),
  }),
  'keyring.withdraw': method({
    input: z.strictObject({ id: idSchema, by, reason }),
    access: 'public',
    output: returns<KeyringEntryInfo>(),
  }),
  /** The whole keyring as one file, for the county's other laptops. */
  'keyring.export': method({
    input: z.strictObject({}),
    access: 'public',
    output: returns<KeyringFile>(),
  }),
  /** Adds what a keyring file holds and this one lacks; withdrawals in it are applied too. */
  'keyring.import': method({
    input: z.strictObject({
      content: z.string().min(1, '密钥登记文件是空的').max(5_000_000, '密钥登记文件过大'),
      by,
    }),
    access: 'public',
    output: returns<{ added: number; withdrawn: number; unchanged: number }>(),
  }),
  /** 报送汇总: every package in the folder (and its subfolders), verified against the keyring. */
  'keyring.survey': method({
    input: z.strictObject({ folder }),
    access: 'public',
    output: returns<Survey>(),
  }),
  /** The same, as an .xlsx workbook (base64). */
  'keyring.surveyXlsx': method({
    input: z.strictObject({ folder }),
    access: 'public',
    output: returns<{ fileName: string; base64: string; survey: Survey }>(),
  }),
};
