import { createElement } from 'react';
import { CongressSummary, type CongressSummaryProps } from './templates/results/CongressSummary';
import { ElectedList, type ElectedListProps } from './templates/results/ElectedList';
import { ResultSheet, type ResultSheetProps } from './templates/results/ResultSheet';
import { renderHtml } from './html';
import type { PrintableReport } from './printer';

/* The results step's reports: the same HTML previews, prints and goes into the export. */

export function resultSheetReport(sheet: ResultSheetProps): PrintableReport {
  return {
    title: `${sheet.electionTitle}计票结果报告单`,
    html: renderHtml(createElement(ResultSheet, sheet)),
    footer: 'page-numbers',
  };
}

export function electedListReport(list: ElectedListProps): PrintableReport {
  return {
    title: list.heading,
    html: renderHtml(createElement(ElectedList, list)),
    footer: 'page-numbers',
  };
}

export function congressSummaryReport(summary: CongressSummaryProps): PrintableReport {
  return {
    title: `${summary.congressName}选举结果汇总`,
    html: renderHtml(createElement(CongressSummary, summary)),
    footer: 'page-numbers',
  };
}
