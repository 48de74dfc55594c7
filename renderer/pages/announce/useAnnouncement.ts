import type { Announcement } from '../../../shared/api/results';
import { api } from '../../api';
import { usePolled } from '../../components/usePoll';

/** The hall's screen asks every two seconds: a result being unlocked disappears within that. */
const pollMs = 2_000;

const load = () => api['results.announcement']({});

/** The certified result being announced; null when none is (or it was unlocked). */
export function useAnnouncement(): Announcement | null {
  return usePolled(load, pollMs).value;
}
