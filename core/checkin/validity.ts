import type { Congress } from '../../db/congresses';
import type { Validity } from '../../shared/api/checkin';
import { PROFILE_RULES } from '../../shared/tally/profiles';
import { floorDiv, meets, smallestMeeting, type Share } from '../../shared/tally/shares';
import { congressRules } from '../platform/congress-rules';

/*
 * Whether a meeting may hold its elections, in the words the desk and the projector show. The
 * share, the comparison and the source are the engine's (shared/tally): this only phrases them.
 */

/** The rule of the congress's profile and options. */
function quorumRule(congress: Congress) {
  return PROFILE_RULES[congress.profile].quorum(congressRules(congress));
}

/** Attendance-based rules (party profiles) against 实到; turnout rules against ballots returned. */
export function countsAttendance(congress: Congress): boolean {
  return quorumRule(congress).counts === 'present';
}

/**
 * The meeting's validity now or as frozen in a round: `present` for attendance rules, `returned`
 * (null until recorded) for turnout rules.
 */
export function validityOf(
  congress: Congress,
  counts: { entitled: number; present: number; returned: number | null },
): Validity {
  const { share, counts: basis, rule } = quorumRule(congress);
  const { entitled } = counts;
  const required = smallestMeeting(entitled, share);
  if (basis === 'present') {
    const { present } = counts;
    if (entitled === 0) {
      const text = '名册中没有应到会的有选举权代表，不能进行选举';
      return { basis: 'attendance', met: false, entitled, count: present, required, text, rule };
    }
    const met = meets(present, entitled, share);
    const text = `实到 ${present} ${sign(share, met)} 应到 ${entitled} 的${share.words} ${portion(entitled, share)}，${met ? '符合选举要求' : `不符合选举要求（至少需 ${required} 人）`}`;
    return { basis: 'attendance', met, entitled, count: present, required, text, rule };
  }
  const voters = congress.profile === 'village' ? '登记选民' : '选区登记选民';
  const { returned } = counts;
  if (returned === null) {
    const text = `选举是否有效以收回的选票计：收回选票须超过${voters} ${entitled} 人的${share.words}，即至少 ${required} 张`;
    return { basis: 'turnout', met: null, entitled, count: null, required, text, rule };
  }
  const met = entitled > 0 && meets(returned, entitled, share);
  const text = `收回选票 ${returned} 张 ${sign(share, met)} ${voters} ${entitled} 人的${share.words} ${portion(entitled, share)}，${met ? '选举有效' : '选举无效'}`;
  return { basis: 'turnout', met, entitled, count: returned, required, text, rule };
}

/** ≥ or >, and their negations, as the share is worded (不少于 / 超过). */
function sign(share: Share, met: boolean): string {
  if (share.strict) return met ? '>' : '≤';
  return met ? '≥' : '<';
}

const thirds = ['', '⅓', '⅔'];

/**
 * The exact share of the base, as the hall reads it: 160, 160.8, 100.5, 133⅓. The shares in use
 * have denominators 2, 3 and 5, so a decimal is exact in one place and thirds are written as such.
 */
export function portion(base: number, share: Share): string {
  const scaled = share.num * base;
  const whole = floorDiv(scaled, share.den);
  const rest = scaled - whole * share.den;
  if (rest === 0) return String(whole);
  if (share.den === 3) return `${whole}${thirds[rest] ?? ''}`;
  if (10 % share.den === 0) return `${whole}.${(rest * 10) / share.den}`;
  throw new Error(`no exact way to write ${share.num}/${share.den} of ${base}`);
}
