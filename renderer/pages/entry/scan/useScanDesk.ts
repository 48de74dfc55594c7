import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntrySheet } from '../../../../shared/api/entry';
import type { ScanSheet, ScanSheets } from '../../../../shared/api/scan';
import type { EnteredWriteIn } from '../../../../shared/domain/paper-ballot';
import { passLabels } from '../../../../shared/strings/entry';
import { api } from '../../../api';
import { usePolled } from '../../../components/usePoll';
import {
  draftReducer,
  entryOf,
  readerOf,
  verdictOf,
  type Draft,
  type DraftAction,
} from '../ballot-draft';
import { actionForKey, type KeyAction } from '../entry-keys';
import { isFull, type Notice, type Saved } from '../useEntryDesk';
import {
  blockerOf,
  confidentRun,
  doubtfulOf,
  draftOf,
  unnamedInk,
  writtenSlots,
} from './scan-draft';

/** A panel over the sheet: while one is open, the keys go to it. */
export type ScanPanel = 'write-in' | 'invalid' | 'refuse' | 'thumbnails';

/** How many confident sheets one page of thumbnails shows, and so confirms at once. */
export const THUMBNAILS = 12;
const POLL_MS = 1000;

/** The scanning desk's own keys, besides the keyed desk's. */
export function scanKeyOf(event: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}) {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (event.key === 'Delete') return 'refuse' as const;
  if (event.key.toLowerCase() === 't') return 'thumbnails' as const;
  if (event.key.toLowerCase() === 'c') return 'camera' as const;
  return undefined;
}

function sameSheets(a: ScanSheets, b: ScanSheets): boolean {
  return (
    a.sheets.length === b.sheets.length &&
    a.sheets.every(
      (s, i) =>
        s.id === b.sheets[i]?.id &&
        s.status === b.sheets[i]?.status &&
        s.pages.length === b.sheets[i]?.pages.length,
    ) &&
    a.progress.live === b.progress.live &&
    a.progress.reentry === b.progress.reentry &&
    a.watching?.taken === b.watching?.taken &&
    a.watching?.problem === b.watching?.problem &&
    a.watching?.folder === b.watching?.folder
  );
}

/**
 * The scanning desk's controller for one pass of one box: the sheets the scanner delivered, the
 * first one waiting in scanning order on screen with the machine's reading, and the keys that
 * settle it. A sheet becomes a ballot only when the teller confirms it.
 */
export function useScanDesk(sheet: EntrySheet, onExit: (done?: string) => void) {
  const { round, box } = sheet;
  const n = round.candidates.length;
  const load = useCallback(() => api['scan.sheets']({ boxId: box.id }), [box.id]);
  const polled = usePolled(load, POLL_MS, sameSheets);
  const scan = polled.value;
  const [edits, setEdits] = useState<Record<number, Draft>>({});
  const [panel, setPanel] = useState<ScanPanel | null>(null);
  /** The camera's picture sits beside the sheet: the desk keeps its keys while it is open. */
  const [camera, setCamera] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lastSaved, setLastSaved] = useState<Saved | null>(null);
  const busy = useRef(false);
  const queued = useRef<KeyAction[]>([]);
  const reader = useMemo(() => readerOf(round), [round]);

  const progress = scan?.progress ?? sheet.progress;
  const pending = useMemo(() => scan?.sheets.filter((s) => s.status === 'pending') ?? [], [scan]);
  const current: ScanSheet | null = pending[0] ?? null;
  const doubtful = useMemo(() => (current ? doubtfulOf(current) : new Set<number>()), [current]);
  const draft = current ? (edits[current.id] ?? draftOf(current, n)) : null;
  const verdict = draft ? verdictOf(reader, draft) : null;
  const full = isFull(progress);
  const run = useMemo(() => confidentRun(scan?.sheets ?? [], THUMBNAILS), [scan]);

  const apply = (action: DraftAction) => {
    if (!current) return;
    setEdits((all) => {
      const next = draftReducer(all[current.id] ?? draftOf(current, n), action);
      return { ...all, [current.id]: action.type === 'mark' ? toNextUntyped(next) : next };
    });
  };

  const settled = async (message: string | null, tone: Notice['tone'] = 'info') => {
    await polled.refresh();
    setNotice(message === null ? null : { tone, text: message });
  };

  const confirm = async (target: ScanSheet, entry: Draft) => {
    busy.current = true;
    const result = await api['scan.confirm']({ sheetId: target.id, ballot: entryOf(entry) });
    if (result.ok) {
      const { committed } = result.value;
      setLastSaved({ seq: committed.seq, invalidReason: committed.invalidReason });
      await settled(null);
    } else {
      queued.current = [];
      setNotice({
        tone: 'error',
        text: `第 ${target.place} 张扫描件没有录入：${result.error.message}`,
      });
      await polled.refresh();
    }
    busy.current = false;
    drain();
  };

  const finish = async () => {
    busy.current = true;
    const result = await api['entry.finishPass']({ boxId: box.id });
    busy.current = false;
    if (result.ok)
      onExit(
        `票箱“${box.label}”${passLabels[progress.pass]}扫描录入完成，共 ${progress.expected} 张`,
      );
    else setNotice({ tone: 'error', text: result.error.message });
  };

  const enter = () => {
    if (full) return void finish();
    if (progress.reentry) {
      return setNotice({
        tone: 'error',
        text: `本遍第 ${progress.nextSeq} 张已作废：请回到票箱列表，用“继续录入”按原票重新键入这一张`,
      });
    }
    if (!current || !draft) {
      return setNotice({ tone: 'info', text: '没有待确认的扫描件：请扫描下一批选票' });
    }
    if (!current.complete) {
      return setNotice({
        tone: 'error',
        text: `第 ${current.place} 张扫描件缺页：请补扫下一页，或按 Delete 拒收`,
      });
    }
    const blocker = blockerOf(draft, doubtful);
    if (blocker) return setNotice({ tone: 'error', text: blocker });
    const ink = unnamedInk(draft, current);
    const warnings = verdict ? [...verdict.warnings, ...(ink ? [ink] : [])] : [];
    if (warnings.length > 0 && !draft.armed) {
      apply({ type: 'arm' });
      return setNotice({ tone: 'info', text: `${warnings.join('；')}。再按 Enter 确认录入` });
    }
    void confirm(current, draft);
  };

  const handle = (action: KeyAction) => {
    if (busy.current) {
      queued.current.push(action);
      return;
    }
    switch (action.type) {
      case 'enter':
        return enter();
      case 'write-in':
        if (!draft || draft.declaredInvalid !== null) return;
        if (round.writeInBlanks === 0 || draft.writeIns.length >= round.writeInBlanks) {
          return setNotice({ tone: 'info', text: '另选他人的空格已全部录入' });
        }
        return setPanel('write-in');
      case 'invalid':
        if (draft && draft.declaredInvalid === null) setPanel('invalid');
        return;
      case 'corrections':
        return setNotice({
          tone: 'info',
          text: '查看与更正请回到票箱列表，在键盘录入中进行；扫描图像随选票保留',
        });
      case 'clear':
        if (current) setEdits(({ [current.id]: _dropped, ...rest }) => rest);
        return setNotice(null);
      default:
        setNotice(null);
        return apply(action);
    }
  };

  const latest = useRef(handle);
  latest.current = handle;
  function drain() {
    while (!busy.current && queued.current.length > 0) {
      const next = queued.current.shift();
      if (next) latest.current(next);
    }
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    const own = scanKeyOf(event);
    if (own) {
      event.preventDefault();
      if (own === 'camera') return setCamera((open) => !open);
      if (own === 'refuse' && !current) return;
      if (own === 'thumbnails' && run.length === 0) {
        return setNotice({
          tone: 'info',
          text: '最前面的待确认扫描件需要逐张核对，没有可整页确认的',
        });
      }
      return setPanel(own);
    }
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    handle(action);
  };

  const desk = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (panel === null) desk.current?.focus();
  }, [panel, current?.id]);

  return {
    scan,
    problem: polled.problem,
    refresh: polled.refresh,
    progress,
    full,
    current,
    draft,
    verdict,
    doubtful,
    written: current ? writtenSlots(current) : [],
    run,
    panel,
    camera,
    setCamera,
    notice,
    // Sheets confirmed a page at a time are saved too: the pass's last place, whichever way.
    lastSaved:
      progress.lastSeq === null || lastSaved?.seq === progress.lastSeq
        ? lastSaved
        : { seq: progress.lastSeq, invalidReason: null },
    desk,
    onKeyDown: panel === null ? onKeyDown : undefined,
    setNotice,
    closePanel: () => setPanel(null),
    writeIn: (writeIn: EnteredWriteIn) => {
      apply({ type: 'write-in', writeIn });
      setPanel(null);
    },
    declareInvalid: (reason: string) => {
      apply({ type: 'invalid', reason });
      setPanel(null);
    },
    /** After a refusal, a page confirmed or frames taken: the list as it now is. */
    settled: async (message: string | null, tone: Notice['tone'] = 'info') => {
      setPanel(null);
      await settled(message, tone);
    },
  };
}

/** After a key settles a doubtful cell the cursor goes on to the next one, past what was read. */
function toNextUntyped(draft: Draft): Draft {
  const ahead = draft.marks.findIndex((m, i) => i >= draft.cursor && m === null);
  const anywhere = draft.marks.indexOf(null);
  const cursor = ahead !== -1 ? ahead : anywhere !== -1 ? anywhere : draft.marks.length;
  return cursor === draft.cursor ? draft : { ...draft, cursor };
}
