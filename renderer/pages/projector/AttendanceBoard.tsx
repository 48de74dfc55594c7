import type { AttendanceBoard as Board } from '../../../shared/api/checkin';
import './attendance-board.css';

/** Units shown beneath the counts; more would be too small to read from the back of the hall. */
const unitsShown = 16;

/** 代表报到情况 on the hall's screen: the counts in large type and whether the meeting may elect. */
export function AttendanceBoard({ board }: { board: Board }) {
  const { counts, validity } = board;
  const state = validity.met === null ? 'pending' : validity.met ? 'met' : 'unmet';
  return (
    <main className="projector attendance-board" aria-live="polite" data-testid="attendance-board">
      <header className="board-header">
        <h1>{board.congressName}</h1>
        <p>代表报到情况</p>
      </header>
      <div className="board-tiles">
        <Tile label="应到" value={counts.entitled} tone="entitled" />
        <Tile label="实到" value={counts.present} tone="present" />
        <Tile label="请假" value={counts.leave} tone="leave" />
        <Tile label="缺席" value={counts.absent} tone="absent" />
        <Tile label="未到" value={counts.notYet} tone="not-yet" />
      </div>
      <div className={`board-validity ${state}`} data-state={state}>
        <div className="board-validity-text">{validity.text}</div>
        <div className="board-validity-rule">依据{validity.rule}</div>
      </div>
      {board.units.length > 1 && board.units.length <= unitsShown && (
        <ul className="board-units" aria-label="各选举单位实到与应到">
          {board.units.map((u) => (
            <li key={u.unit} className={u.present === u.entitled ? 'complete' : undefined}>
              <span className="board-unit-name">{u.unit || '未填选举单位'}</span>
              <span className="board-unit-count">
                {u.present}/{u.entitled}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function Tile({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className={`board-tile ${tone}`}>
      <div className="board-tile-label">{label}</div>
      <div className="board-tile-value" data-testid={`board-${label}`}>
        {value}
      </div>
    </div>
  );
}
