import { Alert, Button, Progress } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { EntrySheet, PassProgress } from '../../../shared/api/entry';
import {
  ballotReader,
  sameBallot,
  storedBallot,
  type BallotEntry,
} from '../../../shared/paper-ballot';
import { passLabels } from '../../../shared/strings/entry';
import { api } from '../../api';
import { useAppStatus } from '../../stores/app-status';
import { draftKey, useEntryDrafts } from '../../stores/entry-drafts';
import {
  emptyDraft,
  entryOf,
  isBlank,
  verdictOf,
  type Draft,
  type DraftVerdict,
} from './ballot-draft';
import { BallotSheet } from './BallotSheet';
import { CorrectionsPanel } from './CorrectionsPanel';
import { actionForKey, type KeyAction } from './entry-keys';
import { InvalidPanel } from './InvalidPanel';
import { KeyLegend } from './KeyLegend';
import { WriteInPanel } from './WriteInPanel';

type Mode = 'ballot' | 'write-in' | 'invalid' | 'corrections';

/** What the desk reads of a key press, from React's event or the window's. */
type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'preventDefault'>;

interface Saved {
  seq: number;
  invalidReason: string | null;
}

/** Read by the bench: keydown on the ballot to the frame that shows it. */
export const keystrokeMark = 'entry-keydown';
export const keystrokeMeasure = 'entry-keystroke';

/**
 * The teller's desk for one pass of one box: the paper ballot on screen, driven by the keys in the
 * legend. Enter commits; the screen clears only once the service says the ballot is on disk.
 * Keys pressed while a commit is on its way are kept and played after it, never dropped.
 */
export function EntryDesk({
  sheet,
  onExit,
}: {
  sheet: EntrySheet;
  onExit: (done?: string) => void;
}) {
  const { round, box } = sheet;
  const n = round.candidates.length;
  const key = draftKey(box.id, sheet.progress.pass);
  const congressId = useAppStatus((s) => s.status?.congress?.id ?? null);
  const stored = useEntryDrafts((s) => s.drafts[key]);
  const draft = useMemo(() => stored ?? emptyDraft(n), [stored, n]);
  const reader = useMemo(
    () =>
      ballotReader(round.candidates, round.limit, {
        writeInWithoutMark: round.writeInWithoutMark,
        preliminary: round.kind === 'preliminary',
      }),
    [round],
  );
  const verdict = useMemo(() => verdictOf(reader, draft), [reader, draft]);
  const [progress, setProgress] = useState<PassProgress>(sheet.progress);
  const [mode, setMode] = useState<Mode>('ballot');
  const [lastSaved, setLastSaved] = useState<Saved | null>(
    sheet.progress.lastSeq === null ? null : { seq: sheet.progress.lastSeq, invalidReason: null },
  );
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const desk = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const queued = useRef<KeyAction[]>([]);
  const progressRef = useRef(progress);
  progressRef.current = progress;
  const full = progress.live >= progress.expected && !progress.reentry;

  const current = (): Draft => useEntryDrafts.getState().drafts[key] ?? emptyDraft(n);
  const apply = useEntryDrafts((s) => s.apply);

  useEffect(() => {
    if (mode === 'ballot') desk.current?.focus();
  }, [mode, full]);

  useKeystrokeTiming(draft, mode);

  const commit = async () => {
    busy.current = true;
    const entry = entryOf(current());
    const seq = progressRef.current.nextSeq;
    const result = await api['entry.commit']({ boxId: box.id, seq, ballot: entry });
    if (result.ok) {
      saved(result.value.progress, result.value.seq, result.value.invalidReason);
    } else if (result.error.field === 'seq' && (await alreadySaved(box.id, seq, entry))) {
      // The answer to an earlier Enter was lost on its way, not the ballot: it is on disk.
      const sheet = await api['entry.open']({ boxId: box.id });
      if (sheet.ok) saved(sheet.value.progress, seq, storedBallot(reader, entry).invalidReason);
      setNotice({ tone: 'info', text: `第 ${seq} 张此前已经保存，无需再存` });
    } else {
      queued.current = [];
      setNotice({ tone: 'error', text: `第 ${seq} 张没有保存：${result.error.message}` });
      if (result.error.code === 'conflict') await refresh(box.id, setProgress);
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
    if (progressRef.current.live >= progressRef.current.expected && !progressRef.current.reentry) {
      if (action.type === 'enter') void finish();
      else if (action.type === 'corrections') setMode('corrections');
      return;
    }
    switch (action.type) {
      case 'enter': {
        const { warnings } = verdictOf(reader, now);
        if (warnings.length > 0 && !now.armed) apply(key, n, { type: 'arm' });
        else void commit();
        return;
      }
      case 'clear':
        useEntryDrafts.getState().reset(key, n);
        setNotice(null);
        return;
      case 'write-in':
        return openWriteIn(now);
      case 'invalid':
        if (now.declaredInvalid === null) setMode('invalid');
        return;
      case 'corrections':
        if (isBlank(now)) setMode('corrections');
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
      setMode('write-in');
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
  useRefocus(mode === 'ballot', desk, latestKey);

  const seqWords = progress.reentry
    ? `更正：重新录入第 ${progress.nextSeq} 张`
    : `第 ${progress.nextSeq} 张`;
  const voidedBy = draft.declaredInvalid ?? verdict.reading.overVoteReason;
  return (
    <section
      className="entry-desk"
      aria-label={`票箱“${box.label}”${passLabels[progress.pass]}录入`}
    >
      <header className="entry-head">
        <div className="entry-head-box">
          <strong>票箱“{box.label}”</strong>
          <span>
            {passLabels[progress.pass]}录入{round.doubleEntry ? '（双人录入，两遍互不可见）' : ''}
          </span>
          <span className="entry-head-title">{round.title}</span>
        </div>
        <div className="entry-head-progress" data-testid="box-progress">
          <span className="entry-count">
            <b>{progress.live}</b> / {progress.expected} 张
          </span>
          <Progress
            percent={
              progress.expected === 0 ? 100 : Math.round((100 * progress.live) / progress.expected)
            }
            showInfo={false}
            size="small"
            style={{ width: 160, margin: 0 }}
          />
        </div>
        <Button onClick={() => onExit()}>返回票箱列表</Button>
      </header>
      <div className="entry-body">
        <div
          className={`entry-main${verdict.reading.overVote && !draft.declaredInvalid ? ' over-vote' : ''}`}
          ref={desk}
          tabIndex={0}
          onKeyDown={mode === 'ballot' ? onKeyDown : undefined}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          data-testid="entry-desk"
          aria-describedby="entry-status"
        >
          {mode === 'ballot' && !focused && (
            <div className="entry-unfocused" role="status">
              选票区未在录入状态：点击选票，或直接按录入键继续
            </div>
          )}
          {full ? (
            <FullBox progress={progress} label={box.label} />
          ) : (
            <>
              <div
                className={`entry-seq${progress.reentry ? ' reentry' : ''}`}
                data-testid="current-seq"
              >
                {seqWords}
              </div>
              <BallotSheet
                round={round}
                marks={draft.marks}
                writeIns={draft.writeIns}
                cursor={mode === 'ballot' ? draft.cursor : null}
                voidedBy={voidedBy}
              />
              <BallotStatus
                draft={draft}
                verdict={verdict}
                limit={round.limit}
                preliminary={round.kind === 'preliminary'}
              />
            </>
          )}
          {notice && (
            <Alert
              type={notice.tone === 'error' ? 'error' : 'info'}
              showIcon
              title={notice.text}
              className="entry-notice"
              role="alert"
            />
          )}
        </div>
        <aside className="entry-side">
          <div className="entry-saved" data-testid="last-saved" aria-live="polite">
            {lastSaved ? (
              <>
                上一张已保存：<b>第 {lastSaved.seq} 张</b>
                {lastSaved.invalidReason && (
                  <span className="entry-saved-invalid">（废票：{lastSaved.invalidReason}）</span>
                )}
              </>
            ) : (
              '本遍尚未保存选票'
            )}
          </div>
          <KeyLegend />
        </aside>
      </div>
      {mode === 'write-in' && (
        <WriteInPanel
          congressId={congressId}
          candidates={round.candidates}
          slot={draft.writeIns.length}
          onDone={(writeIn) => {
            apply(key, n, { type: 'write-in', writeIn });
            setMode('ballot');
          }}
          onCancel={() => setMode('ballot')}
        />
      )}
      {mode === 'invalid' && (
        <InvalidPanel
          onDone={(reason) => {
            apply(key, n, { type: 'invalid', reason });
            setMode('ballot');
          }}
          onCancel={() => setMode('ballot')}
        />
      )}
      {mode === 'corrections' && (
        <CorrectionsPanel
          boxId={box.id}
          onClose={() => setMode('ballot')}
          onVoided={(next, seq) => {
            setProgress(next);
            setNotice({ tone: 'info', text: `第 ${seq} 张已作废，请按原票重新录入` });
            setMode('ballot');
          }}
        />
      )}
    </section>
  );
}

interface StatusProps {
  draft: Draft;
  verdict: DraftVerdict;
  limit: number;
  preliminary: boolean;
}

/** The ballot's "for" count against the seats, always in view, and what Enter will need. */
function BallotStatus({ draft, verdict, limit, preliminary }: StatusProps) {
  const { forCount } = verdict.reading;
  const over = verdict.overVote !== null;
  return (
    <div id="entry-status" className="entry-status" aria-live="polite">
      <div className={`entry-for${over ? ' over' : ''}`} data-testid="for-count">
        赞成 <b>{forCount}</b> 人 / {preliminary ? '正式候选人' : '应选'} {limit} 人
      </div>
      <div className={`entry-verdict ${toneOf(draft, verdict)}`} data-testid="verdict">
        <VerdictWords draft={draft} verdict={verdict} />
      </div>
    </div>
  );
}

function toneOf(draft: Draft, verdict: DraftVerdict): string {
  if (draft.declaredInvalid !== null || verdict.overVote !== null) return 'invalid';
  if (verdict.untyped !== null) return draft.armed ? 'warn' : 'typing';
  return 'ok';
}

function VerdictWords({ draft, verdict }: { draft: Draft; verdict: DraftVerdict }) {
  if (draft.declaredInvalid !== null) {
    return (
      <>
        整张废票：{draft.declaredInvalid}。按 <kbd>Enter</kbd> 保存，<kbd>Backspace</kbd> 撤销
      </>
    );
  }
  if (verdict.warnings.length === 0) {
    return (
      <>
        有效票。按 <kbd>Enter</kbd> 保存
      </>
    );
  }
  if (verdict.overVote === null && !draft.armed) {
    return (
      <>
        正在录入第 {Math.min(draft.cursor + 1, draft.marks.length)} 名，共 {draft.marks.length} 名
      </>
    );
  }
  return (
    <>
      {verdict.warnings.map((w) => (
        <div key={w}>{w}</div>
      ))}
      {draft.armed && (
        <div className="entry-confirm">
          再按 <kbd>Enter</kbd> 确认保存；按 <kbd>Backspace</kbd> 返回修改
        </div>
      )}
    </>
  );
}

function FullBox({ progress, label }: { progress: PassProgress; label: string }) {
  return (
    <div className="entry-full" role="status">
      <div className="entry-full-title">
        票箱“{label}”清点 {progress.expected} 张，已全部录入
      </div>
      <div>
        按 <kbd>Enter</kbd> 完成本票箱{passLabels[progress.pass]}录入；按 <kbd>R</kbd> 查看与更正
      </div>
    </div>
  );
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

/**
 * keydown → the frame that shows its effect, for the bench: the mark is set on keydown, the
 * measure taken in the first animation frame after React has laid out the change.
 */
function useKeystrokeTiming(draft: Draft, mode: Mode): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName(keystrokeMark, 'mark').length === 0) return;
    const frame = requestAnimationFrame(() => {
      performance.measure(keystrokeMeasure, keystrokeMark);
      performance.clearMarks(keystrokeMark);
    });
    return () => cancelAnimationFrame(frame);
  }, [draft, mode]);
}
