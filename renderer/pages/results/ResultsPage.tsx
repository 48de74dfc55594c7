import { Alert, Empty, Segmented, Spin } from 'antd';
import type { ResultRound } from '../../../shared/api/results';
import { roundStateLabels } from '../../../shared/strings/setup';
import { StepHeading } from '../../components/StepHeading';
import { useAppStatus } from '../../stores/app-status';
import { RoundView } from './RoundView';
import { dateTime } from '../../../shared/strings/time';
import { useElectionResults } from './useElectionResults';
import './results.css';

/** 计票结果: per election and round, the tally with its reasons, the follow-up, certification. */
export function ResultsPage() {
  const electionId = useAppStatus((s) => s.electionId);
  const hasCongress = useAppStatus((s) => s.status?.congress != null);
  const { overview, roundId, view, problem, choose, refresh } = useElectionResults(electionId);

  return (
    <section aria-labelledby="page-title" className="results-page">
      <StepHeading step="results" />
      {!hasCongress && (
        <Alert type="warning" showIcon title="尚未创建大会：请管理员先在“设置”中创建大会" />
      )}
      {hasCongress && electionId === null && (
        <Empty description="尚未设置选举事项：请管理员在“设置”中添加选举事项与候选人" />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {electionId !== null && !overview && !problem && <Spin description="正在读取计票结果…" />}
      {overview && (
        <>
          <div className="results-rounds" role="group" aria-label="选举轮次">
            <span className="results-election">{overview.title}</span>
            <Segmented
              value={roundId ?? undefined}
              onChange={(id) => choose(Number(id))}
              options={overview.rounds.map((r) => ({ value: r.id, label: roundOption(r) }))}
            />
          </div>
          {view && !view.ready && (
            <>
              <Alert
                type="info"
                showIcon
                data-testid="results-not-ready"
                title={`${view.round.label}：尚无计票结果`}
                description={view.notice}
              />
              {view.unlocks.map((u) => (
                <Alert
                  key={u.at}
                  type="warning"
                  showIcon
                  className="results-unlock"
                  title={`本轮结果曾于 ${dateTime(u.at)} 解锁重核，理由：${u.reason}（${u.by}）`}
                />
              ))}
            </>
          )}
          {view?.ready && <RoundView results={view.results} onChanged={refresh} />}
        </>
      )}
    </section>
  );
}

function roundOption(round: ResultRound): string {
  return `${round.label} · ${roundStateLabels[round.state]}`;
}
