import { Alert, Button, Card, Collapse, Tag } from 'antd';
import { useState } from 'react';
import type { ResultReport, RoundResults } from '../../../shared/api/results';
import { CertifyPanel } from './CertifyPanel';
import { CountsPanel } from './CountsPanel';
import { EligibilityPanel } from './EligibilityPanel';
import { FollowUpPanel } from './FollowUpPanel';
import { NamesTable } from './NamesTable';
import { ReportDialog } from '../../components/ReportDialog';
import { dateTime } from '../../../shared/strings/time';

/** One counted round: the counts, every name's outcome and why, what follows, and 签核. */
export function RoundView({
  results,
  onChanged,
}: {
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const [report, setReport] = useState<ResultReport | null>(null);
  const { round } = results;
  const sheet: ResultReport = {
    kind: 'result-sheet',
    electionId: results.electionId,
    roundId: round.id,
  };
  return (
    <div className="results-round" data-testid="round-results">
      <Card
        className="results-head"
        title={
          <span className="results-title">
            {results.electionTitle}
            <span className="results-round-label">{round.label}</span>
            <StateTag results={results} />
          </span>
        }
        extra={<Button onClick={() => setReport(sheet)}>计票结果报告单</Button>}
      >
        <CountsPanel results={results} />
      </Card>
      {results.unlocks.map((u) => (
        <Alert
          key={u.at}
          type="warning"
          showIcon
          className="results-unlock"
          title={`本结果曾于 ${dateTime(u.at)} 解锁重核，理由：${u.reason}（${u.by}）`}
        />
      ))}
      {results.warnings
        .filter((w) => w.code !== 'eligibility')
        .map((w) => (
          <Alert key={w.code} type="warning" showIcon title={w.message} />
        ))}
      <EligibilityPanel results={results} onChanged={onChanged} />
      <Card title="得票情况与当选判定" className="results-names">
        <NamesTable results={results} />
        <ElectedLine results={results} />
      </Card>
      <FollowUpPanel results={results} onChanged={onChanged} />
      <Collapse
        className="results-determinations"
        items={[
          {
            key: 'all',
            label: '计票依据（逐条，可向大会宣读）',
            children: (
              <ol>
                {results.determinations.map((d, i) => (
                  <li key={`${d.kind}-${i}`}>{d.text}</li>
                ))}
              </ol>
            ),
          },
        ]}
      />
      <CertifyPanel results={results} onChanged={onChanged} />
      <ReportDialog
        report={report}
        title={`${results.electionTitle}${round.label}计票结果报告单`}
        onClose={() => setReport(null)}
      />
    </div>
  );
}

function StateTag({ results }: { results: RoundResults }) {
  if (results.status !== 'valid') return <Tag color="red">选举无效</Tag>;
  if (results.certified) return <Tag color="green">已签核</Tag>;
  return <Tag color="gold">已计票 · 待签核</Tag>;
}

function ElectedLine({ results }: { results: RoundResults }) {
  // A 预选 elects nobody: it lists the formal candidates.
  const listed = results.round.kind === 'preliminary' ? '正式候选人名单' : '当选名单';
  return (
    <div className="results-elected" data-testid="elected-line">
      <span className="results-elected-label">
        {listed}（{results.orderNote}，共 {results.elected.length} 名）
      </span>
      {results.elected.length === 0 ? (
        <span className="results-elected-none">
          {results.round.kind === 'preliminary' ? '本轮无人列为正式候选人' : '本轮无人当选'}
        </span>
      ) : (
        results.elected.map((name) => (
          <span key={name} className="results-elected-name">
            {name}
          </span>
        ))
      )}
    </div>
  );
}
