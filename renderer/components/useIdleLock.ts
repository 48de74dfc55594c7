import { useEffect, useState } from 'react';
import { api } from '../api';
import { useSession } from '../stores/session';

/** Activity is reported at most this often; the countdown restarts when the services have heard of it. */
const touchEveryMs = 5_000;
const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Seconds until the screen locks for lack of activity. The services keep the same clock and
 * refuse calls once it runs out; the screen locks itself at zero.
 */
export function useIdleLock(idleMinutes: number): number {
  const lastTouch = useSession((s) => s.lastTouch);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let pending = false;
    const onActivity = () => {
      const at = Date.now();
      if (pending || at - useSession.getState().lastTouch < touchEveryMs) return;
      pending = true;
      void api['session.touch']({})
        .then((result) => {
          if (result.ok) useSession.getState().touched(at);
        })
        .finally(() => {
          pending = false;
        });
    };
    for (const name of activityEvents)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      for (const name of activityEvents)
        window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, []);

  const left = Math.max(0, Math.ceil((lastTouch + idleMinutes * 60_000 - now) / 1000));
  useEffect(() => {
    if (left === 0) void useSession.getState().lock();
  }, [left]);
  return left;
}
