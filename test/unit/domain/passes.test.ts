import { describe, expect, it } from 'vitest';
import { passOpenFor, type PassBox } from '../../../shared/domain/passes';

const first = (tellerId: number) => ({ pass: 1 as const, tellerId });
const second = (tellerId: number) => ({ pass: 2 as const, tellerId });

describe('who may open a pass', () => {
  it.each<[string, PassBox, boolean, ReturnType<typeof passOpenFor>]>([
    ['a new box to anyone', { state: 'entering', passes: [] }, true, opened(1, false, false)],
    [
      'pass 1 to its teller',
      { state: 'entering', passes: [first(7)] },
      true,
      opened(1, true, false),
    ],
    ['pass 1 not to another', { state: 'entering', passes: [first(8)] }, true, refused('taken')],
    [
      'pass 2 to a second teller',
      { state: 'entered', passes: [first(8)] },
      true,
      opened(2, false, true),
    ],
    [
      'pass 2 not to the first teller',
      { state: 'entered', passes: [first(7)] },
      true,
      refused('own-first'),
    ],
    [
      'pass 2 again to its teller after a send-back',
      { state: 'entered', passes: [first(8), second(7)] },
      true,
      opened(2, true, true),
    ],
    [
      'pass 2 not to a third teller',
      { state: 'entered', passes: [first(8), second(9)] },
      true,
      refused('taken'),
    ],
    [
      'pass 2 in progress to its teller',
      { state: 'second-entry', passes: [first(8), second(7)] },
      true,
      opened(2, true, false),
    ],
    [
      'no pass 2 without double entry',
      { state: 'entered', passes: [first(8)] },
      false,
      refused('no-pass'),
    ],
    [
      'nothing while comparing',
      { state: 'comparing', passes: [first(8), second(9)] },
      true,
      refused('no-pass'),
    ],
  ])('gives %s', (_name, box, doubleEntry, expected) => {
    expect(passOpenFor(box, 7, doubleEntry)).toEqual(expected);
  });
});

function opened(pass: 1 | 2, resumed: boolean, startsSecond: boolean) {
  return { open: true, pass, resumed, startsSecond } as const;
}

function refused(refusal: 'no-pass' | 'own-first' | 'taken') {
  return { open: false, refusal } as const;
}
