import { describe, expect, it } from 'vitest';
import type { ScanSheet } from '../../../../shared/api/scan';
import { draftReducer } from '../../../../renderer/pages/entry/ballot-draft';
import {
  blockerOf,
  confidentRun,
  confidentlyRead,
  doubtfulOf,
  draftOf,
  unnamedInk,
  writtenSlots,
} from '../../../../renderer/pages/entry/scan/scan-draft';

let ids = 0;
function sheet(marks: string, extra: Partial<ScanSheet> = {}): ScanSheet {
  ids += 1;
  return {
    id: ids,
    boxId: 1,
    pass: 1,
    place: ids,
    status: 'pending',
    reason: null,
    machine: marks.includes('?') ? 'review' : 'read',
    complete: true,
    marks,
    confidence: [...marks].map((m) => (m === '?' ? 0.3 : 0.97)),
    writeIns: [],
    pages: [],
    seq: null,
    ...extra,
  };
}

describe('a scanned sheet as the ballot the teller checks', () => {
  it('fills in what was read with confidence and leaves every doubtful cell to be typed', () => {
    const s = sheet('OX?-O', { confidence: [0.97, 0.6, 0.2, 0.95, 0.99] });
    expect([...doubtfulOf(s)]).toEqual([1, 2]);
    const draft = draftOf(s, 5);
    expect(draft.marks).toEqual(['O', null, null, '-', 'O']);
    expect(draft.cursor).toBe(1);
    expect(blockerOf(draft, doubtfulOf(s))).toBe(
      '第 2、3 名的符号机器未能可靠识别：请对照选票按键录入',
    );
  });

  it('can be saved once each doubtful cell has the teller’s key, or the ballot is declared invalid', () => {
    const s = sheet('O?O');
    const doubtful = doubtfulOf(s);
    const typed = draftReducer(draftOf(s, 3), { type: 'mark', mark: 'X' });
    expect(typed.marks).toEqual(['O', 'X', 'O']);
    expect(blockerOf(typed, doubtful)).toBeNull();
    const invalid = draftReducer(draftOf(s, 3), { type: 'invalid', reason: '无法辨认' });
    expect(blockerOf(invalid, doubtful)).toBeNull();
  });

  it('asks for a second look when a name cell has writing and no name was typed', () => {
    const s = sheet('OOO', {
      writeIns: [
        { slot: 0, ink: true, mark: 'O', confidence: 0.9 },
        { slot: 1, ink: false, mark: '-', confidence: 0.95 },
      ],
    });
    expect(writtenSlots(s)).toEqual([0]);
    expect(confidentlyRead(s)).toBe(false);
    const draft = draftOf(s, 3);
    expect(unnamedInk(draft, s)).toContain('另选人格有 1 处笔迹，已填写 0 个姓名');
    const named = draftReducer(draft, { type: 'write-in', writeIn: { name: '周涛', mark: 'O' } });
    expect(unnamedInk(named, s)).toBeNull();
  });

  it('offers for confirming at once only the leading pending sheets read with full confidence', () => {
    const done = sheet('OOO', { status: 'confirmed' });
    const a = sheet('OXO');
    const b = sheet('O-O');
    const unsure = sheet('O?O');
    const c = sheet('OOO');
    expect(confidentRun([done, a, b, unsure, c], 12).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(confidentRun([done, a, b, unsure, c], 1).map((s) => s.id)).toEqual([a.id]);
    expect(confidentRun([unsure, a], 12)).toEqual([]);
    expect(confidentlyRead(sheet('OOO', { complete: false }))).toBe(false);
  });
});
