import { z } from 'zod';
import type { ProfileId } from '../tally/types';
import type { AttendanceStatus, RosterCounts } from './delegates';
import { idSchema, noInput } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/** One delegate as the check-in desk sees them. */
export interface CheckinDelegate {
  id: number;
  name: string;
  unit: string;
  cardNo: string;
  /** Without a vote (预备党员, rights suspended …): may attend, never counted in 应到 or 实到. */
  hasVote: boolean;
  /** 不计入应到 with the higher organisation's approval, with the reason; null if not excused. */
  excusedReason: string | null;
  /** The latest mark, with its ISO time; null: not arrived yet. */
  attendance: { status: AttendanceStatus; at: string } | null;
}

export interface CheckinSearch {
  /** The query as searched (trimmed), so the screen can tell a late answer from a current one. */
  query: string;
  /** Best first: card number, whole name, names starting with the query, then the rest. */
  matches: CheckinDelegate[];
  /** How many matched in all; only the first few are listed. */
  total: number;
  /** The delegate whose card number is exactly the query: a scanned card. */
  card: CheckinDelegate | null;
  /**
   * Some card number starts with the query (DH, DH01 …): a digit typed next continues the card,
   * so the number keys do not pick from the list.
   */
  cardLike: boolean;
}

/**
 * Whether the meeting may hold elections. Party profiles decide by attendance (实到 against 应到);
 * village and 人大 elections by ballots returned against the registered voters (turnout), which
 * attendance cannot tell: there `met` stays null until the ballots returned are known.
 */
export interface Validity {
  basis: 'attendance' | 'turnout';
  met: boolean | null;
  entitled: number;
  /** 实到 (attendance) or ballots returned (turnout); null while not yet known. */
  count: number | null;
  /** The smallest count that meets the rule. */
  required: number;
  /** 实到 170 ≥ 应到 200 的五分之四 160，符合选举要求 */
  text: string;
  /** The source of the rule. */
  rule: string;
}

export interface UnitCounts {
  /** 选举单位 / 代表团; empty where the roster gives none. */
  unit: string;
  entitled: number;
  present: number;
  leave: number;
  absent: number;
  notYet: number;
}

/** What the desk and the projector show: the counts, per unit, and the meeting's validity. */
export interface AttendanceBoard {
  congressId: number;
  congressName: string;
  profile: ProfileId;
  counts: RosterCounts;
  units: UnitCounts[];
  validity: Validity;
}

export interface AttendanceOverview extends AttendanceBoard {
  /** The latest marks, newest first, with who they were: the desk's log. */
  recent: CheckinDelegate[];
}

/** After a mark: the delegate as they are now, and the new counts. */
export interface CheckinOutcome {
  delegate: CheckinDelegate;
  counts: RosterCounts;
}

/** How many matches a search lists: the number keys 1–9 pick them. */
export const checkinListed = 9;

const checkinRoles = roleGroups.checkinDesk;

const delegateId = { delegateId: idSchema };

export const checkinMethods = {
  /** By name, pinyin, initials (zs → 张三) or card number; read-only. */
  'checkin.search': method({
    input: z.strictObject({
      congressId: idSchema,
      query: z.string({ error: '应为查询文字' }).trim().max(40, '查询文字不能超过 40 个字符'),
    }),
    access: roles,
    output: returns<CheckinSearch>(),
  }),
  /** 报到. Refused for a delegate already present (the message gives the time). */
  'checkin.checkIn': method({
    input: z.strictObject({
      ...delegateId,
      /** How the desk found the delegate: a scanned card, or a search. Recorded in the audit. */
      via: z.enum(['card', 'search'], { error: '应为 card（扫码）或 search（查找）' }),
    }),
    access: checkinRoles,
    output: returns<CheckinOutcome>(),
  }),
  /** 请假 or 缺席, for a delegate counted in 应到. */
  'checkin.mark': method({
    input: z.strictObject({
      ...delegateId,
      status: z.enum(['leave', 'absent'], { error: '应为 leave（请假）或 absent（缺席）' }),
    }),
    access: checkinRoles,
    output: returns<CheckinOutcome>(),
  }),
  /** Takes back a check-in (or a leave or absence): back to not arrived, with the reason. */
  'checkin.undo': method({
    input: z.strictObject({
      ...delegateId,
      reason: z
        .string({ error: '应为撤销原因' })
        .trim()
        .min(1, '请填写撤销原因（如：误点了他人、代表证扫错）')
        .max(100, '撤销原因不能超过 100 个字'),
    }),
    access: checkinRoles,
    output: returns<CheckinOutcome>(),
  }),
  'checkin.overview': method({
    input: z.strictObject({ congressId: idSchema }),
    access: roles,
    output: returns<AttendanceOverview>(),
  }),
  /** The projector's view of the current congress: counts only, no names; null without one. */
  'checkin.board': method({
    input: noInput,
    access: 'public',
    output: returns<AttendanceBoard | null>(),
  }),
};
