import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DelegateMatch } from '../../../shared/api/delegates';
import type { EnteredWriteIn } from '../../../shared/domain/paper-ballot';
import { api } from '../../api';
import { MarkGlyph } from './BallotSheet';
import './entry-panel.css';
import './write-in-panel.css';

interface Props {
  congressId: number | null;
  /** The round's candidates: a written candidate's name does not count as a write-in. */
  candidates: readonly string[];
  slot: number;
  onDone: (writeIn: EnteredWriteIn) => void;
  onCancel: () => void;
}

const shownMatches = 8;

/**
 * 另选他人: the written name, found in the roster by pinyin initials (zt → 周涛) or typed as
 * written — any name is allowed, the roster only helps — then whether a ○ is drawn above it.
 */
export function WriteInPanel({ congressId, candidates, slot, onDone, onCancel }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ query: '', matches: [] });
  const [highlight, setHighlight] = useState(0);
  const [name, setName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<InputRef>(null);
  const markStep = useRef<HTMLDivElement>(null);
  // A mark key typed while Enter is still finding the name belongs to the mark step, not the box.
  const early = useRef<{ choosing: boolean; mark: EnteredWriteIn['mark'] | null }>({
    choosing: false,
    mark: null,
  });
  useMatches(congressId, query, setFound, setHighlight);
  const matches = found.matches;

  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const mark = early.current.mark;
    early.current.mark = null;
    if (name !== null && mark !== null) done.current({ name, mark });
    else if (name === null) input.current?.focus();
    else markStep.current?.focus();
  }, [name]);

  // Enter may come before the roster answered the last letters typed: ask it then, so the name
  // taken is always the one for the query on screen.
  const choose = async () => {
    const text = query.trim();
    if (text === '') return;
    early.current.choosing = true;
    const current = found.query === text ? found : await searchRoster(congressId, text);
    early.current.choosing = false;
    const picked = current.matches[found.query === text ? highlight : 0]?.name;
    if (picked) {
      setName(picked);
    } else if (/^[\x20-\x7e]+$/.test(text)) {
      early.current.mark = null;
      setProblem(`名册中没有与“${text}”相符的人；名册外的姓名请用汉字输入`);
    } else {
      setName(text.replace(/\s+/g, ''));
    }
  };

  const onNameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const mark = markOf(event.key);
    if (early.current.choosing && mark !== null) {
      event.preventDefault();
      early.current.mark = mark;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const by = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.min(Math.max(h + by, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose();
    }
    event.stopPropagation();
  };

  const onMarkKey = (event: KeyboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const key = event.key.toLowerCase();
    if (name === null) return;
    const mark = markOf(key);
    if (mark !== null) onDone({ name, mark });
    else if (key === 'backspace') setName(null);
    else if (key === 'escape') onCancel();
  };

  const isCandidate = name !== null && candidates.includes(name);
  return (
    <div
      className="entry-panel writein-panel"
      role="dialog"
      aria-label={`另选他人（第 ${slot + 1} 个空格）`}
    >
      <div className="entry-panel-title">另选他人 · 第 {slot + 1} 个空格</div>
      {name === null ? (
        <>
          <Input
            ref={input}
            size="large"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setProblem(null);
            }}
            onKeyDown={onNameKey}
            placeholder="写的姓名：汉字、拼音或首字母（如 zt）"
            aria-label="另选人姓名"
            maxLength={40}
          />
          <ul className="writein-matches" aria-label="名册中的匹配">
            {matches.map((m, i) => (
              <li
                key={m.id}
                className={i === highlight ? 'active' : undefined}
                aria-selected={i === highlight}
              >
                <strong>{m.name}</strong>
                <span>{m.unit}</span>
              </li>
            ))}
          </ul>
          {problem && <div className="entry-warning">{problem}</div>}
          <div className="entry-panel-hint">
            <kbd>↑</kbd>
            <kbd>↓</kbd> 选择名册中的人，<kbd>Enter</kbd> 确定
            {matches.length === 0 && query.trim() !== '' ? '（名册中没有，按所写姓名录入）' : ''}，
            <kbd>Esc</kbd> 取消
          </div>
        </>
      ) : (
        <div
          ref={markStep}
          tabIndex={-1}
          onKeyDown={onMarkKey}
          className="writein-mark-step"
          aria-label="另选人上方是否画○"
        >
          <div className="writein-name">{name}</div>
          {isCandidate && (
            <div className="entry-warning">
              “{name}”是本轮候选人：另选栏写候选人姓名不作另选计票，以其本人栏内的符号为准
            </div>
          )}
          <div className="writein-mark-choices">
            <span>
              <kbd>1</kbd>
              <kbd>J</kbd>
              <kbd>空格</kbd> 上方画 <MarkGlyph mark="O" size={20} />
            </span>
            <span>
              <kbd>3</kbd>
              <kbd>L</kbd>
              <kbd>0</kbd> 未画
            </span>
            <span>
              <kbd>Backspace</kbd> 改姓名
            </span>
            <span>
              <kbd>Esc</kbd> 取消
            </span>
          </div>
        </div>
      )}
    </div>
  );
}

interface Found {
  query: string;
  matches: DelegateMatch[];
}

async function searchRoster(congressId: number | null, query: string): Promise<Found> {
  if (congressId === null || query === '') return { query, matches: [] };
  const result = await api['delegates.search']({ congressId, query, limit: shownMatches });
  return { query, matches: result.ok ? result.value : [] };
}

/** Asks the roster as the teller types; a late answer to an older query is dropped. */
function useMatches(
  congressId: number | null,
  query: string,
  setFound: (found: Found) => void,
  setHighlight: (h: number) => void,
): void {
  const asked = useRef(0);
  useEffect(() => {
    const text = query.trim();
    const ticket = ++asked.current;
    void searchRoster(congressId, text).then((found) => {
      if (ticket !== asked.current) return;
      setFound(found);
      setHighlight(0);
    });
  }, [congressId, query, setFound, setHighlight]);
}

/** The mark above a written name: ○ (1, J, space) or none (3, L, 0). */
function markOf(key: string): EnteredWriteIn['mark'] | null {
  const k = key.toLowerCase();
  if (['1', 'j', ' '].includes(k)) return 'O';
  if (['3', 'l', '0'].includes(k)) return '-';
  return null;
}
