import type { EntryRound } from '../../../shared/api/entry';
import {
  ballotReader,
  MARK,
  readBallot,
  type BallotEntry,
  type BallotReader,
  type EnteredWriteIn,
  type Mark,
  type Reading,
} from '../../../shared/domain/paper-ballot';

/**
 * The ballot being typed, as a pure reducer: the screen only turns keys into these actions. A
 * mark not yet typed is null (it will count as no mark, 弃权, once confirmed).
 */
export interface Draft {
  marks: (Mark | null)[];
  /** The candidate the next mark is for; marks.length once past the last one. */
  cursor: number;
  writeIns: EnteredWriteIn[];
  declaredInvalid: string | null;
  /** What Backspace takes back, most recent last. */
  history: Step[];
  /** Enter was pressed once over a warning: the next Enter commits. */
  armed: boolean;
}

type Step =
  | { kind: 'mark'; index: number; before: Mark | null; cursor: number }
  | { kind: 'fill'; indexes: number[]; cursor: number }
  | { kind: 'write-in' }
  | { kind: 'invalid'; before: string | null };

export type DraftAction =
  | { type: 'mark'; mark: Mark }
  | { type: 'fill' }
  | { type: 'move'; by: -1 | 1 }
  | { type: 'back' }
  | { type: 'clear' }
  | { type: 'write-in'; writeIn: EnteredWriteIn }
  | { type: 'invalid'; reason: string }
  | { type: 'arm' };

export function emptyDraft(candidates: number): Draft {
  return {
    marks: Array.from({ length: candidates }, () => null),
    cursor: 0,
    writeIns: [],
    declaredInvalid: null,
    history: [],
    armed: false,
  };
}

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'mark':
      return markAt(draft, action.mark);
    case 'fill':
      return fillRemaining(draft);
    case 'move': {
      const cursor = Math.min(Math.max(draft.cursor + action.by, 0), draft.marks.length);
      return { ...draft, cursor };
    }
    case 'back':
      return stepBack(draft);
    case 'clear':
      return emptyDraft(draft.marks.length);
    case 'write-in':
      return {
        ...draft,
        writeIns: [...draft.writeIns, action.writeIn],
        history: [...draft.history, { kind: 'write-in' }],
        armed: false,
      };
    case 'invalid':
      return {
        ...draft,
        declaredInvalid: action.reason,
        history: [...draft.history, { kind: 'invalid', before: draft.declaredInvalid }],
        armed: false,
      };
    case 'arm':
      return { ...draft, armed: true };
  }
}

function markAt(draft: Draft, mark: Mark): Draft {
  const index = draft.cursor;
  if (index >= draft.marks.length || draft.declaredInvalid !== null) return draft;
  const marks = draft.marks.slice();
  const before = marks[index] ?? null;
  marks[index] = mark;
  return {
    ...draft,
    marks,
    cursor: index + 1,
    history: [...draft.history, { kind: 'mark', index, before, cursor: index }],
    armed: false,
  };
}

/** ○ for every candidate from the cursor on that has no mark yet (全部画○ as read aloud). */
function fillRemaining(draft: Draft): Draft {
  if (draft.declaredInvalid !== null) return draft;
  const indexes: number[] = [];
  const marks = draft.marks.map((mark, i) => {
    if (i < draft.cursor || mark !== null) return mark;
    indexes.push(i);
    return MARK.for;
  });
  if (indexes.length === 0) return { ...draft, cursor: draft.marks.length };
  return {
    ...draft,
    marks,
    cursor: draft.marks.length,
    history: [...draft.history, { kind: 'fill', indexes, cursor: draft.cursor }],
    armed: false,
  };
}

function stepBack(draft: Draft): Draft {
  const step = draft.history.at(-1);
  const history = draft.history.slice(0, -1);
  const base = { ...draft, history, armed: false };
  if (!step) return { ...base, cursor: Math.max(draft.cursor - 1, 0) };
  switch (step.kind) {
    case 'mark': {
      const marks = draft.marks.slice();
      marks[step.index] = step.before;
      return { ...base, marks, cursor: step.cursor };
    }
    case 'fill': {
      const marks = draft.marks.map((mark, i) => (step.indexes.includes(i) ? null : mark));
      return { ...base, marks, cursor: step.cursor };
    }
    case 'write-in':
      return { ...base, writeIns: draft.writeIns.slice(0, -1) };
    case 'invalid':
      return { ...base, declaredInvalid: step.before };
  }
}

/** Nothing typed yet: an empty ballot on screen. */
export function isBlank(draft: Draft): boolean {
  return draft.history.length === 0 && draft.declaredInvalid === null;
}

/** What is sent: a mark never typed is no mark. */
export function entryOf(draft: Draft): BallotEntry {
  return {
    marks: draft.marks.map((mark) => mark ?? MARK.none).join(''),
    writeIns: draft.writeIns,
    declaredInvalid: draft.declaredInvalid,
  };
}

/** The places (from 1) whose mark was never typed. */
export function untyped(draft: Draft): number[] {
  return draft.marks.flatMap((mark, i) => (mark === null ? [i + 1] : []));
}

export interface DraftVerdict {
  reading: Reading;
  /** 超选：… → 废票, when the marks typed so far over-vote. */
  overVote: string | null;
  /** Which candidates have no mark typed yet; they count as no mark once confirmed. */
  untyped: string | null;
  /** What the teller must confirm with a second Enter; empty when one Enter commits. */
  warnings: string[];
}

/** How the round's ballots are read: its candidates, its limit and its write-in rule. */
export function readerOf(round: EntryRound): BallotReader {
  return ballotReader(round.candidates, round.limit, {
    writeInWithoutMark: round.writeInWithoutMark,
    preliminary: round.kind === 'preliminary',
  });
}

/** The engine's reading of the draft and what needs a second look before it is committed. */
export function verdictOf(reader: BallotReader, draft: Draft): DraftVerdict {
  const entry = entryOf(draft);
  const reading = readBallot(reader, entry);
  if (draft.declaredInvalid !== null) {
    return { reading, overVote: null, untyped: null, warnings: [] };
  }
  const overVote = reading.overVoteReason ? `${reading.overVoteReason} → 废票` : null;
  const missing = untyped(draft);
  const untypedWords =
    missing.length > 0 ? `第 ${placesWords(missing)} 名未录入符号，将按未画（弃权）计` : null;
  const warnings = [overVote, untypedWords].filter((w): w is string => w !== null);
  return { reading, overVote, untyped: untypedWords, warnings };
}

/** 3、5–7 for places 3, 5, 6, 7. */
function placesWords(places: readonly number[]): string {
  const runs: string[] = [];
  let start = places[0];
  let prev = start;
  for (const place of [...places.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (place === prev + 1) {
      prev = place;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = place;
    prev = place;
  }
  return runs.join('、');
}
