import { useEffect } from 'react';
import { useRoute, type Route } from '../stores/route';
import { useSession } from '../stores/session';
import { steps } from '../steps';
import { openProjector } from './projector';

/** The shell's keys, shown in the status bar: Alt+1…7 steps, Alt+P people, Alt+T projector, Alt+L lock. */
export const shortcuts: readonly { keys: string; label: string; adminOnly?: boolean }[] = [
  { keys: 'Alt+1…7', label: '切换步骤' },
  { keys: 'Alt+P', label: '人员管理', adminOnly: true },
  { keys: 'Alt+T', label: '投影' },
  { keys: 'Alt+L', label: '锁定' },
];

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (useSession.getState().phase !== 'ready') return;
      const action = actionFor(event.code);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function actionFor(code: string): (() => void) | undefined {
  const digit = /^(?:Digit|Numpad)([1-7])$/.exec(code)?.[1];
  if (digit) return () => go(steps[Number(digit) - 1]?.id);
  if (code === 'KeyP' && useSession.getState().session?.role === 'admin') return () => go('people');
  if (code === 'KeyT') return () => void openProjector();
  if (code === 'KeyL') return () => void useSession.getState().lock();
  return undefined;
}

function go(route: Route | undefined): void {
  if (!route) return;
  useRoute.getState().go(route);
  document.getElementById('main')?.focus();
}
