import type { InputRef } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import { useSession } from '../../stores/session';

/**
 * Keeps the desk's search box focused: a scanner types wherever the focus is, so a code typed
 * into a button (whose Enter would press it) or a closed chooser is steered into the box instead.
 * A dialog (`paused`, or any open one) keeps its own focus, and so does an open drop-down list.
 */
export function useDeskFocus(
  box: RefObject<InputRef | null>,
  paused: boolean,
  onEnter: () => void,
): void {
  const state = useRef({ paused, onEnter });
  state.current = { paused, onEnter };

  useEffect(() => {
    const input = () => box.current?.input ?? null;
    const idle = () => state.current.paused || useSession.getState().phase !== 'ready';

    const onKey = (event: KeyboardEvent) => {
      const target = input();
      if (idle() || !target || event.altKey || event.ctrlKey || event.metaKey) return;
      const active = document.activeElement;
      if (active === target || keepsFocus(active)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        target.focus();
        state.current.onEnter();
      } else if (event.key.length === 1) {
        // Focus moves before the character is inserted: it lands in the box.
        target.focus();
      }
    };
    // Clicking on nothing in particular leaves the focus nowhere: take it back.
    const onFocusOut = (event: FocusEvent) => {
      if (event.target !== input() || event.relatedTarget !== null) return;
      window.setTimeout(() => {
        if (
          !idle() &&
          (document.activeElement === document.body || document.activeElement === null)
        ) {
          input()?.focus();
        }
      }, 0);
    };
    const onWindowFocus = () => {
      if (!idle()) input()?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusout', onFocusOut);
    window.addEventListener('focus', onWindowFocus);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, [box]);
}

/** Whether typing belongs where the focus is: in a dialog, or in a list opened to choose from. */
function keepsFocus(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return (
    element.closest('[role="dialog"]') !== null || element.getAttribute('aria-expanded') === 'true'
  );
}
