import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/api';

/**
 * Asks at once, then every `everyMs`, and at once again whenever `ask` changes; the function
 * returned asks right away. Answers can cross: `ask` gets `current`, true until a newer ask starts,
 * and applies its answer only while it holds. `ask` must keep its identity between renders.
 */
export function usePoll(
  ask: (current: () => boolean) => Promise<void>,
  everyMs: number,
): () => Promise<void> {
  const asked = useRef(0);
  const refresh = useCallback(() => {
    const ticket = ++asked.current;
    return ask(() => ticket === asked.current);
  }, [ask]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), everyMs);
    return () => window.clearInterval(timer);
  }, [refresh, everyMs]);

  return refresh;
}

export interface Polled<T> {
  /** The last good answer: a failed ask keeps it and sets `problem`. */
  value: T | null;
  problem: string | null;
  refresh: () => Promise<void>;
}

/**
 * `usePoll` for one method's answer; null `load` asks nothing. An answer `same` as the one shown
 * keeps the shown object, so that nothing redraws. `load` and `same` must keep their identity.
 */
export function usePolled<T>(
  load: (() => Promise<Result<T>>) | null,
  everyMs: number,
  same?: (shown: T, answer: T) => boolean,
): Polled<T> {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ask = useCallback(
    async (current: () => boolean) => {
      if (!load) return;
      const result = await load();
      if (!current()) return;
      if (!result.ok) return setProblem(result.error.message);
      const answer = result.value;
      setValue((shown) => (shown !== null && same?.(shown, answer) ? shown : answer));
      setProblem(null);
    },
    [load, same],
  );
  const refresh = usePoll(ask, everyMs);
  return { value, problem, refresh };
}
