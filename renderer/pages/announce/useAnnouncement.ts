import { useEffect, useState } from 'react';
import type { Announcement } from '../../../shared/api/results';
import { api } from '../../api';

/** The hall's screen asks every two seconds: a result being unlocked disappears within that. */
const pollMs = 2_000;

/** The certified result being announced; null when none is (or it was unlocked). */
export function useAnnouncement(): Announcement | null {
  const [shown, setShown] = useState<Announcement | null>(null);
  useEffect(() => {
    let asked = 0;
    const load = async () => {
      const ticket = ++asked;
      const result = await api['results.announcement']({});
      if (ticket === asked && result.ok) setShown(result.value);
    };
    void load();
    const timer = window.setInterval(() => void load(), pollMs);
    return () => window.clearInterval(timer);
  }, []);
  return shown;
}
