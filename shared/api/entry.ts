import { z } from 'zod';
import type { BoxState } from '../domain/boxes';
import type { StoredBallot } from '../domain/paper-ballot';
import type { RoundState } from '../domain/rounds';
import type { RoundKind } from '../tally/types';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/**
 * 录入: boxes and their expected counts, the tellers' entry of every ballot (twice under 双人录入),
 * the comparison and its reconciliation, and the live tally board.
 *
 * Who may do what: a 计票人 enters (opens a pass, commits, voids and re-enters, finishes their
 * pass); the 监票人 and the 总监票人 set up the boxes (they hold the hand count), send a box back,
 * settle the differences and close the entry. Everyone signed in may look; the board is public,
 * for the projector.
 */

/** One entry pass of a box and who types it. */
export interface PassRecord {
  pass: 1 | 2;
  tellerId: number;
  tellerName: string;
  /** Ballots standing in the pass (voided ones left out). */
  live: number;
  done: boolean;
}

export interface BoxRecord {
  id: number;
  roundId: number;
  label: string;
  expected: number;
  state: BoxState;
  passes: PassRecord[];
  /** Its ballots count in the tally (entered; reconciled under double entry). */
  counts: boolean;
  /** While comparing: differences not yet settled. */
  unresolved: number | null;
}

/** What the entry screen needs of a round: its paper ballot and the rules it is read by. */
export interface EntryRound {
  id: number;
  electionId: number;
  title: string;
  kind: RoundKind;
  state: RoundState;
  seats: number;
  /** The most "for" marks a valid ballot carries: seats, or 正式候选人数 in 预选. */
  limit: number;
  doubleEntry: boolean;
  /** In ballot order, as printed. */
  candidates: string[];
  /** Blanks on the paper for 另选他人; 0 where none are printed (and in a runoff). */
  writeInBlanks: number;
  writeInWithoutMark: 'ignore' | 'for';
  issued: number | null;
  returned: number | null;
}

export interface EntryOverview {
  /** The round being counted (or last counted) of the election; null before ballots come back. */
  round: EntryRound | null;
  /** Why there is nothing to enter yet, in words; null when entry is open. */
  notice: string | null;
  boxes: BoxRecord[];
  /** Expected counts of all boxes against ballots returned: the difference must be 0. */
  totals: { expected: number; returned: number | null; difference: number | null };
  /** Whether the round can go to the tally now, and if not, every reason. */
  finish: { ready: boolean; blockers: string[] };
  /** This round's board is on the projector. */
  projected: boolean;
}

/** Where a teller stands in their pass. */
export interface PassProgress {
  boxId: number;
  pass: 1 | 2;
  live: number;
  expected: number;
  /** The place of the next ballot: a voided one to enter again, or the one after the last. */
  nextSeq: number;
  /** nextSeq is a voided ballot's place (re-entry after a correction). */
  reentry: boolean;
  /** The place of the ballot committed last in this pass; null before the first. */
  lastSeq: number | null;
}

export interface EntrySheet {
  round: EntryRound;
  box: BoxRecord;
  progress: PassProgress;
}

export interface Committed {
  seq: number;
  /** The reason the ballot is invalid (over-vote or declared), as stored; null when valid. */
  invalidReason: string | null;
  progress: PassProgress;
}

export interface EnteredBallot extends StoredBallot {
  id: number;
  seq: number;
  voidedReason: string | null;
}

export interface Difference {
  seq: number;
  first: StoredBallot;
  second: StoredBallot;
  /** The entries of this paper taken from a scanned sheet: its image is behind `scan.image`. */
  scanned: { pass: 1 | 2; ballotId: number }[];
  resolution: {
    choice: 'first' | 'second' | 'other';
    note: string;
    resolvedBy: string;
    at: string;
    decided: StoredBallot;
  } | null;
}

export interface Comparison {
  box: BoxRecord;
  round: EntryRound;
  firstTeller: string;
  secondTeller: string;
  /** Every place where the two passes differ, in seq order, settled or not. */
  differences: Difference[];
}

export interface TallyBoard {
  roundId: number;
  title: string;
  kind: RoundKind;
  state: RoundState;
  /** Bumped on every change, so the projector redraws only when something changed. */
  version: number;
  candidates: { name: string; for: number }[];
  /** Written names with at least one vote. */
  writeIns: { name: string; for: number }[];
  /** Ballots on the board: each box's first entry (decided ballots after reconciliation). */
  entered: number;
  valid: number;
  invalid: number;
  returned: number | null;
  /** Under double entry, some boxes are not reconciled yet: the counts may still change. */
  provisional: boolean;
}

const writeInSchema = z.strictObject({
  name: z
    .string({ error: '应为另选人姓名' })
    .trim()
    .min(1, '另选人姓名不能为空')
    .max(40, '另选人姓名不能超过 40 个字')
    .transform((name) => name.replace(/\s+/g, '')),
  mark: z.enum(['O', '-'], { error: '应为 O（画○）或 -（未画）' }),
});

const reasonSchema = (what: string) =>
  z
    .string({ error: `应为${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(100, `${what}不能超过 100 个字`);

export const ballotEntrySchema = z.strictObject({
  marks: z
    .string({ error: '应为选票上的符号' })
    .max(150, '符号过多')
    .regex(/^[OX?-]*$/, '只能含 O（○）、X（×）、-（弃权）、?（不清）'),
  writeIns: z.array(writeInSchema).max(60, '另选人过多'),
  declaredInvalid: reasonSchema('废票原因').nullable(),
});

const expectedSchema = z
  .number({ error: '应为张数' })
  .int('张数应为整数')
  .min(0, '张数不能小于 0')
  .max(100_000, '张数过大');

const { countRoom, scrutineers, tellers } = roleGroups;

export const entryMethods = {
  /** The election's round under entry (or last entered), its boxes and whether it can finish. */
  'entry.overview': method({
    input: z.strictObject({ electionId: idSchema }),
    access: roles,
    output: returns<EntryOverview>(),
  }),
  'entry.createBox': method({
    input: z.strictObject({
      roundId: idSchema,
      label: z
        .string({ error: '应为票箱名称' })
        .trim()
        .min(1, '票箱名称不能为空')
        .max(40, '票箱名称不能超过 40 个字'),
      expected: expectedSchema,
    }),
    access: scrutineers,
    output: returns<BoxRecord>(),
  }),
  /** The hand count of a box, while its first pass is open; never below what is entered. */
  'entry.setExpected': method({
    input: z.strictObject({ boxId: idSchema, expected: expectedSchema }),
    access: scrutineers,
    output: returns<BoxRecord>(),
  }),
  /** Only a box nothing was ever entered into. */
  'entry.removeBox': method({
    input: z.strictObject({ boxId: idSchema }),
    access: scrutineers,
    output: returns<null>(),
  }),
  /** Starts or resumes the caller's pass: pass 1, or pass 2 by another teller (双人录入). */
  'entry.open': method({
    input: z.strictObject({ boxId: idSchema }),
    access: tellers,
    output: returns<EntrySheet>(),
  }),
  /**
   * Commits one ballot at `seq`, which must be the pass's next place (PassProgress.nextSeq): a
   * retried call after a lost answer is refused instead of entering the ballot twice.
   */
  'entry.commit': method({
    input: z.strictObject({
      boxId: idSchema,
      seq: z.int({ error: '应为选票序号' }).min(1, '应为选票序号'),
      ballot: ballotEntrySchema,
    }),
    access: tellers,
    output: returns<Committed>(),
  }),
  /** A pass's ballots in seq order, voided ones included: a teller sees only their own pass. */
  'entry.ballots': method({
    input: z.strictObject({
      boxId: idSchema,
      pass: z.union([z.literal(1), z.literal(2)]).optional(),
    }),
    access: countRoom,
    output: returns<EnteredBallot[]>(),
  }),
  /** Voids a ballot of the caller's open pass; the next commit enters it again at its place. */
  'entry.void': method({
    input: z.strictObject({
      boxId: idSchema,
      seq: z.int({ error: '应为选票序号' }).min(1, '应为选票序号'),
      reason: reasonSchema('作废原因'),
    }),
    access: tellers,
    output: returns<PassProgress>(),
  }),
  /** Closes the caller's pass once it holds exactly the box's count. */
  'entry.finishPass': method({
    input: z.strictObject({ boxId: idSchema }),
    access: tellers,
    output: returns<BoxRecord>(),
  }),
  /** Reopens the first pass for its teller to correct, before the comparison. */
  'entry.sendBack': method({
    input: z.strictObject({ boxId: idSchema, reason: reasonSchema('退回原因') }),
    access: scrutineers,
    output: returns<BoxRecord>(),
  }),
  /**
   * 重开已核对的票箱 (总监票人): a recount found a reconciled box miscounted. Both passes reopen
   * for correction and are compared afresh; a round whose entry was closed goes back to
   * counting. Refused for a certified round (its certification must be lifted first).
   */
  'entry.reopenBox': method({
    input: z.strictObject({ boxId: idSchema, reason: reasonSchema('重开原因') }),
    access: roleGroups.chief,
    output: returns<BoxRecord>(),
  }),
  'entry.differences': method({
    input: z.strictObject({ boxId: idSchema }),
    access: scrutineers,
    output: returns<Comparison>(),
  }),
  /** Settles one difference against the paper; the last one reconciles the box. */
  'entry.resolve': method({
    input: z.strictObject({
      boxId: idSchema,
      seq: z.int({ error: '应为选票序号' }).min(1, '应为选票序号'),
      choice: z.enum(['first', 'second', 'other'], { error: '应为 first、second 或 other' }),
      /** The ballot as the paper shows it: with choice 'other' only. */
      ballot: ballotEntrySchema.optional(),
      note: z.string({ error: '应为说明' }).trim().max(200, '说明不能超过 200 个字'),
    }),
    access: scrutineers,
    output: returns<Comparison>(),
  }),
  /** Closes entry: every box done and the boxes add up to ballots returned; the round is counted. */
  'entry.finish': method({
    input: z.strictObject({ roundId: idSchema }),
    access: scrutineers,
    output: returns<EntryOverview>(),
  }),
  /** The projected round's board (or the given round's); null when none is chosen. */
  'entry.board': method({
    input: z.strictObject({ roundId: idSchema.optional() }),
    access: 'public',
    output: returns<TallyBoard | null>(),
  }),
  /** Puts a round's board on the projector, or takes it off (null). */
  'entry.project': method({
    input: z.strictObject({ roundId: idSchema.nullable() }),
    access: roles,
    output: returns<{ roundId: number | null }>(),
  }),
};
