import type { AttendanceOverview } from '../../../shared/api/checkin';
import { api } from '../../api';
import { useCongressPoll } from '../../components/useCongressPoll';

/** Live counts at the desk: asked for every second, and at once after each mark. */
const pollMs = 1_000;

export interface Attendance {
  overview: AttendanceOverview | null;
  problem: string | null;
  refresh(): Promise<void>;
}

const loadOverview = (congressId: number) => api['checkin.overview']({ congressId });

export function useAttendance(congressId: number | null): Attendance {
  const { value: overview, problem, refresh } = useCongressPoll(congressId, loadOverview, pollMs);
  return { overview, problem, refresh };
}
