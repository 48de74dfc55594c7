import type { Verdict } from '../api/export';

/** The three verdicts on a results package, as the screens, the table and the workbook say them. */
export const verdictLabels: Record<Verdict['verdict'], string> = {
  pass: '通过',
  unregistered: '签名者未登记',
  fail: '未通过',
};

/** 实到/应到 as the table shows it: 18/19（94.7%）. */
export function turnoutText(present: number | null, entitled: number | null): string {
  if (entitled === null) return '—';
  if (present === null) return `应到 ${entitled}`;
  return `${present}/${entitled}（${((present / entitled) * 100).toFixed(1)}%）`;
}
