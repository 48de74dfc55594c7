import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import type { FollowUp, RoundResults } from '../../../shared/api/results';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { roundStateLabels } from '../../../shared/strings/setup';
import { useSession } from '../../stores/session';
import { FormalPanel } from './FormalPanel';
import { ReduceSeatsDialog } from './ReduceSeatsDialog';
import { SupplementaryDialog } from './SupplementaryDialog';
import { dateTime } from '../../../shared/strings/time';

type Shortfall = Extract<FollowUp, { kind: 'shortfall' }>;

/**
 * What the result calls for next: 再次投票 for a tie, 另行选举 or fewer seats for a shortfall, the
 * formal round after a 预选.
 */
export function FollowUpPanel({
  results,
  onChanged,
}: {
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const f = results.followUp;
  if (f.kind === 'none') return null;
  const said = results.determinations.find((d) => d.kind === f.kind)?.text ?? '';
  if (f.kind === 'runoff') {
    return (
      <Card title="再次投票" className="results-follow-up" data-testid="follow-up">
        <p>{said}</p>
        {f.round ? (
          <Alert
            type="info"
            showIcon
            title={`已开启${f.round.label}（${roundStateLabels[f.round.state]}）：候选人 ${f.candidates.join('、')}，名额 ${f.seats} 名`}
            description="请管理员在“设置 → 打印”中印制本轮选票，再在“发票”步骤发出选票。"
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={`签核本轮结果后，自动开启再次投票：候选人 ${f.candidates.join('、')}，名额 ${f.seats} 名`}
          />
        )}
      </Card>
    );
  }
  if (f.kind === 'formal') {
    return <FormalPanel results={results} followUp={f} onChanged={onChanged} />;
  }
  return <ShortfallPanel results={results} followUp={f} said={said} onChanged={onChanged} />;
}

function ShortfallPanel(props: {
  results: RoundResults;
  followUp: Shortfall;
  said: string;
  onChanged: () => Promise<void>;
}) {
  const { results, followUp: f, said, onChanged } = props;
  const role = useSession((s) => s.session?.role);
  const [dialog, setDialog] = useState<'supplementary' | 'reduce' | null>(null);
  const certified = results.certified !== null;
  const canRecord = certified && inGroup(roleGroups.recorders, role);
  const listOpen = f.round === null || f.round.state === 'draft' || f.round.state === 'printed';
  return (
    <Card title="缺额处理" className="results-follow-up" data-testid="follow-up">
      <p>{said}</p>
      {!certified && (
        <Alert
          type="info"
          showIcon
          title="本轮结果签核后，可开启另行选举，或记录大会减少名额的决定。"
        />
      )}
      {f.reduction && (
        <Descriptions size="small" column={1} bordered className="results-reduction">
          <Descriptions.Item label="减少名额">
            经{f.reduction.decidedBy}决定，本轮名额由 {f.reduction.seatsBefore} 名减为{' '}
            {f.reduction.seatsAfter} 名
          </Descriptions.Item>
          <Descriptions.Item label="理由">{f.reduction.reason}</Descriptions.Item>
          <Descriptions.Item label="记录">
            {f.reduction.recordedBy}，{dateTime(f.reduction.at)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {f.round && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`已开启${f.round.label}（${roundStateLabels[f.round.state]}），另行选举 ${f.round.seats} 名`}
          description={`候选人：${f.round.candidates.join('、')}。请管理员印制本轮选票后发票。`}
        />
      )}
      {canRecord && f.seats > 0 && listOpen && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => setDialog('supplementary')}>
            {f.round ? '修改另行选举候选人' : '开启另行选举'}
          </Button>
          {!f.reduction && <Button onClick={() => setDialog('reduce')}>记录减少名额的决定</Button>}
        </Space>
      )}
      <SupplementaryDialog
        open={dialog === 'supplementary'}
        results={results}
        followUp={f}
        onClose={() => setDialog(null)}
        onDone={onChanged}
      />
      <ReduceSeatsDialog
        open={dialog === 'reduce'}
        results={results}
        onClose={() => setDialog(null)}
        onDone={onChanged}
      />
    </Card>
  );
}
