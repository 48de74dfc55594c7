import type { Base, Profile, ThresholdRule } from './profiles';
import { meets, smallestMeeting } from './shares';
import type { Determination, RoundInput, RuleOptions } from './types';

export interface Threshold {
  /** null where most votes decide alone (runoff, 人大 预选). */
  rule: ThresholdRule | null;
  base: number;
  minVotes: number | null;
  passes: (votes: number) => boolean;
  determination: Determination;
}

export function baseWords(base: Base, figure: number): string {
  if (base === 'entitled') return `应到会有选举权人数 ${figure} `;
  if (base === 'present') return `实到会有选举权人数 ${figure} `;
  return `收回选票 ${figure} 张`;
}

function baseFigure(base: Base, input: RoundInput): number {
  if (base === 'entitled') return input.electorate.entitled;
  if (base === 'present') return input.electorate.present ?? 0;
  return input.returned;
}

/** RULES.md step 5 for this kind of round, and the fewest votes that pass it. */
export function roundThreshold(
  profile: Profile,
  options: RuleOptions,
  input: RoundInput,
): Threshold {
  switch (input.round) {
    case 'formal':
      return fromRule(profile.threshold(options), input, '当选');
    case 'supplementary':
      return fromRule(profile.supplementary(options), input, '另行选举当选');
    case 'preliminary': {
      const preliminary = profile.preliminary;
      if (preliminary === null) throw new Error(`${profile.id} has no preliminary round`);
      if (preliminary.threshold === null) {
        return plurality(preliminary.rule, '预选不设票数要求，按得票多少确定正式候选人');
      }
      return fromRule(preliminary.threshold, input, '列为正式候选人');
    }
    case 'runoff':
      return plurality(profile.law, '再次投票不设票数要求，在票数相等的被选举人中以得票多的当选');
  }
}

function fromRule(rule: ThresholdRule, input: RoundInput, what: string): Threshold {
  const base = baseFigure(rule.base, input);
  const minVotes = smallestMeeting(base, rule.share);
  const share = `${rule.share.strict ? '超过' : '不少于'}${baseWords(rule.base, base)}的${rule.share.words}`;
  const text = `${what}须赞成票${share}，即至少 ${minVotes} 票（${rule.rule}）`;
  return {
    rule,
    base,
    minVotes,
    passes: (votes) => meets(votes, base, rule.share),
    determination: { kind: 'threshold', text, rule: rule.rule },
  };
}

function plurality(rule: string, words: string): Threshold {
  return {
    rule: null,
    base: 0,
    minVotes: null,
    passes: () => true,
    determination: { kind: 'threshold', text: `${words}（${rule}）`, rule },
  };
}
