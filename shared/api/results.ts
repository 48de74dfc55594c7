import { z } from 'zod';
import type { RoundState } from '../domain/rounds';
import type { DeterminationKind, Office, Outcome, RoundKind } from '../tally/types';
import { candidateInputSchema } from './elections';
import { idSchema, pinSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/**
 * 计票结果 and 宣布: the tally of a counted round with the engine's reasons, the follow-up rounds
 * it calls for (再次投票, 另行选举, or the chair's decision to reduce seats), certification by the
 * 总监票人, the announcement on the projector, and the printed result sheets.
 */

/** A round as the results step lists it. */
export interface ResultRound {
  id: number;
  /** 1 for the election's first round, in the order they were held. */
  number: number;
  /** 第 2 轮（再次投票） */
  label: string;
  kind: RoundKind;
  seats: number;
  state: RoundState;
  /** The round this one follows (再次投票, 另行选举) or repeats (重新选举). */
  parentRoundId: number | null;
}

/** One name on the result: a candidate, or a name written in with votes that count. */
export interface NameResultRecord {
  name: string;
  writeIn: boolean;
  for: number;
  /** null for a written-in name: only ○ counts for it. */
  against: number | null;
  abstain: number | null;
  outcome: Outcome;
  /** The engine's one-line reason, with the rule it applied. */
  explanation: string;
}

export interface Confirmation {
  by: string;
  at: string;
  note: string;
  /** false: found ineligible (note says why); the name is not elected and its seat is vacant. */
  eligible: boolean;
}

/** An elected written-in name, and whether the scrutineers have confirmed its eligibility. */
export interface EligibilityRecord {
  name: string;
  confirmed: Confirmation | null;
}

export interface SeatReductionRecord {
  seatsBefore: number;
  seatsAfter: number;
  /** Whose decision (e.g. 大会主席团). */
  decidedBy: string;
  reason: string;
  recordedBy: string;
  at: string;
}

/** What this round's result calls for next. */
export type FollowUp =
  | { kind: 'none' }
  /** A certified 预选 (or its runoff): the names it qualified become the formal round's. */
  | {
      kind: 'formal';
      formalCandidates: number;
      /** Qualified over the 预选 and its runoffs, in the engine's order. */
      qualified: string[];
      /** The formal round opened from them, if any. */
      round: ResultRound | null;
      /** Why the formal round cannot be opened yet; null when it can (or was). */
      blocked: string | null;
    }
  /** Equal votes straddle the last seat: opened when the round is certified. */
  | { kind: 'runoff'; seats: number; candidates: string[]; round: ResultRound | null }
  | {
      kind: 'shortfall';
      vacancies: number;
      /** Seats a 另行选举 would fill: the vacancies less any the chair reduced. */
      seats: number;
      /** The engine's proposal for a 另行选举, most votes first. */
      proposed: string[];
      /** The names a 另行选举 may list: this election's, not elected in any round. */
      eligible: string[];
      /** The 差额 a 另行选举 list must keep. */
      minCandidates: number;
      maxCandidates: number | null;
      /** The 另行选举 opened, if any, with its list. */
      round: (ResultRound & { candidates: string[] }) | null;
      reduction: SeatReductionRecord | null;
    };

export interface UnlockRecord {
  by: string;
  at: string;
  reason: string;
}

export interface RoundResults {
  congressName: string;
  electionId: number;
  electionTitle: string;
  office: Office;
  round: ResultRound;
  /** attendance: party rules (应到 / 实到); turnout: village and 人大 (登记选民, ballots returned). */
  basis: 'attendance' | 'turnout';
  entitled: number;
  present: number | null;
  status: 'valid' | 'invalid';
  ballots: { issued: number; returned: number; valid: number | null; invalid: number | null };
  /** null where the most votes decide (再次投票). */
  threshold: { minVotes: number; text: string } | null;
  /** The rule that decides without a threshold, or why nothing was counted. */
  thresholdNote: string;
  /** Candidates in ballot order, then written-in names by votes. */
  names: NameResultRecord[];
  /** In announcement order. */
  elected: string[];
  /** How the elected list is ordered: 按姓氏笔画为序 … */
  orderNote: string;
  vacancies: number;
  determinations: { kind: DeterminationKind; text: string; rule: string }[];
  warnings: { code: string; message: string; names: string[] }[];
  eligibility: EligibilityRecord[];
  followUp: FollowUp;
  certified: { by: string; at: string } | null;
  unlocks: UnlockRecord[];
  /** 计票人 who entered this round's boxes. */
  tellers: string[];
  /** Why the 总监票人 cannot certify now; null when they can (or it is certified). */
  certifyBlocked: string | null;
}

/** The round as the results step has it before the tally exists. */
export interface RoundNotReady {
  round: ResultRound;
  /** Why there is no result yet: 本轮正在计票（录入尚未完成）… */
  notice: string;
  /** A certification lifted for a recount: when, by whom and why. */
  unlocks: UnlockRecord[];
}

/** One elected name of the election, from the round that elected them. */
export interface ElectedName {
  name: string;
  votes: number;
  roundId: number;
  roundLabel: string;
  writeIn: boolean;
}

export interface ElectionResults {
  electionId: number;
  title: string;
  office: Office;
  /** The election's seats, less any the chair reduced. */
  seats: number;
  /** Every round, in the order held. */
  rounds: ResultRound[];
  /** Elected in certified rounds, in announcement order over the whole election. */
  elected: ElectedName[];
  orderNote: string;
  /** Every seat filled by a certified round (or reduced away). */
  complete: boolean;
  /** What is still to be done, in words; null when complete. */
  pending: string | null;
  /** Collation warnings for the combined list: check the order by hand. */
  orderWarnings: string[];
}

/** What the hall's screen shows when a certified result is announced. */
export interface Announcement {
  roundId: number;
  congressName: string;
  electionTitle: string;
  roundLabel: string;
  seats: number;
  status: 'valid' | 'invalid';
  ballots: { issued: number; returned: number; valid: number | null; invalid: number | null };
  /** The election's elected so far (certified rounds up to this one), in announcement order. */
  elected: string[];
  orderNote: string;
  /** What follows: 再次投票 among tied names, 另行选举, or why the round is void. */
  pending: string | null;
}

const reasonSchema = (what: string, max = 200) =>
  z
    .string({ error: `应为${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过 ${max} 个字`);

/** The reports of this step, printed through printouts.preview and printouts.pdf. */
export const resultSheetSchema = z.strictObject({
  kind: z.literal('result-sheet'),
  electionId: idSchema,
  /** One round; without it, every counted round of the election, one sheet each. */
  roundId: idSchema.optional(),
});
export const electedListSchema = z.strictObject({
  kind: z.literal('elected-list'),
  electionId: idSchema,
});
export const summarySchema = z.strictObject({
  kind: z.literal('summary'),
  congressId: idSchema,
});

export type ResultReport = z.input<
  typeof resultSheetSchema | typeof electedListSchema | typeof summarySchema
>;

const { chief, scrutineers, recorders } = roleGroups;

export const resultsMethods = {
  /** Every round of the election and the elected list over its certified rounds. */
  'results.overview': method({
    input: z.strictObject({ electionId: idSchema }),
    access: roles,
    output: returns<ElectionResults>(),
  }),
  /** The tally of a counted or certified round, or why there is none yet. */
  'results.round': method({
    input: z.strictObject({ roundId: idSchema }),
    access: roles,
    output: returns<{ ready: true; results: RoundResults } | ({ ready: false } & RoundNotReady)>(),
  }),
  /** Records that an elected written-in name may hold the office; needed before certifying. */
  'results.confirmEligibility': method({
    input: z.strictObject({
      roundId: idSchema,
      name: z.string({ error: '应为姓名' }).trim().min(1, '应为姓名').max(40, '姓名过长'),
      note: reasonSchema('核实情况（如：经核对党员名册，系本镇正式党员）'),
      /** false records the name ineligible: not elected, its seat left to the shortfall path. */
      eligible: z.boolean({ error: '应为 是 或 否' }).optional(),
    }),
    access: scrutineers,
    output: returns<RoundResults>(),
  }),
  /**
   * 签核: the 总监票人 re-enters their PIN (a wrong one counts toward the lock-out). The round is
   * locked; a tie at the last seat opens the 再次投票 round, ready to print.
   */
  'results.certify': method({
    input: z.strictObject({ roundId: idSchema, pin: pinSchema }),
    access: chief,
    output: returns<RoundResults>(),
  }),
  /** Lifts a certification to recount: PIN and reason, logged and printed on later reports. */
  'results.unlock': method({
    input: z.strictObject({
      roundId: idSchema,
      pin: pinSchema,
      reason: reasonSchema('解锁理由'),
    }),
    access: chief,
    output: returns<RoundNotReady>(),
  }),
  /** Sends a counted (not yet certified) round back to entry for correction. */
  'results.recount': method({
    input: z.strictObject({ roundId: idSchema, reason: reasonSchema('退回原因') }),
    access: chief,
    output: returns<RoundNotReady>(),
  }),
  /**
   * 另行选举 after a shortfall of a certified round: opens the round with these names, or changes
   * the list of the one opened (before voting; after printing only with `confirmReprint`).
   */
  'results.supplementary': method({
    input: z.strictObject({
      roundId: idSchema,
      candidates: z.array(candidateInputSchema).min(1, '至少列出一名候选人').max(150),
      confirmReprint: z.boolean({ error: '应为 是 或 否' }).optional(),
    }),
    access: recorders,
    output: returns<RoundResults>(),
  }),
  /** Records the chair's decision to reduce the seats of a certified round with a shortfall. */
  'results.reduceSeats': method({
    input: z.strictObject({
      roundId: idSchema,
      seatsAfter: z.int({ error: '应为减少后的名额' }).min(0, '名额不能小于 0'),
      decidedBy: reasonSchema('决定机构（如：大会主席团）', 60),
      reason: reasonSchema('决定理由'),
    }),
    access: recorders,
    output: returns<RoundResults>(),
  }),
  /**
   * After a certified 预选 (and any runoff on a tie at its last place): opens the formal round
   * with the names it qualified, ready to print.
   */
  'results.openFormal': method({
    input: z.strictObject({ roundId: idSchema }),
    access: recorders,
    output: returns<RoundResults>(),
  }),
  /** Puts a certified round's announcement on the projector, or takes it off (null). */
  'results.announce': method({
    input: z.strictObject({ roundId: idSchema.nullable() }),
    access: roles,
    output: returns<{ roundId: number | null }>(),
  }),
  /** What the projector shows; null when nothing certified is being announced. */
  'results.announcement': method({
    input: z.strictObject({}),
    access: 'public',
    output: returns<Announcement | null>(),
  }),
};
