import { z } from 'zod';
import { idSchema } from './fields';
import { method, returns } from './method';
import { electedListSchema, resultSheetSchema, summarySchema } from './results';
import { roles, type Role } from '../domain/roles';

/** What can be printed from set-up; later areas add their kinds (result sheets, …) here. */
export const printoutSchema = z.discriminatedUnion(
  'kind',
  [
    /** The ballot of one round; blocked while the slate is outside its bounds. */
    z.strictObject({ kind: z.literal('ballot'), roundId: idSchema }),
    z.strictObject({ kind: z.literal('sign-in'), congressId: idSchema }),
    /** Every delegate's card, or only those listed (a card lost or misprinted). */
    z.strictObject({
      kind: z.literal('cards'),
      congressId: idSchema,
      delegateIds: z.array(idSchema).min(1, '至少选择一名代表').max(5000).optional(),
    }),
    /** The 分发/收回选票情况报告单 of a round whose ballots have been issued. */
    z.strictObject({ kind: z.literal('issuance'), roundId: idSchema }),
    /** 代表结构情况, for the 代表资格审查 report. */
    z.strictObject({ kind: z.literal('structure'), congressId: idSchema }),
    /** 计票结果报告单, 当选名单 and 选举结果汇总 (shared/api/results.ts). */
    resultSheetSchema,
    electedListSchema,
    summarySchema,
  ],
  {
    error:
      '应为 ballot（选票）、sign-in（签到表）、cards（代表证）、structure（代表结构情况）、issuance（分发/收回选票情况报告单）、result-sheet（计票结果报告单）、elected-list（当选名单）或 summary（选举结果汇总）',
  },
);

export type Printout = z.input<typeof printoutSchema>;
export type PrintoutKind = Printout['kind'];

export interface PrintoutPreview {
  title: string;
  /** A complete HTML document, the same the PDF is printed from. */
  html: string;
}

export interface PrintoutPdf {
  title: string;
  fileName: string;
  /** The PDF's bytes, base64. */
  pdf: string;
  /** A ballot's round after printing (draft → printed). */
  roundState: 'printed' | null;
}

/**
 * Who may print each kind to PDF (anyone signed in may preview): the papers of set-up are the
 * administrator's; the reports of a round's issuance and results are for everyone at the count.
 */
export const printoutAccess = {
  ballot: ['admin'],
  'sign-in': ['admin'],
  cards: ['admin'],
  structure: ['admin'],
  issuance: roles,
  'result-sheet': roles,
  'elected-list': roles,
  summary: roles,
} as const satisfies Record<PrintoutKind, readonly Role[]>;

export const printoutsMethods = {
  'printouts.preview': method({
    input: printoutSchema,
    access: roles,
    output: returns<PrintoutPreview>(),
  }),
  /**
   * Prints to PDF, for the roles `printoutAccess` names for the kind; printing a ballot marks its
   * round printed (audited).
   */
  'printouts.pdf': method({
    input: printoutSchema,
    access: roles,
    output: returns<PrintoutPdf>(),
  }),
};
