import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EnteredBallot, PassProgress } from '../../../shared/api/entry';
import { api } from '../../api';
import { CompactBallot } from './CompactBallot';
import './entry-panel.css';
import './corrections-panel.css';

interface Props {
  boxId: number;
  onVoided: (progress: PassProgress, seq: number) => void;
  onClose: () => void;
}

/**
 * 查看与更正: the pass's ballots in stack order, one line each. A wrong one is voided with a reason
 * (it stays, struck through) and entered again at its place; nothing is deleted.
 */
export function CorrectionsPanel({ boxId, onVoided, onClose }: Props) {
  const [ballots, setBallots] = useState<EnteredBallot[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [reason, setReason] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const reasonInput = useRef<InputRef>(null);

  useEffect(() => {
    void api['entry.ballots']({ boxId }).then((result) => {
      if (!result.ok) return setProblem(result.error.message);
      setBallots(result.value);
      const standing = result.value.filter((b) => b.voidedReason === null);
      setSelected(Math.max(standing.length - 1, 0));
    });
  }, [boxId]);

  const standing = (ballots ?? []).filter((b) => b.voidedReason === null);
  const current = standing[selected];

  useEffect(() => {
    if (reason === null) list.current?.focus();
    else reasonInput.current?.focus();
  }, [reason, ballots]);

  useEffect(() => {
    list.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    event.stopPropagation();
    const key = event.key.toLowerCase();
    if (key === 'escape' || key === 'r') onClose();
    else if (key === 'arrowdown') setSelected((s) => Math.min(s + 1, standing.length - 1));
    else if (key === 'arrowup') setSelected((s) => Math.max(s - 1, 0));
    else if (key === 'home') setSelected(0);
    else if (key === 'end') setSelected(Math.max(standing.length - 1, 0));
    else if ((key === 'v' || key === 'delete') && current) setReason('');
    else return;
    event.preventDefault();
  };

  const confirmVoid = async () => {
    if (!current || reason === null || reason.trim() === '') return;
    const result = await api['entry.void']({ boxId, seq: current.seq, reason: reason.trim() });
    if (!result.ok) {
      setProblem(result.error.message);
      setReason(null);
      return;
    }
    onVoided(result.value, current.seq);
  };

  const onReasonKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setReason(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void confirmVoid();
    }
  };

  return (
    <div className="entry-panel corrections-panel" role="dialog" aria-label="查看与更正">
      <div className="entry-panel-title">查看与更正 · 本遍已录入 {standing.length} 张</div>
      {problem && <div className="entry-warning">{problem}</div>}
      <ol
        ref={list}
        tabIndex={-1}
        onKeyDown={onListKey}
        className="corrections-list"
        aria-label="已录入的选票"
      >
        {(ballots ?? []).map((b) => (
          <li
            key={b.id}
            className={[
              b.voidedReason !== null ? 'voided' : '',
              b === current ? 'selected' : '',
            ].join(' ')}
            aria-selected={b === current}
          >
            <span className="corrections-seq">第 {b.seq} 张</span>
            <CompactBallot ballot={b} />
            {b.voidedReason !== null && (
              <span className="corrections-voided">已作废：{b.voidedReason}</span>
            )}
          </li>
        ))}
      </ol>
      {reason !== null && current && (
        <div className="corrections-reason">
          <span>作废第 {current.seq} 张，原因：</span>
          <Input
            ref={reasonInput}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={onReasonKey}
            maxLength={100}
            placeholder="如：第 3 名应为 ×"
            aria-label="作废原因"
          />
        </div>
      )}
      <div className="entry-panel-hint">
        {reason === null ? (
          <>
            <kbd>↑</kbd>
            <kbd>↓</kbd> 选择，<kbd>V</kbd> 作废并重新录入所选的一张，<kbd>Esc</kbd> 返回录入
          </>
        ) : (
          <>
            <kbd>Enter</kbd> 作废并转到该张重新录入，<kbd>Esc</kbd> 取消
          </>
        )}
      </div>
    </div>
  );
}
