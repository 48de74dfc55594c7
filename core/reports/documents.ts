import { createElement } from 'react';
import { Ballot, type BallotProps } from './templates/Ballot';
import { DelegateCards, type DelegateCardsProps } from './templates/DelegateCards';
import { SignInSheet, type SignInSheetProps } from './templates/SignInSheet';
import { compareNames, type NameOrder } from '../../shared/names';
import { renderHtml, type PrintableReport } from './printer';

/*
 * One builder per report: the preview shows `html`, printing and export pass the same object to
 * a PdfPrinter, so what is checked on screen is what comes out on paper.
 */

/** The candidates print in the order given: the round's positions are the order approved. */
export function ballotReport(ballot: BallotProps): PrintableReport {
  return {
    title: `${ballot.electionTitle}选票`,
    html: renderHtml(createElement(Ballot, ballot)),
    footer: 'none',
  };
}

export type SignInSheetInput = SignInSheetProps & { nameOrder: NameOrder };

export function signInSheetReport({ nameOrder, ...sheet }: SignInSheetInput): PrintableReport {
  const delegates = byUnitInStrokeOrder(sheet.delegates, nameOrder);
  return {
    title: `${sheet.congressName}代表签到表`,
    html: renderHtml(createElement(SignInSheet, { ...sheet, delegates })),
    footer: 'page-numbers',
  };
}

export type DelegateCardsInput = DelegateCardsProps & { nameOrder: NameOrder };

/** Cards are cut apart, so a page number on the sheet would only be in the way. */
export function delegateCardsReport({ nameOrder, ...cards }: DelegateCardsInput): PrintableReport {
  const delegates = byUnitInStrokeOrder(cards.delegates, nameOrder);
  return {
    title: `${cards.congressName}代表证`,
    html: renderHtml(createElement(DelegateCards, { ...cards, delegates })),
    footer: 'none',
  };
}

/**
 * Units in roster order, delegates in 姓氏笔画 order within each, as sign-in desks and card
 * envelopes are arranged. A name without stroke data still gets a place (after the known ones);
 * the warning for it belongs to the ballot and the announcement, where the order is the law's.
 */
function byUnitInStrokeOrder<T extends { name: string; unit: string }>(
  delegates: readonly T[],
  order: NameOrder,
): T[] {
  const units = [...new Set(delegates.map((d) => d.unit))];
  return units.flatMap((unit) =>
    delegates.filter((d) => d.unit === unit).sort((a, b) => compareNames(a.name, b.name, order)),
  );
}
