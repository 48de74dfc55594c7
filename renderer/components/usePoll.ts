import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/api';

export interface CongressPoll<T> {
  value: T | null;
  problem: string | null;
  refresh: () => Promise<void>;
}

/**
 * Asks `load` for the congress at once and then every `pollMs`; `refresh` asks again right away.
 * `load` must keep its identity between renders (define it outside the component).
 */
export function useCongressPoll<T>(
  congressId: number | null,
  load: (congressId: number) => Promise<Result<T>>,
  pollMs: number,
): CongressPoll<T> {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Answers can cross: only the newest request may set the state.
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    if (congressId === null) return;
    const ticket = ++asked.current;
    const result = await load(congressId);
    if (ticket !== asked.current) return;
    if (result.ok) {
      setValue(result.value);
      setProblem(null);
    } else {
      setProblem(result.error.message);
    }
  }, [congressId, load]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), pollMs);
    return () => window.clearInterval(timer);
  }, [refresh, pollMs]);

  return { value, problem, refresh };
}
