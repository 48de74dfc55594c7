import type { RoundKind } from '../tally/types';
import type { Office, OptionKey, ProfileId, RuleOptions } from '../tally/types';
import type { RoundState } from '../domain/rounds';

export const profileLabels: Record<ProfileId, string> = {
  'party-grassroots': '党的基层组织（党员大会、党员代表大会，含乡镇党代会）',
  'party-local': '党的地方组织（县级及以上党代会）',
  village: '村民委员会选举',
  'peoples-congress': '县乡人大代表直接选举',
};

export const officeLabels: Record<Office, string> = {
  committee: '委员',
  alternate: '候补委员',
  standing: '常委',
  secretary: '书记',
  'deputy-secretary': '副书记',
  discipline: '纪委委员',
  delegate: '代表',
  'village-committee': '村委会成员',
  deputy: '人大代表',
};

export const optionLabels: Record<OptionKey, string> = {
  quorum: '选举有效的到会人数',
  thresholdBase: '当选票数的计算基数',
  meeting: '会议类型',
  nameOrder: '候选人姓氏笔画排序',
  writeInWithoutMark: '另选人未画“○”时',
};

type Choices = { [K in OptionKey]: Record<RuleOptions[K], string> };

export const optionChoiceLabels: Choices = {
  quorum: {
    'at-least-4/5': '不少于应到会人数的五分之四（2020 年条例，默认）',
    'more-than-4/5': '超过应到会人数的五分之四（1990 年暂行条例）',
  },
  thresholdBase: {
    entitled: '应到会有选举权人数（默认）',
    present: '实到会有选举权人数（1990 年暂行条例）',
  },
  meeting: {
    congress: '代表大会：实到超过应到的半数',
    plenary: '全体会议：实到超过应到的三分之二',
  },
  nameOrder: {
    party: '党内惯例：单名视为姓与名之间空一格（田富在田大利之前）',
    npc: '逐字比较（田大利在田富之前）',
  },
  writeInWithoutMark: {
    ignore: '不计票（默认）',
    for: '计为赞成（人大选举惯例）',
  },
};

export const roundStateLabels: Record<RoundState, string> = {
  draft: '待印制',
  printed: '选票已印制',
  voting: '投票中',
  counting: '计票中',
  counted: '已计票',
  certified: '已签核',
  void: '已作废',
};

/** A round's state as the rest of a sentence: “选举委员会委员”已开始投票，不能…… */
export const roundStatePhrases: Record<RoundState, string> = {
  draft: '尚未印制选票',
  printed: '选票已印制',
  voting: '已开始投票',
  counting: '正在计票',
  counted: '已完成计票',
  certified: '结果已签核',
  void: '已作废',
};

export const roundKindLabels: Record<RoundKind, string> = {
  formal: '正式选举',
  preliminary: '预选',
  runoff: '再次投票',
  supplementary: '另行选举',
};

/** The election as a round's ballot names it: any round but the formal one says which it is. */
export function ballotTitle(electionTitle: string, kind: RoundKind): string {
  return kind === 'formal' ? electionTitle : `${electionTitle}（${roundKindLabels[kind]}）`;
}
