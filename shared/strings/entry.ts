import type { BoxEvent, BoxState } from '../domain/boxes';

/** A box's state as a short label for lists; the first pass's end reads differently when twice. */
export function boxStateLabel(state: BoxState, doubleEntry: boolean): string {
  switch (state) {
    case 'entering':
      return doubleEntry ? '第一遍录入中' : '录入中';
    case 'entered':
      return doubleEntry ? '待第二遍录入' : '已录完';
    case 'second-entry':
      return '第二遍录入中';
    case 'comparing':
      return '待核对';
    case 'reconciled':
      return '已核对';
  }
}

/** A box's state as the rest of a sentence: “一号箱”正在录入，不能…… */
export function boxStatePhrase(state: BoxState, doubleEntry: boolean): string {
  switch (state) {
    case 'entering':
      return doubleEntry ? '正在第一遍录入' : '正在录入';
    case 'entered':
      return doubleEntry ? '第一遍已录完' : '已录完';
    case 'second-entry':
      return '正在第二遍录入';
    case 'comparing':
      return '两遍录入已完成，正在核对';
    case 'reconciled':
      return '已核对完毕';
  }
}

export const boxEventWords: Record<BoxEvent, string> = {
  'finish-first': '完成录入',
  'send-back': '退回更正',
  'start-second': '开始第二遍录入',
  'finish-second': '完成第二遍录入',
  'resolve-last': '完成核对',
  reopen: '重开',
};

export const passLabels: Record<1 | 2, string> = { 1: '第一遍', 2: '第二遍' };
