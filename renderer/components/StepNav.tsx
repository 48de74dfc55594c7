import { Fragment, useRef, type KeyboardEvent } from 'react';
import { useRoute } from '../stores/route';
import { steps } from '../steps';

/**
 * The day's seven steps as tabs: click, Alt+number from anywhere, or ←/→ when the bar has focus.
 * Only the current tab is in the Tab order (roving tabindex), as screen readers expect.
 */
export function StepNav() {
  const route = useRoute((s) => s.route);
  const go = useRoute((s) => s.go);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = steps.findIndex((step) => step.id === route);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    const move = moves[event.key];
    let next: number | undefined;
    if (move !== undefined) next = (Math.max(current, 0) + move + steps.length) % steps.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = steps.length - 1;
    const step = next === undefined ? undefined : steps[next];
    if (next === undefined || !step) return;
    event.preventDefault();
    go(step.id);
    tabs.current[next]?.focus();
  };

  return (
    <nav className="step-nav" role="tablist" aria-label="大会流程" onKeyDown={onKeyDown}>
      {steps.map((step, index) => (
        <Fragment key={step.id}>
          {index > 0 && (
            <span className="step-arrow" aria-hidden="true">
              ›
            </span>
          )}
          <button
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            className="step-tab"
            aria-selected={route === step.id}
            aria-controls="main"
            aria-keyshortcuts={`Alt+${index + 1}`}
            tabIndex={route === step.id || (current < 0 && index === 0) ? 0 : -1}
            title={`${step.summary}（Alt+${index + 1}）`}
            onClick={() => go(step.id)}
          >
            <span className="step-number">{index + 1}</span>
            {step.title}
          </button>
        </Fragment>
      ))}
    </nav>
  );
}
