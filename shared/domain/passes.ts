import type { BoxState } from './boxes';

/** A box as far as opening a pass goes: its state and who holds the passes begun so far. */
export interface PassBox {
  state: BoxState;
  passes: readonly { pass: 1 | 2; tellerId: number }[];
}

/**
 * What a teller gets on opening a box. `startsSecond`: the box moves to second entry (the
 * machine's start-second) as the pass opens.
 */
export type PassOpening =
  | { open: true; pass: 1 | 2; resumed: boolean; startsSecond: boolean }
  | {
      open: false;
      /** no-pass: nobody types into a box in this state; taken: another teller's pass. */
      refusal: 'no-pass' | 'own-first' | 'taken';
    };

/**
 * Who may open which pass of a box: pass 1 the first teller to open it, then only they; under
 * double entry, pass 2 once pass 1 is finished, by any other teller, then only them.
 */
export function passOpenFor(box: PassBox, tellerId: number, doubleEntry: boolean): PassOpening {
  const first = box.passes.find((p) => p.pass === 1);
  const second = box.passes.find((p) => p.pass === 2);
  if (box.state === 'entering') return claim(1, first?.tellerId, tellerId, false);
  if (box.state === 'second-entry' && second) return claim(2, second.tellerId, tellerId, false);
  if (box.state !== 'entered' || !doubleEntry) return { open: false, refusal: 'no-pass' };
  if (first?.tellerId === tellerId) return { open: false, refusal: 'own-first' };
  return claim(2, second?.tellerId, tellerId, true);
}

/** The pass is free (nobody has begun it), or the teller's own. */
function claim(
  pass: 1 | 2,
  holder: number | undefined,
  tellerId: number,
  startsSecond: boolean,
): PassOpening {
  if (holder === undefined) return { open: true, pass, resumed: false, startsSecond };
  if (holder !== tellerId) return { open: false, refusal: 'taken' };
  return { open: true, pass, resumed: true, startsSecond };
}
