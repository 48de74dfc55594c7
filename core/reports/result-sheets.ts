import { createElement } from 'react';
import type { Congress } from '../../db/congresses';
import type { Store } from '../../db/store';
import { fail, ok, type Result } from '../../shared/api/result';
import type { RoundResults, UnlockRecord } from '../../shared/api/results';
import { outcomeLabel, dateWords } from '../../shared/strings/results';
import { profileLabels, roundStateLabels } from '../../shared/strings/setup';
import type { Seal } from './templates/results/parts';
import {
  ResultSheet,
  type ResultSheetProps,
  type RoundSheet,
} from './templates/results/ResultSheet';
import {
  CongressSummary,
  type CongressSummaryProps,
  type SummaryElection,
} from './templates/results/CongressSummary';
import { ElectedList, type ElectedListProps } from './templates/results/ElectedList';
import { renderHtml, type PrintableReport } from './printer';
import { electionResults, resultRound, type ElectionAt } from '../results/election-results';
import type { Built } from './handlers';
import { roundResults } from '../results/round-results';
import { isTallied, tallyOf } from '../results/tally-input';
import { dateTime } from '../../shared/strings/time';
import { validityOf } from '../checkin/validity';
import { notFound } from '../platform/lookup';

/*
 * The results step's printouts from the database: the preview, the PDF, the command line (and
 * the export, which adds the seal) all build them here.
 */

function electionAt(store: Store, electionId: number): Result<ElectionAt> {
  const election = store.elections.byId(electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!election || !congress) {
    return notFound('electionId');
  }
  return ok({ election, congress, rounds: store.elections.roundsOf(election.id) });
}

/** The 计票结果报告单 of one round, or of every counted round of the election. */
export function buildResultSheet(
  store: Store,
  request: { electionId: number; roundId?: number | undefined },
  seal?: Seal,
): Result<Built> {
  const found = electionAt(store, request.electionId);
  if (!found.ok) return found;
  const at = found.value;
  const rounds = at.rounds.filter(
    (r) => isTallied(r) && (request.roundId === undefined || r.id === request.roundId),
  );
  if (rounds.length === 0) {
    const which = at.rounds.find((r) => r.id === request.roundId);
    const what = which ? resultRound(which, at.rounds).label : '';
    return fail(
      'invalid-state',
      `“${at.election.title}”${what}还没有完成计票，没有计票结果可以打印`,
      {
        field: request.roundId === undefined ? 'electionId' : 'roundId',
      },
    );
  }
  const sheets = rounds.map((round) => {
    const located = { ...at, round };
    return roundSheet(
      store,
      at.congress,
      roundResults(store, located, tallyOf(store, located)),
      seal,
    );
  });
  const report = resultSheetReport({
    congressName: at.congress.name,
    electionTitle: at.election.title,
    date: dateWords(at.congress.heldOn),
    sheets,
  });
  const suffix = rounds.length === 1 && rounds[0] ? resultRound(rounds[0], at.rounds).label : '';
  return ok({ report, fileName: fileNameOf(`${report.title}${suffix}`), roundId: null });
}

function roundSheet(store: Store, congress: Congress, r: RoundResults, seal?: Seal): RoundSheet {
  return {
    roundLabel: r.round.label,
    seats: r.round.seats,
    basis: r.basis,
    entitled: r.entitled,
    present: r.present,
    ballots: r.ballots,
    threshold: r.threshold?.text ?? r.thresholdNote,
    names: r.names.map((n) => ({
      name: n.name,
      writeIn: n.writeIn,
      for: n.for,
      against: n.against,
      abstain: n.abstain,
      outcome: outcomeLabel(n.outcome, r.round.kind),
      elected: n.outcome === 'elected' || n.outcome === 'qualified',
    })),
    elected: r.elected,
    orderNote: r.orderNote,
    followUp: followUpWords(r),
    statement: statement(congress, r),
    certification: r.certified
      ? `本结果已于 ${dateTime(r.certified.at)} 经总监票人 ${r.certified.by} 签核。`
      : '本结果尚未经总监票人签核，仅供核对，不作为正式结果。',
    certified: r.certified !== null,
    unlocks: r.unlocks.map(unlockWords),
    signatories: {
      chief: r.certified?.by ?? null,
      scrutineers: store.people
        .list()
        .filter((p) => p.active && p.role === 'scrutineer')
        .map((p) => p.name),
      tellers: r.tellers,
    },
    seal,
  };
}

function unlockWords(u: UnlockRecord): string {
  return `本结果曾于 ${dateTime(u.at)} 解锁重核，理由：${u.reason}（${u.by}）`;
}

/** What the 总监票人 reads out about the round: the meeting, the ballots, who is elected. */
function statement(congress: Congress, r: RoundResults): string {
  const { issued, returned, valid, invalid } = r.ballots;
  const validity = validityOf(congress, {
    entitled: r.entitled,
    present: r.present ?? 0,
    returned,
  });
  const electorate =
    r.basis === 'attendance'
      ? `本次选举应到会有选举权的 ${r.entitled} 人，实到会有选举权的 ${r.present ?? 0} 人，${validity.met === true ? '符合' : '不符合'}选举要求。`
      : `本次选举登记选民 ${r.entitled} 人。`;
  const compare = returned === issued ? '等于' : returned < issued ? '少于' : '多于';
  const ballots = `共发出选票 ${issued} 张，收回 ${returned} 张，收回的选票${compare}发出的选票`;
  if (r.status !== 'valid') {
    return `${electorate}${ballots}。${r.thresholdNote}。本轮选举无效，应重新选举。`;
  }
  // The names themselves are listed just above the statement, in announcement order.
  const outcome =
    r.elected.length > 0 ? `当选 ${r.elected.length} 名，名单如上。` : '本轮无人当选。';
  const setAside = r.eligibility.flatMap((e) =>
    e.confirmed?.eligible === false
      ? [
          `另选他人 ${e.name} 经监票人核实不具备被选举资格（${e.confirmed.note}），不当选，其名额空缺。`,
        ]
      : [],
  );
  return `${electorate}${ballots}，选举有效。经计票，有效票 ${valid ?? 0} 张，无效票 ${invalid ?? 0} 张。${outcome}${setAside.join('')}`;
}

/** The engine's words on the tie or the shortfall, with what was decided after it. */
function followUpWords(r: RoundResults): string | null {
  const f = r.followUp;
  if (f.kind === 'none') return null;
  const said = r.determinations.find((d) => d.kind === f.kind)?.text ?? '';
  if (f.kind === 'runoff') {
    return f.round ? `${said}已开启${f.round.label}。` : said;
  }
  if (f.kind === 'formal') {
    const listed = `预选确定正式候选人 ${f.qualified.length} 名：${f.qualified.join('、')}。`;
    return f.round ? `${listed}已开启${f.round.label}。` : listed;
  }
  const decided: string[] = [];
  if (f.reduction) {
    const d = f.reduction;
    decided.push(
      `经${d.decidedBy}决定，本轮名额由 ${d.seatsBefore} 名减为 ${d.seatsAfter} 名（理由：${d.reason}）`,
    );
  }
  if (f.round) decided.push(`已开启${f.round.label}，候选人：${f.round.candidates.join('、')}`);
  return decided.length > 0 ? `${said}。${decided.join('；')}。` : said;
}

/** 当选名单 of an election: its certified rounds' elected, in announcement order. */
export function buildElectedList(
  store: Store,
  { electionId }: { electionId: number },
): Result<Built> {
  const found = electionAt(store, electionId);
  if (!found.ok) return found;
  const at = found.value;
  if (!at.rounds.some((r) => r.state === 'certified' && r.kind !== 'preliminary')) {
    return fail(
      'invalid-state',
      `“${at.election.title}”还没有经总监票人签核的结果，不能打印当选名单`,
      {
        field: 'electionId',
      },
    );
  }
  const results = electionResults(store, at);
  const rounds = at.rounds
    .filter((r) => r.state === 'certified' && r.kind !== 'preliminary')
    .map((round) => {
      const elected = results.elected.filter((e) => e.roundId === round.id).length;
      const d = store.elections.seatReductionOf(round.id);
      const reduced = d
        ? `；经${d.decidedBy}决定，名额由 ${d.seatsBefore} 名减为 ${d.seatsAfter} 名`
        : '';
      return `${resultRound(round, at.rounds).label}应选 ${round.seats} 名，当选 ${elected} 名${reduced}`;
    });
  const heading = `${at.election.title.replace(/^选举/, '')}当选名单`;
  const report = electedListReport({
    congressName: at.congress.name,
    heading,
    names: results.elected.map((e) => e.name),
    orderNote: results.orderNote,
    rounds,
    pending: results.pending,
    unlocks: unlocksOf(store, at),
    date: dateWords(at.congress.heldOn),
  });
  return ok({ report, fileName: fileNameOf(heading), roundId: null });
}

function unlocksOf(store: Store, at: ElectionAt, prefix = ''): string[] {
  return at.rounds.flatMap((round) =>
    store.elections.unlocksOf(round.id).map((u) => {
      const by = store.people.byId(u.byPerson)?.name ?? `人员 ${u.byPerson}`;
      const label = resultRound(round, at.rounds).label;
      return `${prefix}${label}：${unlockWords({ by, at: u.at, reason: u.reason })}`;
    }),
  );
}

/** 选举结果汇总 of a congress: every election, its rounds and its elected. */
export function buildSummary(store: Store, { congressId }: { congressId: number }): Result<Built> {
  const congress = store.congresses.byId(congressId);
  if (!congress) return notFound('congressId');
  const elections = store.elections.listByCongress(congress.id).map((election) => ({
    election,
    congress,
    rounds: store.elections.roundsOf(election.id),
  }));
  if (elections.length === 0) {
    return fail('invalid-state', `“${congress.name}”还没有选举事项，没有结果可以汇总`);
  }
  const counts = store.delegates.counts(congress.id);
  const report = congressSummaryReport({
    congressName: congress.name,
    about: aboutLines(congress),
    attendance: counts.entitled > 0 ? counts : null,
    elections: elections.map((at) => summaryElection(store, at)),
    unlocks: elections.flatMap((at) => unlocksOf(store, at, `“${at.election.title}”`)),
    date: dateWords(congress.heldOn),
  });
  return ok({ report, fileName: fileNameOf(report.title), roundId: null });
}

function aboutLines(congress: Congress): string[] {
  const lines = [
    congress.term && `届次：${congress.term}`,
    congress.organiser && `主办：${congress.organiser}`,
    congress.venue && `地点：${congress.venue}`,
    `日期：${dateWords(congress.heldOn)}`,
    `选举规则：${profileLabels[congress.profile]}`,
  ];
  return lines.filter((line) => line !== '');
}

function summaryElection(store: Store, at: ElectionAt): SummaryElection {
  const results = electionResults(store, at);
  return {
    title: at.election.title,
    seats: at.election.seats,
    rounds: at.rounds.map((round) => {
      const label = resultRound(round, at.rounds).label;
      const tallied = isTallied(round) ? tallyOf(store, { ...at, round }).result : null;
      return {
        label,
        state: roundStateLabels[round.state],
        issued: round.issued,
        returned: round.returned,
        valid: tallied?.ballots.valid ?? null,
        invalid: tallied?.ballots.invalid ?? null,
        elected: tallied && round.state === 'certified' ? tallied.elected.length : null,
      };
    }),
    elected: results.elected.map((e) => e.name),
    orderNote: results.orderNote,
    pending: results.pending,
  };
}

/** A name every file system accepts. */
function fileNameOf(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
}

function resultSheetReport(sheet: ResultSheetProps): PrintableReport {
  return {
    title: `${sheet.electionTitle}计票结果报告单`,
    html: renderHtml(createElement(ResultSheet, sheet)),
    footer: 'page-numbers',
  };
}

function electedListReport(list: ElectedListProps): PrintableReport {
  return {
    title: list.heading,
    html: renderHtml(createElement(ElectedList, list)),
    footer: 'page-numbers',
  };
}

function congressSummaryReport(summary: CongressSummaryProps): PrintableReport {
  return {
    title: `${summary.congressName}选举结果汇总`,
    html: renderHtml(createElement(CongressSummary, summary)),
    footer: 'page-numbers',
  };
}
