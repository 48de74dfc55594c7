/**
 * A box's (票箱 / 批次) life through entry, written once as data: the entry service enforces it,
 * the README draws it.
 *
 *   entering ──finish-first──▶ entered ──start-second──▶ second-entry ──finish-second──▶ comparing
 *      ▲                          │                           │                              │
 *      └───────send-back──────────┴─────────send-back─────────┘                    resolve-last
 *                                                                                            ▼
 *                                                                                       reconciled
 *
 * reopen: reconciled → entering, by the 总监票人 when a recount finds the box miscounted; both
 * passes are corrected and compared afresh.
 *
 * Without double entry a box stops at `entered`, which is when it counts; with it, only at
 * `reconciled`. A box whose two passes agree goes from comparing to reconciled at once.
 */
export const BOX_STATES = [
  'entering',
  'entered',
  'second-entry',
  'comparing',
  'reconciled',
] as const;

export type BoxState = (typeof BOX_STATES)[number];

export type BoxEvent =
  'finish-first' | 'send-back' | 'start-second' | 'finish-second' | 'resolve-last' | 'reopen';

interface BoxTransition {
  from: BoxState;
  event: BoxEvent;
  to: BoxState;
  /** Only for an election entered twice (双人录入). */
  doubleEntryOnly: boolean;
}

export const boxTransitions: readonly BoxTransition[] = [
  { from: 'entering', event: 'finish-first', to: 'entered', doubleEntryOnly: false },
  { from: 'entered', event: 'send-back', to: 'entering', doubleEntryOnly: false },
  // Also how pass 2 resumes after pass 1 was sent back and finished again.
  { from: 'entered', event: 'start-second', to: 'second-entry', doubleEntryOnly: true },
  { from: 'second-entry', event: 'send-back', to: 'entering', doubleEntryOnly: true },
  { from: 'second-entry', event: 'finish-second', to: 'comparing', doubleEntryOnly: true },
  { from: 'comparing', event: 'resolve-last', to: 'reconciled', doubleEntryOnly: true },
  // A recount found the box miscounted: both passes are corrected and compared afresh.
  { from: 'reconciled', event: 'reopen', to: 'entering', doubleEntryOnly: true },
];

/** Where the event takes a box in this state, or undefined when the machine does not allow it. */
export function nextBoxState(
  from: BoxState,
  event: BoxEvent,
  doubleEntry: boolean,
): BoxState | undefined {
  const found = boxTransitions.find(
    (t) => t.from === from && t.event === event && (doubleEntry || !t.doubleEntryOnly),
  );
  return found?.to;
}

/** The box's ballots count in the tally: entered once, or reconciled after double entry. */
export function boxCounts(state: BoxState, doubleEntry: boolean): boolean {
  return state === (doubleEntry ? 'reconciled' : 'entered');
}

/** Which pass a teller types into in this state; undefined when no one enters now. */
export function passInState(state: BoxState): 1 | 2 | undefined {
  if (state === 'entering') return 1;
  if (state === 'second-entry') return 2;
  return undefined;
}
