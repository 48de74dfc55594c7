import type { TallyWarning } from './types';

/** Written names that were a listed candidate's own: not counted, and the operator is told. */
export function writtenCandidateWarnings(written: ReadonlyMap<string, number>): TallyWarning[] {
  if (written.size === 0) return [];
  const entries = [...written].sort(([a], [b]) => (a < b ? -1 : 1));
  const list = entries.map(([name, n]) => `${name}（${n} 张）`).join('、');
  return [
    {
      code: 'write-in-is-candidate',
      names: entries.map(([name]) => name),
      message: `另选他人栏写了候选人本人的姓名：${list}。不作另选计票，以该候选人栏内的符号为准`,
    },
  ];
}

/** Written names that were elected or qualified: their eligibility is confirmed before certifying. */
export function eligibilityWarnings(names: readonly string[]): TallyWarning[] {
  if (names.length === 0) return [];
  return [
    {
      code: 'eligibility',
      names: [...names],
      message: `另选他人进入当选（入选）名单：${names.join('、')}。须由监票人核实其被选举资格后方可确认`,
    },
  ];
}
