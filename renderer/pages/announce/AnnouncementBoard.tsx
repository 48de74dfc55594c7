import type { Announcement } from '../../../shared/api/results';
import './announcement-board.css';

/** How large the names are: a committee of nine fills the screen, twenty delegates still fit. */
function sizeOf(count: number): 'large' | 'medium' | 'small' {
  if (count <= 10) return 'large';
  if (count <= 25) return 'medium';
  return 'small';
}

/** Rows as even as the count allows: nine names as five and four, not four, four and one. */
function columnsOf(count: number): number {
  if (count <= 5) return Math.max(count, 1);
  if (count <= 25) return 5;
  return 6;
}

/**
 * 宣布选举结果 on the hall's screen: the election, the ballots, and the elected in announcement
 * order, legible from the back row. `preview` draws it inside the operator's page.
 */
export function AnnouncementBoard({
  announcement: a,
  preview = false,
}: {
  announcement: Announcement;
  preview?: boolean;
}) {
  const Root = preview ? 'div' : 'main';
  return (
    <Root
      className={`projector announcement-board${preview ? ' preview' : ''}`}
      aria-live="polite"
      data-testid="announcement-board"
    >
      <header className="announce-header">
        <p className="announce-congress">{a.congressName}</p>
        <h1 className="announce-election">{a.electionTitle}</h1>
        <p className="announce-round">{a.roundLabel} · 选举结果</p>
      </header>
      <dl className="announce-ballots">
        <Figure label="发出选票" value={a.ballots.issued} />
        <Figure label="收回选票" value={a.ballots.returned} />
        <Figure label="有效票" value={a.ballots.valid} />
        <Figure label="无效票" value={a.ballots.invalid} />
      </dl>
      {a.status === 'valid' ? (
        <section className="announce-elected" aria-label="当选名单">
          <h2>
            当选名单<span>（{a.orderNote}）</span>
          </h2>
          <ol
            className={`announce-names ${sizeOf(a.elected.length)}`}
            style={{ gridTemplateColumns: `repeat(${columnsOf(a.elected.length)}, 1fr)` }}
          >
            {a.elected.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {a.pending && <p className="announce-pending">{a.pending}</p>}
    </Root>
  );
}

function Figure({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="announce-figure">
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  );
}
