import { z } from 'zod';
import { isoDateSchema } from './congress';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

const text = (label: string, max: number) =>
  z
    .string({ error: `应为${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);

/** One delegate as the operator types it (or fixes a roster row). */
const delegateInputSchema = z.strictObject({
  name: text('姓名', 40)
    .min(1, '姓名不能为空')
    .transform((name) => name.replace(/\s+/g, ' ')),
  gender: z.enum(['男', '女'], { error: '应为 男 或 女' }).nullable(),
  ethnicity: text('民族', 20),
  birthDate: isoDateSchema.nullable(),
  education: text('学历', 40),
  category: text('代表类别', 40),
  unit: text('选举单位', 100),
  /** Printed as a Code 128 barcode and typed back by the scanner: printable ASCII only. */
  cardNo: z
    .string({ error: '应为代表证号' })
    .trim()
    .min(1, '代表证号不能为空')
    .max(20, '代表证号不能超过 20 个字符')
    .regex(/^[\x20-\x7e]+$/, '代表证号只能含字母、数字和常用符号（条码无法表示汉字）'),
  hasVote: z.boolean({ error: '应为 有 或 无 选举权' }),
});

export type DelegateInput = z.input<typeof delegateInputSchema>;

export type AttendanceStatus = 'present' | 'leave' | 'absent';

export interface DelegateRecord {
  id: number;
  congressId: number;
  name: string;
  gender: '男' | '女' | null;
  ethnicity: string;
  birthDate: string | null;
  education: string;
  category: string;
  unit: string;
  cardNo: string;
  hasVote: boolean;
  /** 不计入应到, with the reason; null when not excused. */
  excusedReason: string | null;
  /** 报到 so far: null means not yet arrived. */
  attendance: AttendanceStatus | null;
}

/** 应到 = with a vote and not excused; present, leave, absent and notYet split it. */
export interface RosterCounts {
  roster: number;
  withoutVote: number;
  excused: number;
  entitled: number;
  present: number;
  leave: number;
  absent: number;
  notYet: number;
}

export interface DelegateMatch {
  id: number;
  name: string;
  unit: string;
  cardNo: string;
}

/** The largest roster file accepted: a 300-delegate spreadsheet is well under 1 MB. */
export const rosterMaxBytes = 5 * 1024 * 1024;

const rosterFile = {
  congressId: idSchema,
  fileName: z.string({ error: '应为文件名' }).trim().min(1, '文件名不能为空').max(255),
  /** The file's bytes, base64. */
  content: z
    .string({ error: '应为文件内容（base64）' })
    .max(Math.ceil(rosterMaxBytes / 3) * 4, `名册文件过大，最多 ${rosterMaxBytes / 1048576} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64 编码'),
  /** Rows the operator corrected before accepting: each replaces that line of the file. */
  fixes: z
    .array(z.strictObject({ line: z.int().positive(), delegate: delegateInputSchema }))
    .max(5000)
    .optional(),
};

export interface RosterProblemRecord {
  line: number;
  column: string;
  reason: string;
  severity: 'error' | 'warning';
}

export type RosterChange = 'created' | 'updated' | 'unchanged';

export interface RosterLine {
  line: number;
  /** The file's values under `headers`, as understood (or as read where they were not). */
  cells: string[];
  /** 'fixed': corrected by the operator in the preview; it imports as corrected. */
  status: 'ok' | 'warning' | 'error' | 'fixed';
  reasons: string[];
  /** What will be written for this line; for an error line, the values read, to start a fix from. */
  delegate: DelegateInput;
  /** Against the roster in the database; null for a line that will not be imported. */
  change: RosterChange | null;
}

export interface RosterReview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How a CSV's text was read, in words (UTF-8, GBK/GB18030, …); null for XLSX. */
  encoding: string | null;
  headerLine: number;
  headers: string[];
  lines: RosterLine[];
  /** Every problem, by line then column. */
  problems: RosterProblemRecord[];
  notes: string[];
  summary: {
    lines: number;
    /** Lines that will be written if the operator accepts (warnings and fixed included). */
    importable: number;
    errors: number;
    warnings: number;
    fixed: number;
    created: number;
    updated: number;
    unchanged: number;
    /** Delegates in the database whose card number is not in this file (left as they are). */
    notInFile: number;
  };
}

export interface RosterImported {
  created: number;
  updated: number;
  unchanged: number;
  /** Lines with errors left out (valid-only). */
  skipped: number[];
  fixed: number[];
}

const { admin } = roleGroups;

export const delegatesMethods = {
  'delegates.list': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<{ delegates: DelegateRecord[]; counts: RosterCounts }>(),
  }),
  /** By name, pinyin or initials (zs → 张三), or card number; at most `limit` matches. */
  'delegates.search': method({
    input: z.strictObject({
      congressId: idSchema,
      query: z.string({ error: '应为查询文字' }).trim().max(40, '查询文字过长'),
      limit: z.int().min(1).max(50).optional(),
    }),
    access: roles,
    output: returns<DelegateMatch[]>(),
  }),
  'delegates.add': method({
    input: z.strictObject({ congressId: idSchema, delegate: delegateInputSchema }),
    access: admin,
    output: returns<DelegateRecord>(),
  }),
  'delegates.update': method({
    input: z.strictObject({ delegateId: idSchema, delegate: delegateInputSchema }),
    access: admin,
    output: returns<DelegateRecord>(),
  }),
  /** 不计入应到 (excused with the higher organisation's approval), with the reason. */
  'delegates.excuse': method({
    input: z.strictObject({
      delegateId: idSchema,
      reason: z
        .string({ error: '应为请假事由' })
        .trim()
        .min(1, '请填写事由（如：因病住院、出国半年以上）')
        .max(100, '事由不能超过 100 个字'),
    }),
    access: admin,
    output: returns<DelegateRecord>(),
  }),
  'delegates.unexcuse': method({
    input: z.strictObject({ delegateId: idSchema }),
    access: admin,
    output: returns<DelegateRecord>(),
  }),
  /** Refused once the delegate has checked in (or been marked on leave or absent). */
  'delegates.remove': method({
    input: z.strictObject({ delegateId: idSchema }),
    access: admin,
    output: returns<null>(),
  }),
  /** Reads the file and reports every problem; writes nothing. */
  'roster.preview': method({
    input: z.strictObject(rosterFile),
    access: admin,
    output: returns<RosterReview>(),
  }),
  /**
   * Writes the reviewed file in one transaction, updating by card number: `all` is refused while
   * any line has an error; `valid-only` leaves those lines out.
   */
  'roster.import': method({
    input: z.strictObject({
      ...rosterFile,
      mode: z.enum(['all', 'valid-only'], { error: '应为 all 或 valid-only' }),
    }),
    access: admin,
    output: returns<RosterImported>(),
  }),
};
