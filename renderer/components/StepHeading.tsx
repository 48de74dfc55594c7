import { Typography } from 'antd';
import { stepById, steps, type StepId } from '../steps';

/** Every step page opens with its number, title and what happens in it. */
export function StepHeading({ step }: { step: StepId }) {
  const { title, summary } = stepById(step);
  const number = steps.findIndex((s) => s.id === step) + 1;
  return (
    <div style={{ marginBottom: 24 }}>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {number}. {title}
      </Typography.Title>
      <Typography.Text type="secondary">{summary}</Typography.Text>
    </div>
  );
}
