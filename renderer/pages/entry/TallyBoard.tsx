import type { CSSProperties } from 'react';
import type { TallyBoard as Board } from '../../../shared/api/entry';
import { roundKindLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { usePolled } from '../../components/usePoll';
import { ZhengStrokes } from './ZhengStrokes';
import './tally-board.css';

/** Each entered ballot shows within a second; the service answers from its live counter. */
const pollMs = 1_000;

const load = () => api['entry.board']({});

/** Same version, same counts. */
const sameCounts = (shown: Board | null, answer: Board | null) =>
  shown !== null &&
  answer !== null &&
  shown.version === answer.version &&
  shown.roundId === answer.roundId;

/** The projected round's board; null while none is chosen. */
export function useTallyBoard(): Board | null {
  return usePolled(load, pollMs, sameCounts).value;
}

/** Characters of 正 across one line: wide enough for the leader, never so many they blur. */
function perLineFor(board: Board): number {
  const most = Math.max(
    0,
    ...board.candidates.map((c) => c.for),
    ...board.writeIns.map((w) => w.for),
  );
  return Math.min(Math.max(Math.ceil(most / 5), 10), 40);
}

/**
 * 唱票计票板 on the hall's screen: per candidate in ballot order, the "for" votes as 正 strokes and
 * the number. Counts only: who passes the threshold is the certified result's to say, not this.
 */
export function TallyBoard({ board }: { board: Board }) {
  const perLine = perLineFor(board);
  const rows = { '--rows': board.candidates.length + board.writeIns.length } as CSSProperties;
  return (
    <main className="projector tally-board" aria-live="polite" data-testid="tally-board">
      <header className="tally-header">
        <h1>{board.title}</h1>
        <p>{roundKindLabels[board.kind]} · 唱票计票（赞成票）</p>
      </header>
      <ol className="tally-rows" style={rows}>
        {board.candidates.map((c) => (
          <li key={c.name} className="tally-row" data-testid={`tally-${c.name}`}>
            <span className="tally-name">{c.name}</span>
            <ZhengStrokes votes={c.for} perLine={perLine} />
            <span className="tally-number">{c.for}</span>
          </li>
        ))}
      </ol>
      {board.writeIns.length > 0 && (
        <ol className="tally-rows tally-writeins" style={rows} aria-label="另选他人">
          {board.writeIns.map((w) => (
            <li key={w.name} className="tally-row" data-testid={`tally-${w.name}`}>
              <span className="tally-name">
                {w.name}
                <small>另选</small>
              </span>
              <ZhengStrokes votes={w.for} perLine={perLine} />
              <span className="tally-number">{w.for}</span>
            </li>
          ))}
        </ol>
      )}
      <footer className="tally-footer">
        <span>
          已唱票 <b data-testid="tally-entered">{board.entered}</b>
          {board.returned !== null && <> / 收回 {board.returned}</>} 张
        </span>
        <span>
          有效 <b>{board.valid}</b> 张
        </span>
        <span>
          无效 <b>{board.invalid}</b> 张
        </span>
        {board.provisional && (
          <span className="tally-provisional">双人录入尚未全部核对，计数以核对后为准</span>
        )}
      </footer>
    </main>
  );
}
