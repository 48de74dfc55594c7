import type { CheckinDelegate } from '../../../shared/api/checkin';
import { DeskButton } from './MatchList';
import { clock } from '../../../shared/strings/time';
import { unitOf } from './words';

const said = { present: '报到', leave: '请假', absent: '缺席' } as const;

/** The desk's latest marks, newest first, each one undoable. */
export function RecentMarks(props: {
  recent: readonly CheckinDelegate[];
  canMark: boolean;
  onUndo: (d: CheckinDelegate) => void;
}) {
  if (props.recent.length === 0) {
    return <p className="checkin-empty">还没有代表报到</p>;
  }
  return (
    <ol className="recent-marks" aria-label="最近报到">
      {props.recent.map((d) =>
        d.attendance === null ? null : (
          <li key={d.id} className={`recent-mark ${d.attendance.status}`}>
            <span className="recent-mark-time">{clock(d.attendance.at)}</span>
            <span className="recent-mark-status">{said[d.attendance.status]}</span>
            <span className="recent-mark-name">{d.name}</span>
            <span className="recent-mark-unit">{unitOf(d)}</span>
            {props.canMark && <DeskButton onClick={() => props.onUndo(d)}>撤销</DeskButton>}
          </li>
        ),
      )}
    </ol>
  );
}
