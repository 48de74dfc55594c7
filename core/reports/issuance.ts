import { createElement } from 'react';
import { IssuanceSheet, type IssuanceSheetProps } from './templates/IssuanceSheet';
import { renderHtml } from './html';
import type { PrintableReport } from './printer';

/** The 分发/收回选票情况报告单: the same HTML previews, prints and goes into the export. */
export function issuanceReport(sheet: IssuanceSheetProps): PrintableReport {
  return {
    title: `${sheet.electionTitle}${sheet.round}分发、收回选票情况报告单`,
    html: renderHtml(createElement(IssuanceSheet, sheet)),
    footer: 'none',
  };
}
