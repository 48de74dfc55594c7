import { Alert, App, Button, Card, Space, Tag } from 'antd';
import { useMemo } from 'react';
import type { ResultReport } from '../../../shared/api/results';
import { roundStateLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { usePolled } from '../../components/usePoll';

const pollMs = 3_000;

/** One election: its elected list over all rounds, and each certified round to announce. */
export function ElectionAnnounce(props: {
  electionId: number;
  shownRoundId: number | null;
  onPrint: (report: ResultReport, title: string) => void;
}) {
  const { electionId, shownRoundId, onPrint } = props;
  const { message } = App.useApp();
  const load = useMemo(() => () => api['results.overview']({ electionId }), [electionId]);
  const { value: overview, problem } = usePolled(load, pollMs);

  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!overview) return null;

  const announce = async (roundId: number) => {
    const done = await api['results.announce']({ roundId });
    if (done.ok) message.success('已在投影上宣布');
    else message.error(done.error.message);
  };
  const certified = overview.rounds.filter((r) => r.state === 'certified');

  return (
    <Card
      className="announce-election-card"
      data-testid="announce-election"
      title={
        <Space>
          <span className="announce-election-title">{overview.title}</span>
          {overview.complete ? <Tag color="green">已全部签核</Tag> : <Tag color="gold">未完成</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button
            disabled={
              !overview.rounds.some((r) => r.state === 'counted' || r.state === 'certified')
            }
            onClick={() =>
              onPrint({ kind: 'result-sheet', electionId }, `${overview.title}计票结果报告单`)
            }
          >
            计票结果报告单
          </Button>
          <Button
            disabled={certified.length === 0}
            onClick={() =>
              onPrint({ kind: 'elected-list', electionId }, `${overview.title}当选名单`)
            }
          >
            当选名单
          </Button>
        </Space>
      }
    >
      <div className="announce-list">
        <span className="announce-list-label">
          当选名单（应选 {overview.seats} 名，已当选 {overview.elected.length} 名，
          {overview.orderNote}）
        </span>
        <div className="announce-list-names">
          {overview.elected.length === 0
            ? '尚无经签核的当选人'
            : overview.elected.map((e) => <span key={e.name}>{e.name}</span>)}
        </div>
        {overview.pending && <p className="announce-list-pending">尚未完成：{overview.pending}</p>}
        {overview.orderWarnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 8 }} />
        ))}
      </div>
      <ul className="announce-rounds">
        {overview.rounds.map((r) => (
          <li key={r.id}>
            <span className="announce-round-label">{r.label}</span>
            <Tag>{roundStateLabels[r.state]}</Tag>
            {r.state === 'certified' &&
              (shownRoundId === r.id ? (
                <Tag color="red">投影中</Tag>
              ) : (
                <Button size="small" type="primary" onClick={() => void announce(r.id)}>
                  投影宣布
                </Button>
              ))}
          </li>
        ))}
      </ul>
    </Card>
  );
}
