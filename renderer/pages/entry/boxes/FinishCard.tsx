import { Alert, App, Button, Card } from 'antd';
import type { EntryOverview } from '../../../../shared/api/entry';
import { api } from '../../../api';
import { useBusy } from '../../../components/useBusy';
import './finish-card.css';

export function FinishCard({
  overview,
  canFinish,
  onFinished,
}: {
  overview: EntryOverview;
  canFinish: boolean;
  onFinished: () => void;
}) {
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  const round = overview.round;
  if (!round || round.state !== 'counting') return null;
  const finish = () =>
    run(async () => {
      const result = await api['entry.finish']({ roundId: round.id });
      if (!result.ok) return void message.error(result.error.message);
      message.success('录入已完成，本轮进入计票结果');
      onFinished();
    });
  const { ready, blockers } = overview.finish;
  return (
    <Card title="完成录入" className="finish-card">
      {ready ? (
        <Alert
          type="success"
          className="entry-success"
          showIcon
          title="各票箱均已录完（双人录入的已核对），张数与收回选票相符，可以计票"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title="尚不能计票"
          description={
            <ul className="finish-blockers" data-testid="finish-blockers">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
        />
      )}
      {canFinish && (
        <Button
          type="primary"
          size="large"
          disabled={!ready}
          loading={busy}
          onClick={finish}
          style={{ marginTop: 16 }}
        >
          完成录入，进入计票
        </Button>
      )}
    </Card>
  );
}
