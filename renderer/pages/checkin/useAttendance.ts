import { useMemo } from 'react';
import type { AttendanceOverview } from '../../../shared/api/checkin';
import { api } from '../../api';
import { usePolled } from '../../components/usePoll';

/** Live counts at the desk: asked for every second, and at once after each mark. */
const pollMs = 1_000;

export interface Attendance {
  overview: AttendanceOverview | null;
  problem: string | null;
  refresh(): Promise<void>;
}

export function useAttendance(congressId: number | null): Attendance {
  const load = useMemo(
    () => (congressId === null ? null : () => api['checkin.overview']({ congressId })),
    [congressId],
  );
  const { value: overview, problem, refresh } = usePolled(load, pollMs);
  return { overview, problem, refresh };
}
