import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { EntrySheet, PassProgress } from '../../../shared/api/entry';
import type { ApiError } from '../../../shared/api/result';
import {
  sameBallot,
  storedBallot,
  type BallotEntry,
  type EnteredWriteIn,
} from '../../../shared/domain/paper-ballot';
import { passLabels } from '../../../shared/strings/entry';
import { api, callNow } from '../../api';
import { draftKey, useEntryDrafts } from '../../stores/entry-drafts';
import { emptyDraft, entryOf, isBlank, readerOf, verdictOf, type Draft } from './ballot-draft';
import { actionForKey, type KeyAction } from './entry-keys';
import { answerMark, keystrokeMark, useKeystrokeTiming } from './keystroke-timing';

/** A panel over the ballot: while one is open, the ballot's keys go to it. */
type Panel = 'write-in' | 'invalid' | 'corrections';

/**
 * What the desk is doing, and so where a key goes:
 * - typing: keys mark the ballot, Enter saves it;
 * - confirm: Enter was pressed over a warning (超选, marks not typed); the next Enter saves;
 * - full: every ballot the box was counted at is in; Enter finishes the pass;
 * - write-in, invalid, corrections: a panel has the keys until it is done or cancelled.
 */
export type DeskMode =
  | { kind: 'typing' }
  | { kind: 'confirm' }
  | { kind: 'full' }
  | { kind: 'write-in'; slot: number }
  | { kind: 'invalid' }
  | { kind: 'corrections' };

/** What the desk reads of a key press, from React's event or the window's. */
type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'preventDefault'>;

export interface Saved {
  seq: number;
  invalidReason: string | null;
}

export interface Notice {
  tone: 'error' | 'info';
  text: string;
}

/**
 * The desk's controller for one pass of one box. Enter commits; the draft clears only once the
 * service says the ballot is on disk. Keys pressed while a failed commit is being sorted out, or
 * while a pass is being finished, are kept and played after it, never dropped.
 */
export function useEntryDesk(sheet: EntrySheet, onExit: (done?: string) => void) {
  const { round, box } = sheet;
  const n = round.candidates.length;
  const key = draftKey(box.id, sheet.progress.pass);
  const stored = useEntryDrafts((s) => s.drafts[key]);
  const draft = useMemo(() => stored ?? emptyDraft(n), [stored, n]);
  const reader = useMemo(() => readerOf(round), [round]);
  const verdict = useMemo(() => verdictOf(reader, draft), [reader, draft]);
  const [progress, setProgress] = useState<PassProgress>(sheet.progress);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [lastSaved, setLastSaved] = useState<Saved | null>(
    sheet.progress.lastSeq === null ? null : { seq: sheet.progress.lastSeq, invalidReason: null },
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const desk = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const queued = useRef<KeyAction[]>([]);
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const full = isFull(progress);
  const mode = modeOf(panel, full, draft);
  const onBallot = panel === null;

  const current = (): Draft => useEntryDrafts.getState().drafts[key] ?? emptyDraft(n);
  const apply = useEntryDrafts((s) => s.apply);

  useEffect(() => {
    if (onBallot) desk.current?.focus();
  }, [onBallot, full]);

  useKeystrokeTiming(draft, panel);

  const commit = () => {
    const entry = entryOf(current());
    const seq = progressRef.current.nextSeq;
    // Answered before the key's handler returns: the ballot is on disk when the draft clears, the
    // frame after Enter shows the next one, and keys typed meanwhile wait in the browser's queue.
    const result = callNow('entry.commit', { boxId: box.id, seq, ballot: entry });
    performance.mark(answerMark);
    if (result.ok) {
      const { progress: next, seq: done, invalidReason } = result.value;
      flushSync(() => saved(next, done, invalidReason));
    } else void notSaved(seq, entry, result.error);
  };

  /** Keys typed while this is being sorted out are kept and played after it, never dropped. */
  const notSaved = async (seq: number, entry: BallotEntry, error: ApiError) => {
    busy.current = true;
    if (error.field === 'seq' && (await alreadySaved(box.id, seq, entry))) {
      // The answer to an earlier Enter was lost on its way, not the ballot: it is on disk.
      const sheet = await api['entry.open']({ boxId: box.id });
      if (sheet.ok) saved(sheet.value.progress, seq, storedBallot(reader, entry).invalidReason);
      setNotice({ tone: 'info', text: `第 ${seq} 张此前已经保存，无需再存` });
    } else {
      queued.current = [];
      setNotice({ tone: 'error', text: `第 ${seq} 张没有保存：${error.message}` });
      if (error.code === 'conflict') await refresh(box.id, setProgress);
    }
    busy.current = false;
    drain();
  };

  const saved = (next: PassProgress, seq: number, invalidReason: string | null) => {
    useEntryDrafts.getState().reset(key, n);
    setProgress(next);
    progressRef.current = next;
    setLastSaved({ seq, invalidReason });
    setNotice(null);
  };

  /** Whether the pass already holds this very ballot at seq. */
  const alreadySaved = async (boxId: number, seq: number, entry: BallotEntry) => {
    const listed = await api['entry.ballots']({ boxId });
    if (!listed.ok) return false;
    const standing = listed.value.find((b) => b.seq === seq && b.voidedReason === null);
    return standing !== undefined && sameBallot(standing, storedBallot(reader, entry));
  };

  const finish = async () => {
    busy.current = true;
    const result = await api['entry.finishPass']({ boxId: box.id });
    busy.current = false;
    const { pass, expected } = progressRef.current;
    if (result.ok) onExit(`票箱“${box.label}”${passLabels[pass]}录入完成，共 ${expected} 张`);
    else setNotice({ tone: 'error', text: result.error.message });
  };

  const handle = (action: KeyAction) => {
    if (busy.current) {
      queued.current.push(action);
      return;
    }
    const now = current();
    if (isFull(progressRef.current)) {
      if (action.type === 'enter') void finish();
      else if (action.type === 'corrections') setPanel('corrections');
      return;
    }
    switch (action.type) {
      case 'enter': {
        const { warnings } = verdictOf(reader, now);
        if (warnings.length > 0 && !now.armed) apply(key, n, { type: 'arm' });
        else commit();
        return;
      }
      case 'clear':
        useEntryDrafts.getState().reset(key, n);
        setNotice(null);
        return;
      case 'write-in':
        return openWriteIn(now);
      case 'invalid':
        if (now.declaredInvalid === null) setPanel('invalid');
        return;
      case 'corrections':
        if (isBlank(now)) setPanel('corrections');
        else
          setNotice({
            tone: 'info',
            text: '当前这张尚未保存：请先保存（Enter）或清空（Esc），再查看与更正',
          });
        return;
      default:
        apply(key, n, action);
    }
  };

  // Replays the keys typed during a commit through the latest render's handler.
  const latest = useRef(handle);
  latest.current = handle;
  function drain() {
    while (!busy.current && queued.current.length > 0) {
      const next = queued.current.shift();
      if (next) latest.current(next);
    }
  }

  const openWriteIn = (now: Draft) => {
    if (now.declaredInvalid !== null) return;
    if (round.writeInBlanks === 0) {
      setNotice({
        tone: 'info',
        text: round.kind === 'runoff' ? '再次投票不能另选他人' : '本轮选票没有另选他人的空格',
      });
    } else if (now.writeIns.length >= round.writeInBlanks) {
      setNotice({ tone: 'info', text: `另选他人的 ${round.writeInBlanks} 个空格已全部录入` });
    } else {
      setPanel('write-in');
    }
  };

  const onKeyDown = (event: KeyPress) => {
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    performance.mark(keystrokeMark);
    handle(action);
  };
  const latestKey = useRef(onKeyDown);
  latestKey.current = onKeyDown;
  const [focused, setFocused] = useState(true);
  useRefocus(onBallot, desk, latestKey);

  return {
    mode,
    /** Also behind a panel opened on a full box. */
    full,
    draft,
    verdict,
    progress,
    lastSaved,
    notice,
    desk,
    focused,
    setFocused,
    /** The ballot's keys, while no panel has them. */
    onKeyDown: onBallot ? onKeyDown : undefined,
    writeIn: (writeIn: EnteredWriteIn) => {
      apply(key, n, { type: 'write-in', writeIn });
      setPanel(null);
    },
    declareInvalid: (reason: string) => {
      apply(key, n, { type: 'invalid', reason });
      setPanel(null);
    },
    voided: (next: PassProgress, seq: number) => {
      setProgress(next);
      setNotice({ tone: 'info', text: `第 ${seq} 张已作废，请按原票重新录入` });
      setPanel(null);
    },
    closePanel: () => setPanel(null),
  };
}

/** The box holds as many ballots as it was counted at, and none is being entered again. */
export function isFull(progress: PassProgress): boolean {
  return progress.live >= progress.expected && !progress.reentry;
}

function modeOf(panel: Panel | null, full: boolean, draft: Draft): DeskMode {
  if (panel === 'write-in') return { kind: 'write-in', slot: draft.writeIns.length };
  if (panel !== null) return { kind: panel };
  if (full) return { kind: 'full' };
  return draft.armed ? { kind: 'confirm' } : { kind: 'typing' };
}

/** After a failed commit the pass may have moved on (saved from another window): ask where it is. */
async function refresh(boxId: number, setProgress: (p: PassProgress) => void): Promise<void> {
  const result = await api['entry.open']({ boxId });
  if (result.ok) setProgress(result.value.progress);
}

/**
 * After the lock screen or a click elsewhere nothing has the focus: the next entry key brings it
 * back to the ballot and is not lost. A key meant for another control (a button, a field) stays.
 */
function useRefocus(
  active: boolean,
  desk: RefObject<HTMLDivElement | null>,
  onKey: RefObject<(event: KeyPress) => void>,
): void {
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      if (document.activeElement !== document.body || !desk.current) return;
      if (!actionForKey(event)) return;
      desk.current.focus();
      onKey.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active, desk, onKey]);
}
