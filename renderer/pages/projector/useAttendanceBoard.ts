import type { AttendanceBoard } from '../../../shared/api/checkin';
import { api } from '../../api';
import { usePolled } from '../../components/usePoll';

/** The projector asks once a second: an aggregate of a few hundred rows, cheap to answer. */
const pollMs = 1_000;

const load = () => api['checkin.board']({});

/** The current congress's attendance for the hall's screen; null before there is a roster. */
export function useAttendanceBoard(): AttendanceBoard | null {
  // A failed poll keeps the last good numbers: the hall's screen should not flicker.
  return usePolled(load, pollMs).value;
}
