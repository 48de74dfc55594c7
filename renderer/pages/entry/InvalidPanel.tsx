import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DECLARED_INVALID_REASONS, otherReason } from '../../../shared/domain/paper-ballot';
import './entry-panel.css';
import './invalid-panel.css';

interface Props {
  onDone: (reason: string) => void;
  onCancel: () => void;
}

/** 整张废票: the scrutineers' reason, picked by its number; 其他 takes their own words. */
export function InvalidPanel({ onDone, onCancel }: Props) {
  return (
    <ReasonPanel
      className="invalid-panel"
      label="整张废票的原因"
      title="整张废票 · 经监票人认定的原因"
      reasons={DECLARED_INVALID_REASONS}
      placeholder="原因，如：选票被撕破"
      onDone={(reason, listed) => onDone(listed ? reason : otherReason(reason))}
      onCancel={onCancel}
    />
  );
}

/**
 * A reason picked by its number from a short list, or written in under the last number (其他).
 * `onDone` says whether the reason came from the list.
 */
export function ReasonPanel(props: {
  className: string;
  label: string;
  title: string;
  reasons: readonly string[];
  placeholder: string;
  onDone: (reason: string, listed: boolean) => void;
  onCancel: () => void;
}) {
  const { reasons, onDone, onCancel } = props;
  const [other, setOther] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<InputRef>(null);

  useEffect(() => {
    if (other === null) list.current?.focus();
    else input.current?.focus();
  }, [other]);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') return onCancel();
    const picked = reasons[Number(event.key) - 1];
    if (picked) onDone(picked, true);
    else if (event.key === String(reasons.length + 1)) setOther('');
  };

  const onOtherKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setOther(null);
    } else if (event.key === 'Enter' && other !== null && other.trim() !== '') {
      event.preventDefault();
      onDone(other.trim(), false);
    }
  };

  return (
    <div className={`entry-panel ${props.className}`} role="dialog" aria-label={props.label}>
      <div className="entry-panel-title">{props.title}</div>
      <div ref={list} tabIndex={-1} onKeyDown={onListKey} className="invalid-reasons">
        {reasons.map((reason, i) => (
          <div key={reason} className="invalid-reason">
            <kbd>{i + 1}</kbd> {reason}
          </div>
        ))}
        <div className="invalid-reason">
          <kbd>{reasons.length + 1}</kbd> 其他（写明原因）
        </div>
      </div>
      {other !== null && (
        <Input
          ref={input}
          value={other}
          onChange={(e) => setOther(e.target.value)}
          onKeyDown={onOtherKey}
          maxLength={60}
          placeholder={props.placeholder}
          aria-label="其他原因"
        />
      )}
      <div className="entry-panel-hint">
        {other === null ? (
          <>
            按数字选择原因，<kbd>Esc</kbd> 取消
          </>
        ) : (
          <>
            <kbd>Enter</kbd> 确定，<kbd>Esc</kbd> 返回原因列表
          </>
        )}
      </div>
    </div>
  );
}
