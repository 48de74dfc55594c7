import { z } from 'zod';
import type { RoundState } from '../domain/rounds';
import type { RoundKind } from '../tally/types';
import type { Validity } from './checkin';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/** One round as the scrutineers issue and collect its ballots. */
export interface IssuanceRound {
  id: number;
  electionId: number;
  /** 1 for the election's first round, in the order they were held. */
  number: number;
  kind: RoundKind;
  seats: number;
  state: RoundState;
  candidates: number;
  /** The void round this one repeats (重新选举); null for an ordinary round. */
  revoteOf: number | null;
  /** The round opened to repeat this void one, if any. */
  revote: number | null;
  /** 应到 and 实到, frozen when the ballots were issued; null before (实到 also for turnout rules). */
  entitled: number | null;
  present: number | null;
  issued: number | null;
  returned: number | null;
  issuedAt: string | null;
  returnedAt: string | null;
  /** Issued but not returned; null until both are known, or when more came back than went out. */
  unreturned: number | null;
  voidReason: string | null;
  /** Under the congress's rule, from the frozen counts; null before ballots are issued. */
  validity: Validity | null;
}

export interface IssuanceElection {
  id: number;
  title: string;
  seats: number;
  rounds: IssuanceRound[];
}

export interface IssuanceOverview {
  congressId: number;
  /** Attendance now: what issuing a round would freeze, and the default ballots issued. */
  live: { entitled: number; present: number; validity: Validity };
  elections: IssuanceElection[];
}

const count = (label: string) =>
  z
    .number({ error: `应为${label}张数` })
    .int(`${label}张数应为整数`)
    .min(0, `${label}张数不能小于 0`)
    .max(100_000, `${label}张数不能超过 100000`);

/** Who issues and collects ballots: the 监票人 and the 总监票人. */
export const issuanceRoles = roleGroups.scrutineers;

export const issuanceMethods = {
  'issuance.list': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<IssuanceOverview>(),
  }),
  /**
   * 发票: needs the round's ballots printed and, for party rules, a valid meeting. Freezes 应到 and
   * 实到 into the round. A number other than 实到 needs the reason (the error names field `reason`).
   */
  'issuance.issue': method({
    input: z.strictObject({
      roundId: idSchema,
      issued: count('发出选票').min(1, '发出选票至少 1 张'),
      reason: z.string({ error: '应为说明' }).trim().max(100, '说明不能超过 100 个字').optional(),
    }),
    access: issuanceRoles,
    output: returns<IssuanceRound>(),
  }),
  /**
   * 收回. Not more than issued: the round goes to counting. More: the round is void and must be
   * held again; that needs `confirmVoid` (until then the error names that field, nothing changes).
   */
  'issuance.return': method({
    input: z.strictObject({
      roundId: idSchema,
      returned: count('收回选票'),
      confirmVoid: z.boolean({ error: '应为 是 或 否' }).optional(),
    }),
    access: issuanceRoles,
    output: returns<IssuanceRound>(),
  }),
  /** 重新选举: a new round repeating a void one (same kind, seats and candidates), to be printed. */
  'issuance.revote': method({
    input: z.strictObject({ roundId: idSchema }),
    access: issuanceRoles,
    output: returns<IssuanceRound>(),
  }),
  /**
   * 更正 the ballots issued or returned typed wrong, with the reason: while the round is voting or
   * being counted (afterwards only once it is sent back to counting). A correction leaving more
   * returned than issued voids the round; that needs `confirmVoid`, as at 收回.
   */
  'issuance.correct': method({
    input: z.strictObject({
      roundId: idSchema,
      issued: count('发出选票').min(1, '发出选票至少 1 张').optional(),
      returned: count('收回选票').optional(),
      reason: z
        .string({ error: '应为更正原因' })
        .trim()
        .min(1, '请写明更正原因（如：收回张数误录，经复点为 48 张）')
        .max(100, '更正原因不能超过 100 个字'),
      confirmVoid: z.boolean({ error: '应为 是 或 否' }).optional(),
    }),
    access: issuanceRoles,
    output: returns<IssuanceRound>(),
  }),
};
