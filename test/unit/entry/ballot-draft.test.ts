import { describe, expect, it } from 'vitest';
import {
  ballotReader,
  engineBallot,
  readBallot,
  storedBallot,
} from '../../../shared/domain/paper-ballot';
import {
  draftReducer,
  emptyDraft,
  entryOf,
  verdictOf,
  type Draft,
} from '../../../renderer/pages/entry/ballot-draft';
import { actionForKey } from '../../../renderer/pages/entry/entry-keys';
import { nineOfEleven } from './seed';

const reader = ballotReader(nineOfEleven, 9, { writeInWithoutMark: 'ignore', preliminary: false });

/** Types keys as the entry screen does: each key's action, applied to the draft. */
function typed(keys: readonly string[], start: Draft = emptyDraft(11)): Draft {
  return keys.reduce((draft, key) => {
    const action = actionForKey({ key, ctrlKey: false, altKey: false, metaKey: false });
    if (!action) throw new Error(`no action for ${key}`);
    if (
      action.type === 'mark' ||
      action.type === 'fill' ||
      action.type === 'back' ||
      action.type === 'move'
    ) {
      return draftReducer(draft, action);
    }
    if (action.type === 'clear') return emptyDraft(11);
    throw new Error(`${key} opens a panel`);
  }, start);
}

describe('the ballot being typed', () => {
  it('takes one key per candidate and moves on, with every key of the legend', () => {
    const draft = typed(['1', 'j', ' ', '2', 'K', '3', 'L', '0', '4', '/', 'J']);
    expect(entryOf(draft).marks).toBe('OOOXX---??O');
    expect(draft.cursor).toBe(11);
  });

  it('marks every remaining candidate ○ with A, and takes that back with one Backspace', () => {
    const draft = typed(['2', '3', 'a']);
    expect(entryOf(draft).marks).toBe('X-OOOOOOOOO');
    const back = typed(['Backspace'], draft);
    expect(back.marks.slice(2).every((m) => m === null)).toBe(true);
    expect(back.cursor).toBe(2);
  });

  it('steps back one mark at a time, restoring what was there', () => {
    const draft = typed(['1', '2', 'ArrowLeft', '3']);
    expect(entryOf(draft).marks.slice(0, 2)).toBe('O-');
    const back = typed(['Backspace'], draft);
    expect(entryOf(back).marks.slice(0, 2)).toBe('OX');
    expect(back.cursor).toBe(1);
  });

  it('needs a second Enter for an over-vote, and says why as the engine does', () => {
    const draft = typed([...'11111111112']);
    const verdict = verdictOf(reader, draft);
    expect(verdict.reading.forCount).toBe(10);
    expect(verdict.warnings).toEqual(['超选：赞成 10 人，应选 9 人 → 废票']);
    const armed = draftReducer(draft, { type: 'arm' });
    expect(armed.armed).toBe(true);
    expect(typed(['Backspace'], armed).armed).toBe(false);
  });

  it('counts a written name with ○ towards the seats, once, and not a candidate written in', () => {
    const nine = typed([...'111111111', '2', '2']);
    const withName = draftReducer(nine, { type: 'write-in', writeIn: { name: '周涛', mark: 'O' } });
    expect(verdictOf(reader, withName).reading.overVote).toBe(true);
    const unmarked = draftReducer(nine, { type: 'write-in', writeIn: { name: '周涛', mark: '-' } });
    expect(verdictOf(reader, unmarked).reading.overVote).toBe(false);
    const candidate = draftReducer(nine, {
      type: 'write-in',
      writeIn: { name: '丁建国', mark: 'O' },
    });
    expect(verdictOf(reader, candidate).reading.forCount).toBe(9);
  });

  it('warns of candidates never typed, which count as no mark', () => {
    expect(verdictOf(reader, typed(['1', '2'])).warnings).toEqual([
      '第 3–11 名未录入符号，将按未画（弃权）计',
    ]);
    expect(verdictOf(reader, typed(['1', 'ArrowRight', '2'])).untyped).toBe(
      '第 2、4–11 名未录入符号，将按未画（弃权）计',
    );
  });

  it('leaves the shell’s keys (Alt, Ctrl) to the shell', () => {
    expect(
      actionForKey({ key: '1', ctrlKey: false, altKey: true, metaKey: false }),
    ).toBeUndefined();
    expect(
      actionForKey({ key: 'a', ctrlKey: true, altKey: false, metaKey: false }),
    ).toBeUndefined();
  });
});

describe('a ballot as stored and as the engine reads it', () => {
  it('keeps a declared-invalid ballot as its reason only, and the engine counts it invalid', () => {
    const stored = storedBallot(reader, {
      marks: 'OOOOOOOOOOO',
      writeIns: [{ name: '周涛', mark: 'O' }],
      declaredInvalid: '有其他标记',
    });
    expect(stored).toEqual({ marks: '-----------', invalidReason: '有其他标记', writeIns: [] });
    expect(engineBallot(reader, stored)).toEqual({ invalid: true });
  });

  it('hands an over-vote to the engine with its marks, for the engine to find', () => {
    const stored = storedBallot(reader, {
      marks: 'OOOOOOOOOOX',
      writeIns: [],
      declaredInvalid: null,
    });
    expect(stored.invalidReason).toBe('超选：赞成 10 人，应选 9 人');
    expect(engineBallot(reader, stored)).toEqual({ marks: 'OOOOOOOOOOX', writeIns: [] });
  });

  it('reads a preliminary round against its formal candidates', () => {
    const preliminary = ballotReader(['甲', '乙', '丙'], 2, {
      writeInWithoutMark: 'for',
      preliminary: true,
    });
    const reading = readBallot(preliminary, {
      marks: 'OO-',
      writeIns: [{ name: '丁', mark: '-' }],
    });
    expect(reading.overVoteReason).toBe('超选：赞成 3 人，正式候选人 2 名');
  });
});
