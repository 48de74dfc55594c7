import { Button, Tag } from 'antd';
import type { CheckinDelegate, CheckinSearch } from '../../../shared/api/checkin';
import { outsideEntitled, standing, unitOf } from './words';

export interface MatchActions {
  checkIn(d: CheckinDelegate): void;
  mark(d: CheckinDelegate, status: 'leave' | 'absent'): void;
  undo(d: CheckinDelegate): void;
}

interface Props {
  results: CheckinSearch;
  highlight: number;
  /** Whether 1–9 pick a row now (a name was typed, not a card number). */
  numberKeys: boolean;
  /** Tellers and the administrator mark; others only look. */
  canMark: boolean;
  actions: MatchActions;
}

/** The delegates a search found, best first, numbered for the keyboard. */
export function MatchList({ results, highlight, numberKeys, canMark, actions }: Props) {
  const { matches, total, query } = results;
  if (matches.length === 0) {
    return (
      <p className="checkin-empty" data-testid="no-match">
        名册中没有与“{query}”相符的代表
      </p>
    );
  }
  return (
    <div>
      <p className="checkin-matches-head">
        {total === 1 ? '找到 1 名代表，按 Enter 报到' : `找到 ${total} 名代表`}
        {total > 1 &&
          (numberKeys ? '，按数字键或 ↑/↓ 选择后按 Enter 报到' : '，按 ↑/↓ 选择后按 Enter 报到')}
        {total > matches.length && `（只列出前 ${matches.length} 名，请继续输入）`}
      </p>
      <ol className="checkin-matches" aria-label="查找结果">
        {matches.map((d, i) => (
          <MatchRow
            key={d.id}
            delegate={d}
            number={i + 1}
            active={i === highlight}
            canMark={canMark}
            actions={actions}
          />
        ))}
      </ol>
    </div>
  );
}

function MatchRow(props: {
  delegate: CheckinDelegate;
  number: number;
  active: boolean;
  canMark: boolean;
  actions: MatchActions;
}) {
  const { delegate: d, number, active, canMark, actions } = props;
  const state = standing(d);
  const outside = outsideEntitled(d);
  const marked = d.attendance !== null;
  return (
    <li
      className={active ? 'checkin-match active' : 'checkin-match'}
      aria-current={active ? 'true' : undefined}
      data-testid="match"
    >
      <span className="checkin-match-number">{number}</span>
      <span className="checkin-match-name">{d.name}</span>
      <span className="checkin-match-unit">{unitOf(d)}</span>
      <span className="checkin-match-card">{d.cardNo}</span>
      <span className="checkin-match-tags">
        <Tag color={state.tone}>{state.text}</Tag>
        {outside && <Tag color="purple">{outside}</Tag>}
      </span>
      {canMark && (
        <span className="checkin-match-actions">
          {d.attendance?.status !== 'present' && (
            <DeskButton type="primary" onClick={() => actions.checkIn(d)}>
              报到
            </DeskButton>
          )}
          {outside === null && d.attendance?.status !== 'leave' && (
            <DeskButton onClick={() => actions.mark(d, 'leave')}>请假</DeskButton>
          )}
          {outside === null && d.attendance?.status !== 'absent' && (
            <DeskButton onClick={() => actions.mark(d, 'absent')}>缺席</DeskButton>
          )}
          {marked && (
            <DeskButton danger onClick={() => actions.undo(d)}>
              撤销
            </DeskButton>
          )}
        </span>
      )}
    </li>
  );
}

/**
 * A button that never takes the focus from the search box when clicked: the next scan must land
 * in the box, not press this button with its Enter.
 */
export function DeskButton(props: {
  type?: 'primary';
  danger?: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <Button
      size="small"
      type={props.type}
      danger={props.danger}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </Button>
  );
}
