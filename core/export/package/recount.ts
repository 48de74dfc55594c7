import { canonicalJson } from '../../../db/audit';
import type { CastVote } from '../../../shared/export/ballots';
import type { ResultsRound } from '../../../shared/export/results';
import { parseRound, tallyRound } from '../../../shared/tally';

/*
 * The heart of verification: count a round's ballots from ballots.json again with the engine,
 * under the parameters results.json states, and compare every count and every outcome with what
 * results.json says. The engine's sentences (determinations, warnings) are not compared: a later
 * version may word them differently; the numbers and names may not differ.
 */

/** A failure names the file at fault: ballots that cannot be counted, or results they do not give. */
export type Recount =
  { ok: true } | { ok: false; file: 'ballots.json' | 'results.json'; reason: string };

export function recountRound(round: ResultsRound, ballots: readonly CastVote[]): Recount {
  const parsed = parseRound({ ...round.parameters, ballots: grouped(ballots) });
  if (!parsed.ok) {
    return { ok: false, file: 'ballots.json', reason: `选票记录不能计票：${parsed.error.message}` };
  }
  const difference = firstDifference(
    comparable(round.result),
    comparable(tallyRound(parsed.value)),
  );
  if (difference === undefined) return { ok: true };
  return {
    ok: false,
    file: 'results.json',
    reason: `按 ballots.json 重新计票，${difference.what}为 ${difference.recounted}，而 results.json 记载为 ${difference.stated}：结果与选票不符`,
  };
}

/** Identical papers as one group, as the engine counts them; the order does not matter to it. */
function grouped(ballots: readonly CastVote[]) {
  const groups = new Map<string, { n: number; vote: CastVote }>();
  for (const vote of ballots) {
    const key = vote.invalid
      ? 'invalid'
      : `${vote.marks}|${vote.writeIns.map((w) => `${w.mark}${w.name}`).join('\n')}`;
    const group = groups.get(key);
    if (group) group.n += 1;
    else groups.set(key, { n: 1, vote });
  }
  return [...groups.values()].map(({ n, vote }) =>
    vote.invalid ? { n, invalid: true } : { n, marks: vote.marks, writeIns: vote.writeIns },
  );
}

const compared = [
  'status',
  'invalidReason',
  'quorum',
  'ballots',
  'threshold',
  'results',
  'elected',
  'vacancies',
  'runoff',
  'supplementary',
  'slate',
] as const;

function comparable(result: Record<(typeof compared)[number], unknown>): Record<string, unknown> {
  return Object.fromEntries(compared.map((key) => [key, result[key]]));
}

const fieldWords: Readonly<Record<string, string>> = {
  status: '本轮是否有效',
  invalidReason: '无效原因',
  quorum: '到会人数判定',
  required: '所需人数',
  present: '到会人数',
  met: '是否符合要求',
  ballots: '选票',
  issued: '发出选票数',
  returned: '收回选票数',
  valid: '有效票数',
  invalid: '无效票数',
  threshold: '当选所需票数',
  minVotes: '当选所需最低票数',
  for: '赞成票',
  against: '不赞成票',
  abstain: '弃权票',
  writeIn: '是否另选他人',
  outcome: '结果',
  name: '姓名',
  elected: '当选名单',
  vacancies: '缺额',
  runoff: '再次投票',
  supplementary: '另行选举',
  slate: '差额',
  seats: '名额',
  candidates: '人选',
};

interface Difference {
  what: string;
  stated: string;
  recounted: string;
}

/** The first place two results differ, described for the message; undefined if they agree. */
function firstDifference(
  stated: unknown,
  recounted: unknown,
  path: string[] = [],
): Difference | undefined {
  if (canonicalJson(stated) === canonicalJson(recounted)) return undefined;
  const bothObjects =
    typeof stated === 'object' &&
    stated !== null &&
    typeof recounted === 'object' &&
    recounted !== null;
  const sameShape = bothObjects && Array.isArray(stated) === Array.isArray(recounted);
  if (
    sameShape &&
    !(Array.isArray(stated) && Array.isArray(recounted) && stated.length !== recounted.length)
  ) {
    const a = stated as Record<string, unknown>;
    const b = recounted as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const step = Array.isArray(stated) ? (nameAt(a[key]) ?? `第 ${Number(key) + 1} 项`) : key;
      const found = firstDifference(a[key], b[key], [...path, step]);
      if (found) return found;
    }
  }
  return { what: describe(path), stated: shown(stated), recounted: shown(recounted) };
}

function nameAt(value: unknown): string | undefined {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? `“${name}”` : undefined;
}

function describe(path: readonly string[]): string {
  // results[i] is named by the name it holds: “丁一”的赞成票.
  const words = path.filter((step) => step !== 'results').map((step) => fieldWords[step] ?? step);
  return words.length === 0 ? '结果' : words.join('的');
}

function shown(value: unknown): string {
  if (value === undefined) return '（无）';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '（无人）' : value.join('、');
  }
  return JSON.stringify(value);
}
