import { z } from 'zod';
import { roleGroups } from '../domain/roles';
import type { PageReading, ReadStatus, WriteInRead } from '../scan/read';
import { ballotEntrySchema, type Committed, type PassProgress } from './entry';
import { idSchema } from './fields';
import { method, returns } from './method';

/**
 * 扫描录入: a teller's pass of a box entered from scanned sheets instead of keys. Each sheet the
 * scanner (a watched folder, picked files, a camera frame) delivers is read by the machine and
 * waits as a reading: it is not a ballot until the teller confirms it, marks and written names
 * as the paper shows them, and it then goes into the pass exactly as a keyed ballot does. The
 * scrutineers see the image behind each ballot of a scanned pass when they reconcile.
 */

/** pending: waits for the teller; refused: never counts; skipped: a blank page, not a ballot. */
export type SheetStatus = 'pending' | 'confirmed' | 'refused' | 'skipped';

export interface SheetPage {
  /** 1-based page of the ballot; 0 where the machine found none. */
  page: number;
  /** SHA-256 of the page image (`scan.image` gives its bytes). */
  image: string;
  reading: PageReading;
}

/** One scanned sheet (a ballot's pages merged in scanning order) and what the machine read. */
export interface ScanSheet {
  id: number;
  boxId: number;
  pass: 1 | 2;
  /** Its place in scanning order within the pass, from 1. */
  place: number;
  status: SheetStatus;
  /** Why it was refused or skipped; null otherwise. */
  reason: string | null;
  /** The machine's verdict over the pages: 'read' only when every page was read with confidence. */
  machine: ReadStatus;
  /** Every page of the ballot is there. */
  complete: boolean;
  /** One of O X - ? per candidate in ballot order, as the machine read it (? where not read). */
  marks: string;
  confidence: number[];
  writeIns: WriteInRead[];
  pages: SheetPage[];
  /** The ballot's place in the pass once confirmed. */
  seq: number | null;
}

export interface ScanSheets {
  boxId: number;
  pass: 1 | 2;
  /** The pass took scanned sheets. */
  scanned: boolean;
  /** Pages of one printed ballot of the round. */
  pagesPerBallot: number | null;
  /** The folder watched for this box: how many files it gave, and the last file refused. */
  watching: { folder: string; taken: number; problem: string | null } | null;
  sheets: ScanSheet[];
  progress: PassProgress;
}

export interface ScanIntake {
  /** Pages taken from the files or frame. */
  pages: number;
  /** The sheets these pages made or completed, in scanning order. */
  sheets: ScanSheet[];
}

export interface ScanImage {
  digest: string;
  mime: 'image/png';
  /** The image as a data URL, for an <img>. */
  dataUrl: string;
}

export interface ScanConfirmed {
  sheet: ScanSheet;
  committed: Committed;
}

/** A file is at most this many base64 characters (about 48 MB). */
const MAX_BASE64 = 64_000_000;

const contentSchema = z
  .string({ error: '应为 base64 编码的文件内容' })
  .min(1, '文件内容为空')
  .max(MAX_BASE64, '文件过大（单个文件不能超过约 48 MB）')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '应为 base64 编码的文件内容');

const fileNameSchema = z
  .string({ error: '应为文件名' })
  .trim()
  .min(1, '文件名不能为空')
  .max(255, '文件名过长');

const reasonSchema = z
  .string({ error: '应为拒收原因' })
  .trim()
  .min(1, '请填写拒收原因')
  .max(100, '拒收原因不能超过 100 个字');

const { tellers, countRoom } = roleGroups;

export const scanMethods = {
  /** The sheets of a pass in scanning order: a teller sees only their own pass. */
  'scan.sheets': method({
    input: z.strictObject({
      boxId: idSchema,
      pass: z.union([z.literal(1), z.literal(2)]).optional(),
    }),
    access: countRoom,
    output: returns<ScanSheets>(),
  }),
  /** The image of one page: of a sheet, or of the sheet a ballot was confirmed from. */
  'scan.image': method({
    input: z
      .strictObject({
        sheetId: idSchema.optional(),
        ballotId: idSchema.optional(),
        page: z.int({ error: '应为页码' }).min(0, '应为页码').max(99, '应为页码').optional(),
      })
      .refine((i) => (i.sheetId === undefined) !== (i.ballotId === undefined), {
        message: '应给出 sheetId 或 ballotId 之一',
      }),
    access: countRoom,
    output: returns<ScanImage>(),
  }),
  /** Files picked or dropped (JPEG, PNG, TIFF, PDF; several pages each), in the given order. */
  'scan.submitFiles': method({
    input: z.strictObject({
      boxId: idSchema,
      files: z
        .array(z.strictObject({ name: fileNameSchema, content: contentSchema }))
        .min(1, '请选择文件')
        .max(50, '一次最多 50 个文件'),
    }),
    access: tellers,
    output: returns<ScanIntake>(),
  }),
  /** One camera frame (JPEG or PNG), taken once the four registration marks are in view. */
  'scan.submitFrame': method({
    input: z.strictObject({ boxId: idSchema, content: contentSchema }),
    access: tellers,
    output: returns<ScanIntake>(),
  }),
  /** Takes each new file the scanner saves into the folder for the caller's pass of the box. */
  'scan.watch': method({
    input: z.strictObject({
      boxId: idSchema,
      folder: z.string({ error: '应为文件夹路径' }).trim().min(1, '请选择文件夹').max(1000),
    }),
    access: tellers,
    output: returns<{ boxId: number; folder: string }>(),
  }),
  'scan.unwatch': method({
    input: z.strictObject({ boxId: idSchema }),
    access: tellers,
    output: returns<{ boxId: number; folder: null }>(),
  }),
  /** Enters a pending sheet as a ballot, as the teller reads the paper, at the pass's next place. */
  'scan.confirm': method({
    input: z.strictObject({ sheetId: idSchema, ballot: ballotEntrySchema }),
    access: tellers,
    output: returns<ScanConfirmed>(),
  }),
  /**
   * Enters several sheets as the machine read them: only sheets the machine read with confidence
   * (`machine` 'read') and the teller has looked at, the next pending ones in scanning order.
   */
  'scan.confirmMany': method({
    input: z.strictObject({
      boxId: idSchema,
      sheetIds: z.array(idSchema).min(1, '请选择要确认的选票').max(500, '一次最多确认 500 张'),
    }),
    access: tellers,
    output: returns<{ confirmed: number; progress: PassProgress }>(),
  }),
  /** A sheet that is not a ballot of this box, or cannot be read: it never counts. */
  'scan.refuse': method({
    input: z.strictObject({ sheetId: idSchema, reason: reasonSchema }),
    access: tellers,
    output: returns<ScanSheet>(),
  }),
  /** A sheet that is no ballot at all (a back page, a sheet scanned twice): set aside. */
  'scan.skip': method({
    input: z.strictObject({ sheetId: idSchema }),
    access: tellers,
    output: returns<ScanSheet>(),
  }),
};
