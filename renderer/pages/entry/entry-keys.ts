import { MARK, type Mark } from '../../../shared/domain/paper-ballot';

/**
 * The entry screen's keys. Each action has a key on the home row (J K L, A, W, F), one on the
 * digit row and one on the numeric keypad, so a teller reading the ballot aloud never looks down.
 */
export type KeyAction =
  | { type: 'mark'; mark: Mark }
  | { type: 'fill' }
  | { type: 'write-in' }
  | { type: 'invalid' }
  | { type: 'enter' }
  | { type: 'back' }
  | { type: 'clear' }
  | { type: 'move'; by: -1 | 1 }
  | { type: 'corrections' };

const byKey: Readonly<Record<string, KeyAction>> = {
  '1': { type: 'mark', mark: MARK.for },
  j: { type: 'mark', mark: MARK.for },
  ' ': { type: 'mark', mark: MARK.for },
  '2': { type: 'mark', mark: MARK.against },
  k: { type: 'mark', mark: MARK.against },
  '3': { type: 'mark', mark: MARK.none },
  l: { type: 'mark', mark: MARK.none },
  '0': { type: 'mark', mark: MARK.none },
  '4': { type: 'mark', mark: MARK.unclear },
  '/': { type: 'mark', mark: MARK.unclear },
  '?': { type: 'mark', mark: MARK.unclear },
  a: { type: 'fill' },
  '+': { type: 'fill' },
  w: { type: 'write-in' },
  f: { type: 'invalid' },
  '*': { type: 'invalid' },
  enter: { type: 'enter' },
  backspace: { type: 'back' },
  escape: { type: 'clear' },
  arrowleft: { type: 'move', by: -1 },
  arrowright: { type: 'move', by: 1 },
  r: { type: 'corrections' },
};

/** The action of a key press on the ballot; none with Ctrl, Alt or ⌘ (the shell's keys). */
export function actionForKey(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): KeyAction | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  return byKey[event.key.toLowerCase()];
}

/** The keycap legend on screen, in the order a ballot is entered. */
export const keyLegend: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['1', 'J', '空格'], label: '○ 赞成' },
  { keys: ['2', 'K'], label: '× 不赞成' },
  { keys: ['3', 'L', '0'], label: '弃权（未画）' },
  { keys: ['4', '/'], label: '不清（按弃权计）' },
  { keys: ['A', '+'], label: '其余全部 ○' },
  { keys: ['W'], label: '另选他人' },
  { keys: ['F', '*'], label: '整张废票' },
  { keys: ['Enter'], label: '保存本张' },
  { keys: ['Backspace'], label: '退一步' },
  { keys: ['Esc'], label: '清空本张' },
  { keys: ['←', '→'], label: '移到上/下一名' },
  { keys: ['R'], label: '查看与更正' },
];
