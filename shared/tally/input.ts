import { z } from 'zod';
import { normalizeName } from '../names/collate';
import { PROFILE_RULES, resolveOptions, type Profile } from './profiles';
import { meets } from './shares';
import {
  OFFICES,
  PROFILES,
  ROUNDS,
  type BallotGroup,
  type OptionKey,
  type RoundInput,
  type RuleOptions,
} from './types';

export type ParseResult =
  { ok: true; value: RoundInput } | { ok: false; error: { code: 'bad-input'; message: string } };

const count = z.int().nonnegative();

const optionsSchema = z.strictObject({
  quorum: z.enum(['at-least-4/5', 'more-than-4/5']).nullish(),
  thresholdBase: z.enum(['entitled', 'present']).nullish(),
  meeting: z.enum(['congress', 'plenary']).nullish(),
  nameOrder: z.enum(['party', 'npc']).nullish(),
  writeInWithoutMark: z.enum(['ignore', 'for']).nullish(),
});

const groupSchema = z.object({
  n: count,
  marks: z.string().nullish(),
  invalid: z.boolean().nullish(),
  writeIns: z.array(z.object({ name: z.string(), mark: z.enum(['O', '-']) })).nullish(),
});

const roundSchema = z.object({
  profile: z.enum(PROFILES),
  options: optionsSchema.nullish(),
  round: z.enum(ROUNDS).nullish(),
  office: z.enum(OFFICES).nullish(),
  seats: z.int().min(1),
  formalCandidates: z.int().min(1).nullish(),
  candidates: z.array(z.string()).min(1),
  electorate: z.object({ entitled: z.int().min(1), present: count.nullish() }),
  issued: count,
  returned: count,
  ballots: z.array(groupSchema),
  ineligible: z.array(z.string()).nullish(),
});

type Parsed = z.infer<typeof roundSchema>;

/** A scenario-shaped round from untrusted JSON, or one message naming the field at fault. */
export function parseRound(data: unknown): ParseResult {
  const parsed = roundSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue ? `${fieldPath(issue.path)}: ${issueWords(issue)}` : '输入无效');
  }
  const input = toInput(parsed.data);
  const problem =
    roundProblem(input, PROFILE_RULES[input.profile], parsed.data.options ?? {}) ??
    ballotProblem(input, parsed.data.ballots);
  return problem === null ? { ok: true, value: input } : fail(problem);
}

function fail(message: string): ParseResult {
  return { ok: false, error: { code: 'bad-input', message } };
}

function toInput(data: Parsed): RoundInput {
  const options: Partial<RuleOptions> = {};
  for (const [key, value] of Object.entries(data.options ?? {})) {
    if (value != null) Object.assign(options, { [key]: value });
  }
  const ballots = data.ballots.map((group): BallotGroup =>
    group.invalid === true
      ? { n: group.n, invalid: true }
      : { n: group.n, marks: group.marks ?? '', writeIns: group.writeIns ?? [] },
  );
  const { present } = data.electorate;
  return {
    profile: data.profile,
    options,
    round: data.round ?? 'formal',
    office: data.office ?? 'committee',
    seats: data.seats,
    ...(data.formalCandidates == null ? {} : { formalCandidates: data.formalCandidates }),
    candidates: data.candidates,
    electorate: { entitled: data.electorate.entitled, ...(present == null ? {} : { present }) },
    issued: data.issued,
    returned: data.returned,
    ballots,
    ...(data.ineligible == null || data.ineligible.length === 0
      ? {}
      : { ineligible: data.ineligible }),
  };
}

/** The first thing wrong with the round as a whole, in the order a reader meets the fields. */
function roundProblem(
  input: RoundInput,
  profile: Profile,
  options: Readonly<Record<string, unknown>>,
): string | null {
  for (const key of Object.keys(options)) {
    if (options[key] != null && !profile.options.includes(key as OptionKey)) {
      return `options.${key}: ${profile.title}不适用此项`;
    }
  }
  const listed = input.ineligible?.find((name) => input.candidates.includes(name));
  if (listed !== undefined) {
    return `ineligible: ${listed} 是候选人，只有另选他人才能记为不具备被选举资格`;
  }
  if (input.round === 'preliminary' && profile.preliminary === null) {
    return `round: ${profile.title}没有预选`;
  }
  if (!profile.offices.includes(input.office)) {
    return `office: ${profile.title}不适用 ${input.office}（可用：${profile.offices.join('、')}）`;
  }
  if (input.round === 'preliminary' && input.formalCandidates === undefined) {
    return 'formalCandidates: 预选须填写应产生的正式候选人数';
  }
  return candidateProblem(input.candidates) ?? electorateProblem(input, profile);
}

function candidateProblem(candidates: readonly string[]): string | null {
  const seen = new Map<string, number>();
  for (const [i, candidate] of candidates.entries()) {
    const name = normalizeName(candidate);
    if (name === '') return `candidates[${i}]: 姓名为空`;
    const first = seen.get(name);
    if (first !== undefined)
      return `candidates[${i}]: 候选人“${candidate}”与 candidates[${first}] 重复`;
    seen.set(name, i);
  }
  return null;
}

function electorateProblem(input: RoundInput, profile: Profile): string | null {
  const { entitled, present } = input.electorate;
  if (profile.quorum(profile.defaults).counts !== 'present') return null;
  if (present === undefined) return 'electorate.present: 党内选举须填写实到会有选举权人数';
  if (present > entitled) return `electorate.present: 实到 ${present} 人多于应到 ${entitled} 人`;
  return null;
}

const MARKS = /^[OX?-]*$/;

function ballotProblem(input: RoundInput, groups: Parsed['ballots']): string | null {
  const candidates = input.candidates.length;
  for (const [i, group] of groups.entries()) {
    if (group.invalid === true) continue;
    const at = `ballots[${i}]`;
    if (group.marks == null) return `${at}.marks: 缺少此项（或注明 "invalid": true）`;
    if (group.marks.length !== candidates) {
      return `${at}.marks: 长度 ${group.marks.length} 与候选人数 ${candidates} 不符`;
    }
    if (!MARKS.test(group.marks)) {
      const bad = [...group.marks].findIndex((mark) => !MARKS.test(mark));
      return `${at}.marks: 第 ${bad + 1} 个符号“${group.marks.charAt(bad)}”无效，应为 O、X、-、? 之一`;
    }
    for (const [j, writeIn] of (group.writeIns ?? []).entries()) {
      if (normalizeName(writeIn.name) === '') return `${at}.writeIns[${j}].name: 姓名为空`;
      if (input.round === 'runoff') {
        return `${at}.writeIns: 再次投票只在票数相等的被选举人中进行，不能另选他人`;
      }
    }
  }
  return countsProblem(input, groups);
}

/** Only a round that will be counted must account for every returned ballot. */
function countsProblem(input: RoundInput, groups: Parsed['ballots']): string | null {
  const profile = PROFILE_RULES[input.profile];
  const { share, counts } = profile.quorum(resolveOptions(profile, input.options));
  const attending = counts === 'present' ? (input.electorate.present ?? 0) : input.returned;
  const counted =
    meets(attending, input.electorate.entitled, share) && input.returned <= input.issued;
  if (!counted) return null;
  const total = groups.reduce((sum, group) => sum + group.n, 0);
  if (total !== input.returned) {
    return `ballots: 各组张数合计 ${total}，与收回选票数 returned ${input.returned} 不符`;
  }
  return null;
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(整个文件)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  int: '整数',
  number: '数字',
  string: '字符串',
  boolean: ' true 或 false',
  object: ' JSON 对象',
  array: '数组',
};

function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少此项';
      return `应为${TYPE_WORDS[issue.expected] ?? issue.expected}，实为 ${shown(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少应有 ${String(issue.minimum)} 项`;
      return `应为不小于 ${String(issue.minimum)} 的整数，实为 ${shown(issue.input)}`;
    case 'too_big':
      return `数值过大：${shown(issue.input)}`;
    case 'invalid_value':
      return `无效的取值 ${shown(issue.input)}，应为 ${issue.values.map(String).join('、')} 之一`;
    case 'unrecognized_keys':
      return `未知的项 ${issue.keys.join('、')}`;
    default:
      return issue.message;
  }
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
