import { useCallback, useRef, useState } from 'react';

/**
 * Runs one submission at a time: a second Enter while the first call is in flight is ignored,
 * so a PIN is never sent twice and a form never saves twice.
 */
export function useBusy(): [busy: boolean, run: (task: () => Promise<void>) => void] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback((task: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    void task().finally(() => {
      running.current = false;
      setBusy(false);
    });
  }, []);
  return [busy, run];
}
