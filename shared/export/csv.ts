import { outcomeLabels } from '../strings/results';
import { roundKindLabels } from '../strings/setup';
import type { ResultsDocument, ResultsRound } from './results';

/*
 * results.csv: results.json flattened for a spreadsheet, one row per name per round. It is made
 * from results.json alone, so a verifier makes it again and compares: the CSV cannot say
 * anything the signed results do not. UTF-8 with a byte-order mark and CRLF, as Excel expects.
 */

const header = [
  '选举事项',
  '轮次',
  '轮次类型',
  '应选名额',
  '应到人数',
  '实到人数',
  '发出选票',
  '收回选票',
  '有效票',
  '无效票',
  '本轮是否有效',
  '当选所需最低票数',
  '姓名',
  '是否另选他人',
  '赞成票',
  '不赞成票',
  '弃权票',
  '结果',
];

type Cell = string | number | null;

export function resultsCsv(results: ResultsDocument): string {
  const rows: Cell[][] = [header];
  for (const election of results.elections) {
    for (const round of election.rounds) rows.push(...roundRows(election.title, round));
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function roundRows(title: string, round: ResultsRound): Cell[][] {
  const { parameters: p, result: r } = round;
  const common: Cell[] = [
    title,
    round.label,
    roundKindLabels[p.round],
    p.seats,
    p.electorate.entitled,
    p.electorate.present,
    r.ballots.issued,
    r.ballots.returned,
    r.ballots.valid,
    r.ballots.invalid,
    r.status === 'valid' ? '有效' : '无效',
    r.threshold?.minVotes ?? null,
  ];
  if (r.results.length === 0) {
    return p.candidates.map((name) => [
      ...common,
      name,
      '否',
      null,
      null,
      null,
      '本轮无效，未计票',
    ]);
  }
  return r.results.map((n) => [
    ...common,
    n.name,
    n.writeIn ? '是' : '否',
    n.for,
    n.writeIn ? null : n.against,
    n.writeIn ? null : n.abstain,
    outcomeLabels[n.outcome],
  ]);
}

/**
 * Quoted where needed; a text starting with = + - @ (or a tab or return) is prefixed with ' so
 * that a written-in "name" cannot become a formula when the county opens the file.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
