import type { StepId } from '../steps';
import { NotEnabled } from './NotEnabled';
import { StepHeading } from './StepHeading';
import { stepById } from '../steps';

/** A workflow step whose feature has not been built yet. */
export function StepPlaceholder({ step }: { step: StepId }) {
  return (
    <section aria-labelledby="page-title">
      <StepHeading step={step} />
      <NotEnabled what={stepById(step).title} />
    </section>
  );
}
