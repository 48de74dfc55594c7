import type { CheckinDelegate } from '../../../shared/api/checkin';
import { clock } from '../../../shared/strings/time';

export type Tone = 'green' | 'orange' | 'red' | 'default' | 'purple';

/** A delegate's standing at the desk, in a tag's words and colour. */
export function standing(d: CheckinDelegate): { text: string; tone: Tone } {
  const mark = d.attendance;
  if (mark?.status === 'present') return { text: `已报到 ${clock(mark.at)}`, tone: 'green' };
  if (mark?.status === 'leave') return { text: '请假', tone: 'orange' };
  if (mark?.status === 'absent') return { text: '缺席', tone: 'red' };
  return { text: '未报到', tone: 'default' };
}

/** Why a delegate does not count in 应到, if they do not. */
export function outsideEntitled(d: CheckinDelegate): string | null {
  if (!d.hasVote) return '无选举权，不计入应到、实到';
  if (d.excusedReason !== null) return `经批准不计入应到（${d.excusedReason}）`;
  return null;
}

export function unitOf(d: { unit: string }): string {
  return d.unit === '' ? '未填选举单位' : d.unit;
}
