import { createElement } from 'react';
import type { Round } from '../../db/elections';
import type { Store } from '../../db/store';
import type { Validity } from '../../shared/api/checkin';
import { fail, ok, type Result } from '../../shared/api/result';
import { roundLabel } from '../../shared/strings/issuance';
import type { Built } from './handlers';
import { numbered } from '../platform/round-number';
import { dateTime } from '../../shared/strings/time';
import { validityOf } from '../checkin/validity';
import { notFound } from '../platform/lookup';
import { renderHtml, type PrintableReport } from './printer';
import { IssuanceSheet, type IssuanceSheetProps } from './templates/IssuanceSheet';

/** The 分发/收回选票情况报告单 of a round, from the database: preview, PDF and CLI share it. */
export function buildIssuanceSheet(store: Store, { roundId }: { roundId: number }): Result<Built> {
  const round = store.elections.roundById(roundId);
  const election = round && store.elections.byId(round.electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!round || !election || !congress) {
    return notFound('roundId');
  }
  const label = roundLabel(numbered(round, store.elections.roundsOf(election.id)));
  const { entitled, issued, issuedAt } = round;
  if (entitled === null || issued === null || issuedAt === null) {
    return fail(
      'invalid-state',
      `“${election.title}”${label}尚未发票，还没有分发、收回选票的情况可以报告`,
      { field: 'roundId' },
    );
  }
  const validity = validityOf(congress, {
    entitled,
    present: round.present ?? 0,
    returned: round.returned,
  });
  const report = issuanceReport({
    congressName: congress.name,
    electionTitle: election.title,
    round: label,
    seats: round.seats,
    basis: validity.basis,
    entitled,
    present: round.present,
    issued,
    returned: round.returned,
    issuedAt: dateTime(issuedAt),
    returnedAt: round.returnedAt === null ? null : dateTime(round.returnedAt),
    quorum: `${validity.text}（${validity.rule}）`,
    accounting: accountingText(issued, round.returned),
    statement: statement(round, issued, validity),
  });
  return ok({
    report,
    fileName: `${report.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`,
    roundId: null,
  });
}

function accountingText(issued: number, returned: number | null): string | null {
  if (returned === null) return null;
  if (returned > issued) {
    return `收回选票 ${returned} 张，多于发出的 ${issued} 张，本轮选举无效，应重新选举`;
  }
  const verdict = returned === issued ? '等于' : '少于';
  return `收回选票 ${returned} 张，${verdict}发出的 ${issued} 张，可以进行计票`;
}

/** The words the 总监票人 reads out, as such reports are phrased in the hall. */
function statement(round: Round, issued: number, validity: Validity): string {
  const electorate =
    validity.basis === 'attendance'
      ? `本次选举应到会有选举权的 ${validity.entitled} 人，实到会有选举权的 ${validity.count ?? 0} 人，${validity.met ? '符合选举要求' : '不符合选举要求'}。`
      : `本次选举登记选民 ${validity.entitled} 人。`;
  const { returned } = round;
  if (returned === null) return `${electorate}共发出选票 ${issued} 张。`;
  const ballots = `共发出选票 ${issued} 张，收回选票 ${returned} 张`;
  if (returned > issued) {
    return `${electorate}${ballots}，收回的选票多于发出的选票，本轮选举无效，应重新选举。`;
  }
  const compare = returned === issued ? '等于' : '少于';
  const turnout =
    validity.basis === 'turnout'
      ? `，收回选票${validity.met ? '超过' : '未超过'}登记选民的半数`
      : '';
  const valid = validity.met === true ? '选举有效' : '选举无效';
  return `${electorate}${ballots}，收回的选票${compare}发出的选票${turnout}，${valid}。`;
}

/** The 分发/收回选票情况报告单: the same HTML previews, prints and goes into the export. */
function issuanceReport(sheet: IssuanceSheetProps): PrintableReport {
  return {
    title: `${sheet.electionTitle}${sheet.round}分发、收回选票情况报告单`,
    html: renderHtml(createElement(IssuanceSheet, sheet)),
    footer: 'none',
  };
}
