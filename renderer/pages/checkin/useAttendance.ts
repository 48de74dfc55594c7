import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttendanceOverview } from '../../../shared/api/checkin';
import { api } from '../../api';

/** Live counts at the desk: asked for every second, and at once after each mark. */
const pollMs = 1_000;

export interface Attendance {
  overview: AttendanceOverview | null;
  problem: string | null;
  refresh(): Promise<void>;
}

export function useAttendance(congressId: number | null): Attendance {
  const [overview, setOverview] = useState<AttendanceOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Answers can cross: only the newest request may set the state.
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    if (congressId === null) return;
    const ticket = ++asked.current;
    const result = await api['checkin.overview']({ congressId });
    if (ticket !== asked.current) return;
    if (result.ok) {
      setOverview(result.value);
      setProblem(null);
    } else {
      setProblem(result.error.message);
    }
  }, [congressId]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), pollMs);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return { overview, problem, refresh };
}
