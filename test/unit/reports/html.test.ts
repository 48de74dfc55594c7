import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ballotReport,
  delegateCardsReport,
  signInSheetReport,
} from '../../../core/reports/documents';
import { SignatureLines } from '../../../core/reports/templates/SignatureLines';

const congressName = '中国共产党东湖镇第十六次代表大会';
const reports = {
  ballot: ballotReport({
    congressName,
    electionTitle: '选举委员会委员',
    seats: 2,
    candidates: ['丁一', '<b>王二</b>', '张三'],
    strokeOrder: true,
    writeInBlanks: 1,
    instructions: '',
    colourLabel: '',
  }),
  signIn: signInSheetReport({
    congressName,
    delegates: [{ name: '丁一', gender: '男', cardNo: '001', unit: '机关', excused: false }],
    nameOrder: 'party',
  }),
  cards: delegateCardsReport({
    congressName,
    delegates: [{ name: '丁一', unit: '机关', cardNo: '001' }],
    nameOrder: 'party',
  }),
};

describe('report HTML', () => {
  it.each(Object.entries(reports))('%s is one self-contained document', (_, report) => {
    expect(
      report.html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charSet="utf-8"/>'),
    ).toBe(true);
    expect(report.html).not.toMatch(/<script|<link|\s(src|href)=|url\(|@import/i);
    expect(report.html).toContain('@page');
    expect(report.html).toContain(
      "'Noto Serif CJK SC', 'Noto Sans CJK SC', 'SimSun', 'Microsoft YaHei', serif",
    );
  });

  it('prints names as text, never as markup', () => {
    expect(reports.ballot.html).toContain('&lt;b&gt;王二&lt;/b&gt;');
    expect(reports.ballot.html).not.toContain('<b>王二');
  });

  it('numbers the pages of the sign-in sheet, not of the ballot or the cards', () => {
    expect([reports.ballot.footer, reports.signIn.footer, reports.cards.footer]).toEqual([
      'none',
      'page-numbers',
      'none',
    ]);
  });

  it('lists each unit in roster order and its delegates in 姓氏笔画 order', () => {
    const delegates = [
      { name: '王二', unit: '乙支部', cardNo: '1' },
      { name: '田大利', unit: '甲支部', cardNo: '2' },
      { name: '丁一', unit: '乙支部', cardNo: '3' },
      { name: '田富', unit: '甲支部', cardNo: '4' },
      { name: '于三', unit: '乙支部', cardNo: '5' },
    ];
    const order = (html: string) =>
      delegates.map((d) => d.name).sort((a, b) => html.indexOf(`>${a}<`) - html.indexOf(`>${b}<`));
    const party = delegateCardsReport({ congressName, delegates, nameOrder: 'party' }).html;
    expect(order(party)).toEqual(['丁一', '于三', '王二', '田富', '田大利']);
    const sheet = signInSheetReport({
      congressName,
      delegates: delegates.map((d) => ({ ...d, gender: null, excused: false })),
      nameOrder: 'npc',
    }).html;
    expect(order(sheet)).toEqual(['丁一', '于三', '王二', '田大利', '田富']);
  });

  it('gives the result sheets lines to sign for each role and a date to fill in', () => {
    const text = renderToStaticMarkup(createElement(SignatureLines)).replace(/<[^>]+>/g, '|');
    expect(text.match(/(总监票人|监票人|计票人)（签名）：/g)).toEqual([
      '总监票人（签名）：',
      '监票人（签名）：',
      '计票人（签名）：',
    ]);
    expect(text).toMatch(/\|年\|+月\|+日/);
  });
});
