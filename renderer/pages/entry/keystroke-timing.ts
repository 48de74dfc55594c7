import { useLayoutEffect } from 'react';
import type { Draft } from './ballot-draft';

/** Read by the bench: keydown on the ballot to the frame that shows it. */
export const keystrokeMark = 'entry-keydown';
export const keystrokeMeasure = 'entry-keystroke';
/** Read by the bench to split Enter: the service's answer is in the page; React has laid it out. */
export const answerMark = 'entry-answer';
export const laidOutMark = 'entry-laid-out';

/**
 * keydown → the frame that shows its effect, for the bench: the mark is set on keydown, the
 * measure taken in the first animation frame after React has laid out the change.
 */
export function useKeystrokeTiming(draft: Draft, panel: string | null): void {
  useLayoutEffect(() => {
    if (performance.getEntriesByName(keystrokeMark, 'mark').length === 0) return;
    performance.mark(laidOutMark);
    const frame = requestAnimationFrame(() => {
      performance.measure(keystrokeMeasure, keystrokeMark);
      performance.clearMarks(keystrokeMark);
    });
    return () => cancelAnimationFrame(frame);
  }, [draft, panel]);
}
