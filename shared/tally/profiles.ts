import * as cite from './citations';
import {
  AT_LEAST_FOUR_FIFTHS,
  AT_LEAST_ONE_THIRD,
  MORE_THAN_FOUR_FIFTHS,
  MORE_THAN_HALF,
  MORE_THAN_TWO_THIRDS,
  ceilDiv,
  type Share,
} from './shares';
import type { Office, OptionKey, ProfileId, RuleOptions } from './types';

/** Who a share is taken of: 应到会, 实到会, or those who voted (ballots returned). */
export type Base = 'entitled' | 'present' | 'returned';

export interface QuorumRule {
  share: Share;
  /** What is compared with the share of the electorate: attendance or ballots returned. */
  counts: 'present' | 'returned';
  rule: string;
}

export interface ThresholdRule {
  share: Share;
  base: Base;
  rule: string;
}

/** How many names to propose for a 另行选举 of this many seats. */
export interface ProposalRule {
  size: (seats: number) => number;
  words: string;
  rule: string;
}

/** The 差额 bounds of a slate for this many seats; max null where there is none. */
export interface SlateRule {
  min: (seats: number) => number;
  max: (seats: number) => number | null;
  words: string;
  rule: string;
}

export interface Profile {
  id: ProfileId;
  title: string;
  /** The source cited where RULES.md names no article. */
  law: string;
  /** Options this profile lets a congress override. */
  options: readonly OptionKey[];
  defaults: RuleOptions;
  offices: readonly Office[];
  quorum(options: RuleOptions): QuorumRule;
  threshold(options: RuleOptions): ThresholdRule;
  /** 另行选举. */
  supplementary(options: RuleOptions): ThresholdRule;
  /** null: this profile has no preliminary round; threshold null: top names by votes. */
  preliminary: { threshold: ThresholdRule | null; rule: string } | null;
  /** How many names to propose for a 另行选举 of this many seats. */
  proposal: ProposalRule;
  slate(office: Office): SlateRule;
  orderRule: string;
  /** Cited for ballots the scrutineers declare invalid. */
  declaredInvalidRule: string;
}

const PARTY_OFFICES: readonly Office[] = [
  'committee',
  'alternate',
  'standing',
  'secretary',
  'deputy-secretary',
  'discipline',
  'delegate',
];

const defaults = (nameOrder: RuleOptions['nameOrder']): RuleOptions => ({
  quorum: 'at-least-4/5',
  thresholdBase: 'entitled',
  meeting: 'congress',
  nameOrder,
  writeInWithoutMark: 'ignore',
});

/** 差额 at least pct%: ceil(seats·(100+pct)/100), and always at least one more than seats. */
const atLeastPercentMore = (pct: number, rule: string): SlateRule => ({
  min: (seats) => Math.max(ceilDiv(seats * (100 + pct), 100), seats + 1),
  max: () => null,
  words: `差额不少于 ${pct}%`,
  rule,
});

const oneOrTwoMore = (rule: string): SlateRule => ({
  min: (seats) => seats + 1,
  max: (seats) => seats + 2,
  words: '候选人多于应选 1 至 2 名',
  rule,
});

const asManyAsSeats = (rule: string): SlateRule => ({
  min: (seats) => seats,
  max: () => null,
  words: '可以等额',
  rule,
});

function partySlate(office: Office, percent: (office: Office) => number, rule: string): SlateRule {
  if (office === 'standing') return oneOrTwoMore(rule);
  if (office === 'secretary' || office === 'deputy-secretary') return asManyAsSeats(rule);
  return atLeastPercentMore(percent(office), rule);
}

const partyProposal = (rule: string): ProposalRule => ({
  size: (seats) => Math.max(seats + 1, ceilDiv(seats * 6, 5)),
  words: '差额不少于 20% 且多于缺额',
  rule,
});

const partyThreshold = (options: RuleOptions, rule: string): ThresholdRule =>
  options.thresholdBase === 'present'
    ? { share: MORE_THAN_HALF, base: 'present', rule: cite.GRASSROOTS_1990_THRESHOLD }
    : { share: MORE_THAN_HALF, base: 'entitled', rule };

const grassroots: Profile = {
  id: 'party-grassroots',
  title: '党的基层组织选举',
  law: cite.GRASSROOTS,
  options: ['quorum', 'thresholdBase', 'nameOrder', 'writeInWithoutMark'],
  defaults: defaults('party'),
  offices: PARTY_OFFICES,
  quorum: (options) =>
    options.quorum === 'more-than-4/5'
      ? { share: MORE_THAN_FOUR_FIFTHS, counts: 'present', rule: cite.GRASSROOTS_1990 }
      : { share: AT_LEAST_FOUR_FIFTHS, counts: 'present', rule: cite.GRASSROOTS },
  threshold: (options) => partyThreshold(options, cite.GRASSROOTS),
  supplementary: (options) => partyThreshold(options, cite.GRASSROOTS),
  preliminary: {
    threshold: { share: MORE_THAN_HALF, base: 'entitled', rule: cite.GRASSROOTS },
    rule: cite.GRASSROOTS,
  },
  proposal: partyProposal(cite.GRASSROOTS),
  // RULES.md names no 差额 for 候补委员 of a grassroots committee; they take the 委员 rule.
  slate: (office) => partySlate(office, () => 20, cite.GRASSROOTS_SLATE),
  orderRule: cite.GRASSROOTS_ORDER,
  declaredInvalidRule: cite.GRASSROOTS_1990_BALLOTS,
};

const local: Profile = {
  id: 'party-local',
  title: '党的地方组织选举',
  law: cite.LOCAL,
  options: ['thresholdBase', 'meeting', 'nameOrder', 'writeInWithoutMark'],
  defaults: defaults('party'),
  offices: PARTY_OFFICES,
  quorum: (options) =>
    options.meeting === 'plenary'
      ? { share: MORE_THAN_TWO_THIRDS, counts: 'present', rule: cite.LOCAL_PLENARY }
      : { share: MORE_THAN_HALF, counts: 'present', rule: cite.LOCAL },
  threshold: (options) => partyThreshold(options, cite.LOCAL),
  supplementary: (options) => partyThreshold(options, cite.LOCAL),
  preliminary: {
    threshold: { share: MORE_THAN_HALF, base: 'entitled', rule: cite.LOCAL },
    rule: cite.LOCAL,
  },
  proposal: partyProposal(cite.LOCAL),
  slate: (office) => partySlate(office, (o) => (o === 'delegate' ? 20 : 10), cite.LOCAL),
  orderRule: cite.LOCAL_ORDER,
  declaredInvalidRule: cite.GRASSROOTS_1990_BALLOTS,
};

const village: Profile = {
  id: 'village',
  title: '村民委员会选举',
  law: cite.VILLAGE_LAW,
  options: ['nameOrder', 'writeInWithoutMark'],
  defaults: defaults('npc'),
  // `committee` is the scenario default office; here it can only mean the 村民委员会.
  offices: ['village-committee', 'committee'],
  quorum: () => ({ share: MORE_THAN_HALF, counts: 'returned', rule: cite.VILLAGE }),
  threshold: () => ({ share: MORE_THAN_HALF, base: 'returned', rule: cite.VILLAGE }),
  supplementary: () => ({ share: AT_LEAST_ONE_THIRD, base: 'returned', rule: cite.VILLAGE }),
  preliminary: null,
  proposal: { size: (seats) => seats + 1, words: '候选人多于缺额', rule: cite.VILLAGE },
  slate: () => ({
    min: (seats) => seats + 1,
    max: () => null,
    words: '候选人多于应选人数',
    rule: cite.VILLAGE,
  }),
  orderRule: cite.VILLAGE_LAW,
  declaredInvalidRule: cite.VILLAGE_LAW,
};

const peoplesCongress: Profile = {
  id: 'peoples-congress',
  title: '县乡人民代表大会代表直接选举',
  law: cite.ELECTORAL_LAW,
  options: ['nameOrder', 'writeInWithoutMark'],
  defaults: defaults('npc'),
  offices: ['deputy', 'committee'],
  quorum: () => ({ share: MORE_THAN_HALF, counts: 'returned', rule: cite.ELECTORAL_LAW_ELECTION }),
  threshold: () => ({
    share: MORE_THAN_HALF,
    base: 'returned',
    rule: cite.ELECTORAL_LAW_ELECTION,
  }),
  supplementary: () => ({
    share: AT_LEAST_ONE_THIRD,
    base: 'returned',
    rule: cite.ELECTORAL_LAW_ELECTION,
  }),
  preliminary: { threshold: null, rule: cite.ELECTORAL_LAW_PRELIMINARY },
  proposal: {
    size: (seats) => Math.max(seats + 1, ceilDiv(seats * 4, 3)),
    words: '候选人多于缺额三分之一，且多于缺额',
    rule: cite.ELECTORAL_LAW_SUPPLEMENTARY,
  },
  slate: () => ({
    min: (seats) => ceilDiv(seats * 4, 3),
    max: (seats) => seats * 2,
    words: '候选人多于应选名额三分之一至一倍',
    rule: cite.ELECTORAL_LAW_SLATE,
  }),
  orderRule: cite.ELECTORAL_LAW,
  declaredInvalidRule: cite.ELECTORAL_LAW,
};

export const PROFILE_RULES: Readonly<Record<ProfileId, Profile>> = {
  'party-grassroots': grassroots,
  'party-local': local,
  village,
  'peoples-congress': peoplesCongress,
};

/** The profile's defaults with the congress's overrides applied. */
export function resolveOptions(
  profile: Profile,
  overrides: Partial<RuleOptions> = {},
): RuleOptions {
  return { ...profile.defaults, ...overrides };
}
