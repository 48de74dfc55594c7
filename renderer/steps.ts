/** The congress day, in order: the main navigation follows it (Alt+1 … Alt+7). */
export const steps = [
  { id: 'setup', title: '设置', summary: '会前准备：人员、大会、代表名册、选举事项与候选人' },
  { id: 'checkin', title: '报到', summary: '代表报到签到，实时统计应到、实到、请假与缺席人数' },
  { id: 'issuance', title: '发票', summary: '登记每项选举发出与收回的选票张数' },
  { id: 'entry', title: '录入', summary: '按票箱逐张录入选票，可由两名计票人分别录入后核对' },
  { id: 'results', title: '结果', summary: '计票结果、当选判定及其依据，总监票人签核' },
  { id: 'announce', title: '宣布', summary: '投影宣布当选名单，打印计票结果报告单' },
  { id: 'export', title: '报送', summary: '导出带签名的结果包，报送上级组织' },
] as const;

export type Step = (typeof steps)[number];
export type StepId = Step['id'];

export function stepById(id: StepId): Step {
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}
