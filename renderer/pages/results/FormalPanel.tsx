import { Alert, Button, Card, Popconfirm } from 'antd';
import { useState } from 'react';
import type { FollowUp, RoundResults } from '../../../shared/api/results';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { roundStateLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';

type Formal = Extract<FollowUp, { kind: 'formal' }>;

/** After a certified 预选: its qualified names, and the formal round opened from them. */
export function FormalPanel(props: {
  results: RoundResults;
  followUp: Formal;
  onChanged: () => Promise<void>;
}) {
  const { results, followUp: f, onChanged } = props;
  const role = useSession((s) => s.session?.role);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const canOpen = f.round === null && f.blocked === null && inGroup(roleGroups.recorders, role);

  const open = () =>
    run(async () => {
      const done = await api['results.openFormal']({ roundId: results.round.id });
      if (!done.ok) return setProblem(done.error.message);
      setProblem(null);
      await onChanged();
    });

  return (
    <Card title="正式选举" className="results-follow-up" data-testid="follow-up">
      <p data-testid="qualified">
        预选确定正式候选人 {f.qualified.length} 名（拟产生 {f.formalCandidates} 名）：
        {f.qualified.join('、')}
      </p>
      {f.round && (
        <Alert
          type="info"
          showIcon
          title={`已开启${f.round.label}（${roundStateLabels[f.round.state]}），应选 ${f.round.seats} 名`}
          description="请管理员在“设置 → 打印”中印制正式选举的选票，再在“发票”步骤发出选票。"
        />
      )}
      {f.blocked && <Alert type="warning" showIcon title={f.blocked} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      {canOpen && (
        <Popconfirm
          title="开启正式选举"
          description={`以上 ${f.qualified.length} 名为正式选举的候选人，按规定顺序排列。`}
          okText="开启"
          cancelText="取消"
          onConfirm={open}
        >
          <Button type="primary" loading={busy} style={{ marginTop: 12 }}>
            用预选结果开启正式选举
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
