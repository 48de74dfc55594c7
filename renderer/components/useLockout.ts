import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api';

export interface Lockout {
  message: string;
  secondsLeft: number;
}

/** Keeps a 'locked-out' answer on screen with a live countdown, until the pause is over. */
export function useLockout(): [Lockout | null, (error: ApiError | null) => void] {
  const [until, setUntil] = useState<{ message: string; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [until]);

  const set = (error: ApiError | null) => {
    const seconds = error?.code === 'locked-out' ? (error.retryAfterSeconds ?? 0) : 0;
    setNow(Date.now());
    setUntil(
      error && seconds > 0 ? { message: error.message, at: Date.now() + seconds * 1000 } : null,
    );
  };

  const secondsLeft = until ? Math.max(0, Math.ceil((until.at - now) / 1000)) : 0;
  return [until && secondsLeft > 0 ? { message: until.message, secondsLeft } : null, set];
}
