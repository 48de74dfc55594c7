import { Alert, Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { roleLabels } from '../../../shared/strings/roles';
import { api } from '../../api';
import { StepHeading } from '../../components/StepHeading';
import { usePolled } from '../../components/usePoll';
import { ValidityLine } from '../../components/ValidityLine';
import { useAppStatus } from '../../stores/app-status';
import { useSession } from '../../stores/session';
import { RoundPanel } from './RoundPanel';
import './issuance.css';

/** Attendance moves until a round's ballots are issued; the page follows it this often. */
const pollMs = 2_000;

/** 发票: per election and round, the ballots issued and, after voting, returned. */
export function IssuancePage() {
  const congress = useAppStatus((s) => s.status?.congress ?? null);
  const role = useSession((s) => s.session?.role);
  const canIssue = inGroup(roleGroups.scrutineers, role);
  const congressId = congress?.id ?? null;
  const load = useMemo(
    () => (congressId === null ? null : () => api['issuance.list']({ congressId })),
    [congressId],
  );
  const { value: overview, problem, refresh } = usePolled(load, pollMs);

  return (
    <section aria-labelledby="page-title" className="issuance-page">
      <StepHeading step="issuance" />
      {!congress && (
        <Alert type="warning" showIcon title="尚未创建大会：请管理员先在“设置”中创建大会" />
      )}
      {congress && !canIssue && role && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`您以${roleLabels[role]}身份登录，可以查看和打印；发出、收回选票由监票人或总监票人登记。`}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {overview && (
        <>
          <Card size="small" className="issuance-live" title="当前到会情况（发票时固定到本轮）">
            <div className="issuance-live-counts">
              <span>
                应到 <strong data-testid="live-entitled">{overview.live.entitled}</strong> 人
              </span>
              <span>
                实到 <strong data-testid="live-present">{overview.live.present}</strong> 人
              </span>
            </div>
            <ValidityLine validity={overview.live.validity} />
          </Card>
          {overview.elections.length === 0 && (
            <Empty description="尚未设置选举事项：请管理员在“设置”中添加选举事项与候选人" />
          )}
          {overview.elections.map((election) => (
            <Card
              key={election.id}
              className="issuance-election"
              title={
                <Typography.Text strong style={{ fontSize: 17 }}>
                  {election.title}
                </Typography.Text>
              }
              extra={`应选 ${election.seats} 名`}
            >
              {election.rounds.map((round) => (
                <RoundPanel
                  key={round.id}
                  round={round}
                  election={election}
                  live={overview.live}
                  canIssue={canIssue}
                  onChanged={refresh}
                />
              ))}
            </Card>
          ))}
        </>
      )}
    </section>
  );
}
