import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryRound } from '../../../shared/api/entry';
import type { BallotEntry } from '../../../shared/domain/paper-ballot';
import { useAppStatus } from '../../stores/app-status';
import { draftReducer, emptyDraft, entryOf, readerOf, verdictOf } from './ballot-draft';
import { BallotSheet } from './BallotSheet';
import { actionForKey } from './entry-keys';
import { InvalidPanel } from './InvalidPanel';
import { WriteInPanel } from './WriteInPanel';
import './ballot-editor.css';

/**
 * The paper ballot typed once more, with the entry screen's keys: how a scrutineer records what the
 * paper really shows when neither pass had it right. Reports every change to its owner.
 */
export function BallotEditor({
  round,
  onChange,
}: {
  round: EntryRound;
  onChange: (entry: BallotEntry, verdict: string) => void;
}) {
  const [draft, dispatch] = useReducer(draftReducer, round.candidates.length, emptyDraft);
  const [panel, setPanel] = useState<'write-in' | 'invalid' | null>(null);
  const congressId = useAppStatus((s) => s.status?.congress?.id ?? null);
  const sheet = useRef<HTMLDivElement>(null);
  const reader = useMemo(() => readerOf(round), [round]);
  const verdict = verdictOf(reader, draft);
  const words = draft.declaredInvalid
    ? `废票：${draft.declaredInvalid}`
    : (verdict.reading.overVoteReason ?? `有效票，赞成 ${verdict.reading.forCount} 人`);

  useEffect(() => onChange(entryOf(draft), words), [draft, words, onChange]);
  useEffect(() => {
    if (panel === null) sheet.current?.focus();
  }, [panel]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = actionForKey(event);
    if (!action || action.type === 'enter' || action.type === 'corrections') return;
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'write-in') {
      if (draft.writeIns.length < round.writeInBlanks && !draft.declaredInvalid)
        setPanel('write-in');
    } else if (action.type === 'invalid') setPanel('invalid');
    else dispatch(action);
  };

  return (
    <div className="ballot-editor">
      <div
        ref={sheet}
        tabIndex={0}
        onKeyDown={panel === null ? onKeyDown : undefined}
        className="ballot-editor-sheet"
        aria-label="按原票录入正确内容"
      >
        <BallotSheet
          round={round}
          marks={draft.marks}
          writeIns={draft.writeIns}
          cursor={panel === null ? draft.cursor : null}
          voidedBy={draft.declaredInvalid ?? verdict.reading.overVoteReason}
          endHint={`已录完 ${round.candidates.length} 名候选人：写明说明后按“按此认定”`}
        />
      </div>
      <div className="ballot-editor-verdict" data-testid="editor-verdict">
        {words}
      </div>
      {panel === 'write-in' && (
        <WriteInPanel
          congressId={congressId}
          candidates={round.candidates}
          slot={draft.writeIns.length}
          onDone={(writeIn) => {
            dispatch({ type: 'write-in', writeIn });
            setPanel(null);
          }}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel === 'invalid' && (
        <InvalidPanel
          onDone={(reason) => {
            dispatch({ type: 'invalid', reason });
            setPanel(null);
          }}
          onCancel={() => setPanel(null)}
        />
      )}
    </div>
  );
}
