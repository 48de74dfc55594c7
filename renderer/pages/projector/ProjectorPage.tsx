import { useAppStatus } from '../../stores/app-status';
import { AnnouncementBoard } from '../announce/AnnouncementBoard';
import { useAnnouncement } from '../announce/useAnnouncement';
import { TallyBoard, useTallyBoard } from '../entry/TallyBoard';
import { AttendanceBoard } from './AttendanceBoard';
import { useAttendanceBoard } from './useAttendanceBoard';

/**
 * The hall's screen: large type, nothing to operate. Attendance, the tally board and the
 * announcement appear here as those steps are built; until then it shows the congress and waits.
 */
export function ProjectorPage() {
  const status = useAppStatus((s) => s.status);
  const congress = status?.congress ?? null;
  const board = useAttendanceBoard();
  // The tally board shows only when put up from the entry step, and then comes first.
  const tally = useTallyBoard();
  // A certified result announced (putting it up takes the tally board down).
  const announced = useAnnouncement();
  if (tally) return <TallyBoard board={tally} />;
  if (announced) return <AnnouncementBoard announcement={announced} />;
  if (congress && board && board.counts.roster > 0) return <AttendanceBoard board={board} />;
  return (
    <main className="projector" aria-live="polite">
      <h1 className="projector-title">{congress ? congress.name : '尚未创建大会'}</h1>
      <p className="projector-subtitle">
        {congress ? '请稍候，会议即将开始' : '请在计票电脑上创建大会'}
      </p>
      <div className="projector-footer">大会选举计票</div>
    </main>
  );
}
