import type { ReactNode } from 'react';
import type { EntryRound } from '../../../shared/api/entry';
import type { EnteredWriteIn, Mark } from '../../../shared/domain/paper-ballot';
import './ballot-sheet.css';

/** The mark as the voter drew it: ○, ×, an unclear scrawl, or nothing. */
export function MarkGlyph({ mark, size = 30 }: { mark: Mark | null; size?: number }) {
  const label = mark === null ? '未录入' : markWords[mark];
  return (
    <svg
      className={`mark-glyph mark-${markClass(mark)}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role="img"
      aria-label={label}
    >
      {mark === 'O' && <circle cx="12" cy="12" r="8.5" />}
      {mark === 'X' && <path d="M5 5 L19 19 M19 5 L5 19" />}
      {mark === '?' && (
        <text x="12" y="18" textAnchor="middle">
          ?
        </text>
      )}
      {mark === '-' && <path d="M8 12 L16 12" />}
      {mark === null && <rect x="6" y="6" width="12" height="12" rx="2" />}
    </svg>
  );
}

/** A stored mark character as a mark; anything else (never stored) as none. */
export function markOf(ch: string): Mark | null {
  return ch === 'O' || ch === 'X' || ch === '-' || ch === '?' ? ch : null;
}

export const markWords: Record<Mark, string> = {
  O: '○ 赞成',
  X: '× 不赞成',
  '-': '弃权',
  '?': '不清',
};

function markClass(mark: Mark | null): string {
  if (mark === null) return 'untyped';
  return { O: 'for', X: 'against', '-': 'none', '?': 'unclear' }[mark];
}

function defaultEndHint(candidates: number): ReactNode {
  return (
    <>
      已录完 {candidates} 名候选人：按 <kbd>Enter</kbd> 保存本张
    </>
  );
}

/** Columns for the candidates: rows of equal length, at most eight across, as the ballot flows. */
function columnsFor(count: number): number {
  const rows = Math.max(1, Math.ceil(count / 8));
  return Math.max(1, Math.ceil(count / rows));
}

interface SheetProps {
  round: EntryRound;
  marks: readonly (Mark | null)[];
  writeIns: readonly EnteredWriteIn[];
  /** The candidate the next key marks; null where there is no cursor (a read-only ballot). */
  cursor: number | null;
  /** Greyed out under the reason: the scrutineers rejected it or it is over-voted. */
  voidedBy: string | null;
  /** Places to highlight (a difference between two passes). */
  highlight?: ReadonlySet<number>;
  /** Said once the cursor is past the last candidate; the entry screen's is about Enter. */
  endHint?: ReactNode;
}

/**
 * The paper ballot on screen: the candidates in the printed order with the mark under each name,
 * then the write-in blanks. The cursor is where the teller's next key lands.
 */
export function BallotSheet(props: SheetProps) {
  const { round, marks, writeIns, cursor, voidedBy, highlight } = props;
  const endHint =
    props.endHint === undefined ? defaultEndHint(round.candidates.length) : props.endHint;
  const columns = columnsFor(round.candidates.length);
  return (
    <div className={`ballot-paper${voidedBy ? ' ballot-voided' : ''}`}>
      <ol
        className="ballot-grid"
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
        aria-label="候选人及符号"
      >
        {round.candidates.map((name, i) => {
          const mark = marks[i] ?? null;
          const classes = ['ballot-cell'];
          if (cursor === i) classes.push('current');
          if (highlight?.has(i)) classes.push('differs');
          return (
            <li
              key={name}
              className={classes.join(' ')}
              aria-current={cursor === i ? 'step' : undefined}
              data-testid={`cell-${i + 1}`}
              data-mark={mark ?? ''}
            >
              <span className="ballot-place">{i + 1}</span>
              <span className="ballot-name">{name}</span>
              <span className="ballot-box">
                <MarkGlyph mark={mark} />
              </span>
            </li>
          );
        })}
      </ol>
      {round.writeInBlanks > 0 && (
        <div className="ballot-writeins" aria-label="另选他人">
          <span className="ballot-writeins-label">另选他人</span>
          {Array.from({ length: round.writeInBlanks }, (_, slot) => {
            const w = writeIns[slot];
            return (
              <span
                key={slot}
                className={`ballot-writein${w ? ' filled' : ''}`}
                data-testid={`write-in-${slot + 1}`}
              >
                <span className="ballot-box small">
                  <MarkGlyph mark={w ? w.mark : null} size={22} />
                </span>
                <span className="ballot-writein-name">{w ? w.name : '　'}</span>
              </span>
            );
          })}
        </div>
      )}
      {cursor !== null && cursor >= round.candidates.length && !voidedBy && endHint && (
        <div className="ballot-end" aria-live="polite">
          {endHint}
        </div>
      )}
      {voidedBy && (
        <div className="ballot-voided-stamp" role="status">
          废票 · {voidedBy}
        </div>
      )}
    </div>
  );
}
