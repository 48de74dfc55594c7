import type { Draft, DraftVerdict } from './ballot-draft';
import './ballot-status.css';

interface StatusProps {
  draft: Draft;
  verdict: DraftVerdict;
  limit: number;
  preliminary: boolean;
}

/** The ballot's "for" count against the seats, always in view, and what Enter will need. */
export function BallotStatus({ draft, verdict, limit, preliminary }: StatusProps) {
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
