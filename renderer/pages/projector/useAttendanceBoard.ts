import { useEffect, useState } from 'react';
import type { AttendanceBoard } from '../../../shared/api/checkin';
import { api } from '../../api';

/** The projector asks once a second: an aggregate of a few hundred rows, cheap to answer. */
const pollMs = 1_000;

/** The current congress's attendance for the hall's screen; null before there is a roster. */
export function useAttendanceBoard(): AttendanceBoard | null {
  const [board, setBoard] = useState<AttendanceBoard | null>(null);
  useEffect(() => {
    let asked = 0;
    const load = async () => {
      const ticket = ++asked;
      const result = await api['checkin.board']({});
      // Keep the last good numbers on a failed poll: the hall's screen should not flicker.
      if (ticket === asked && result.ok) setBoard(result.value);
    };
    void load();
    const timer = window.setInterval(() => void load(), pollMs);
    return () => window.clearInterval(timer);
  }, []);
  return board;
}
