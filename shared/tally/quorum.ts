import type { Profile } from './profiles';
import { meets, smallestMeeting, verb } from './shares';
import type { Determination, RoundInput, RuleOptions } from './types';

export interface QuorumCheck {
  required: number;
  present: number;
  met: boolean;
  determination: Determination;
}

/** RULES.md step 1: attendance (party) or turnout (village, 人大) against the electorate. */
export function checkQuorum(
  profile: Profile,
  options: RuleOptions,
  input: RoundInput,
): QuorumCheck {
  const { share, counts, rule } = profile.quorum(options);
  const entitled = input.electorate.entitled;
  const present = counts === 'present' ? (input.electorate.present ?? 0) : input.returned;
  const required = smallestMeeting(entitled, share);
  const met = meets(present, entitled, share);
  const voters = profile.id === 'village' ? '登记选民' : '选区登记选民';
  const [figure, electorate, unit] =
    counts === 'present'
      ? [`实到会有选举权人数 ${present}`, `应到会有选举权人数 ${entitled} `, '人']
      : [`收回选票 ${present} 张`, `${voters} ${entitled} 人`, '张'];
  const text =
    `${figure}，${verb(share, met)}${electorate}的${share.words}` +
    `（至少 ${required} ${unit}），${met ? '选举有效' : '选举无效'}（${rule}）`;
  return { required, present, met, determination: { kind: 'quorum', text, rule } };
}

/** RULES.md step 2: more ballots returned than issued voids the round. */
export function checkAccounting(
  profile: Profile,
  input: RoundInput,
): { ok: boolean; determination: Determination } {
  const ok = input.returned <= input.issued;
  const verdict = ok ? '不多于' : '多于';
  const consequence = ok ? '选举有效' : '选举无效，应重新选举';
  const text = `收回选票 ${input.returned} 张，${verdict}发出的 ${input.issued} 张，${consequence}（${profile.law}）`;
  return { ok, determination: { kind: 'accounting', text, rule: profile.law } };
}
