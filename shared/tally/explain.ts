import type { Contender, Ranking } from './determine';
import type { Profile } from './profiles';
import { verb } from './shares';
import { baseWords, type Threshold } from './threshold';
import type { Determination, Outcome, RoundInput, SeatsAndNames } from './types';

/** What the one-line explanations of a counted round are about. */
export interface Telling {
  input: RoundInput;
  profile: Profile;
  threshold: Threshold;
  /** Seats, or formalCandidates in a preliminary round. */
  places: number;
}

function words(telling: Telling) {
  const preliminary = telling.input.round === 'preliminary';
  return {
    done: preliminary ? '列为正式候选人' : '当选',
    places: preliminary ? `正式候选人 ${telling.places} 名` : `应选 ${telling.places} 名`,
    limit: preliminary ? `正式候选人数 ${telling.places}` : `应选人数 ${telling.places}`,
  };
}

export function explainBallots(
  telling: Telling,
  tally: { valid: number; invalid: number; overVoted: number },
): Determination[] {
  const { input, profile } = telling;
  const { valid, invalid, overVoted } = tally;
  const over =
    overVoted > 0
      ? `；其中 ${overVoted} 张赞成（含另选他人）多于${words(telling).limit}，整张无效`
      : '';
  const counted: Determination = {
    kind: 'ballots',
    text: `收回选票 ${input.returned} 张，有效票 ${valid} 张，无效票 ${invalid} 张${over}（${profile.law}）`,
    rule: profile.law,
  };
  const declared = invalid - overVoted;
  if (declared === 0) return [counted];
  const rule = profile.declaredInvalidRule;
  const text = `${declared} 张选票经监票人认定无效（无法辨认或有规定以外的标记），不计入任何人的票数（${rule}）`;
  return [counted, { kind: 'ballots', text, rule }];
}

export function explainOutcome(
  telling: Telling,
  contender: Contender,
  outcome: Outcome,
  ranking: Ranking,
): Determination {
  const { done, places } = words(telling);
  const who = `${contender.name}${contender.writeIn ? '（另选他人）' : ''} 赞成票 ${contender.votes}`;
  const passed = telling.threshold.passes(contender.votes);
  const bar = barWords(telling.threshold, passed);
  let text: string;
  if (outcome === 'elected' || outcome === 'qualified') {
    text = `${who}，${bar}得票在${places}之内，${done}`;
  } else if (outcome === 'runoff') {
    const others = ranking.tied.filter((t) => t.name !== contender.name).map((t) => t.name);
    text = `${who}，${bar}与 ${others.join('、')} 票数相等，同争最后 ${ranking.tiedSeats} 个名额，须再次投票`;
  } else if (!passed) {
    text = `${who}，${bar}不能${done}`;
  } else if (contender.writeIn && telling.input.ineligible?.includes(contender.name)) {
    text = `${who}，${bar}但经监票人核实不具备被选举资格，不能${done}，其名额空缺`;
  } else {
    text = `${who}，${bar}但得票在${places}之外，未能${done}`;
  }
  const rule = telling.threshold.rule?.rule ?? telling.threshold.determination.rule;
  return { kind: 'outcome', name: contender.name, text: `${text}（${rule}）`, rule };
}

/** 超过应到会有选举权人数 200 的半数， — or nothing where most votes decide alone. */
function barWords(threshold: Threshold, passed: boolean): string {
  const rule = threshold.rule;
  if (rule === null) return '';
  return `${verb(rule.share, passed)}${baseWords(rule.base, threshold.base)}的${rule.share.words}，`;
}

export function explainRunoff(
  telling: Telling,
  runoff: SeatsAndNames,
  votes: number,
): Determination {
  const rule = telling.profile.law;
  const text =
    `${runoff.candidates.join('、')} 票数相等（各 ${votes} 票），同争最后 ${runoff.seats} 个名额，` +
    `须就票数相等的被选举人再次投票，以得票多的${words(telling).done}（${rule}）`;
  return { kind: 'runoff', text, rule };
}

export function explainShortfall(
  telling: Telling,
  chosen: number,
  supplementary: SeatsAndNames,
): Determination {
  const { proposal } = telling.profile;
  const { done, places } = words(telling);
  const names = supplementary.candidates;
  const nominees = names.length > 0 ? `，提名 ${names.length} 人：${names.join('、')}` : '';
  const text =
    `${done} ${chosen} 名，少于${places}；` +
    `缺额 ${supplementary.seats} 名不得从未达到票数要求的被选举人中递补。` +
    `建议另行选举 ${supplementary.seats} 名${nominees}（${proposal.words}），` +
    `或由大会依法决定减少名额（${proposal.rule}）`;
  return { kind: 'shortfall', text, rule: proposal.rule };
}
