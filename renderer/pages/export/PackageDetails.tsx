import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import type { PackageSummary, SummaryRound } from '../../../shared/api/export';
import { outcomeLabels } from '../../../shared/strings/results';
import { when } from './words';

/** What an intact package says: the congress, its signer and digest, every round's figures. */
export function PackageDetails({ summary, vouched }: { summary: PackageSummary; vouched: string }) {
  return (
    <>
      <Card size="small" title="结果包">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="大会">
            {summary.congress.name}（{summary.congress.heldOn}）
          </Descriptions.Item>
          <Descriptions.Item label="主办单位">
            {summary.congress.organiser || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="导出时间">{when(summary.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="签名公钥指纹">
            <code data-testid="signer-fingerprint">{summary.signer.fingerprint}</code>（{vouched}）
          </Descriptions.Item>
          <Descriptions.Item label={`${summary.digest.algorithm.toUpperCase()} 摘要`}>
            <code>{summary.digest.short}</code>（应与报告单上打印的一致）
          </Descriptions.Item>
          <Descriptions.Item label="审计日志">
            {summary.audit.rows} 条，末条哈希 <code>{summary.audit.head.slice(0, 16)}…</code>
          </Descriptions.Item>
        </Descriptions>
        {summary.notExported.length > 0 && (
          <Alert
            type="info"
            showIcon
            title="未收入结果包的轮次"
            description={summary.notExported
              .map((r) => `${r.election}${r.label}：${r.reason}`)
              .join('；')}
          />
        )}
      </Card>
      {summary.elections.map((election) => (
        <Card key={election.title} size="small" title={election.title}>
          <Typography.Paragraph>
            应选 {election.seats} 名；当选：{election.elected.join('、') || '无'}
          </Typography.Paragraph>
          {election.rounds.map((round) => (
            <RoundTable key={round.roundId} round={round} />
          ))}
        </Card>
      ))}
    </>
  );
}

function RoundTable({ round }: { round: SummaryRound }) {
  const { issued, returned, valid, invalid } = round.ballots;
  return (
    <>
      <Typography.Text strong>
        {round.label}：发出 {issued} 张，收回 {returned} 张，有效 {valid ?? '—'} 张，无效{' '}
        {invalid ?? '—'} 张{round.status === 'invalid' ? '（本轮无效）' : ''}；{round.certifiedBy}{' '}
        于 {when(round.certifiedAt)} 签核
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={round.names}
        style={{ marginBottom: 12 }}
        columns={[
          { title: '姓名', render: (_v, n) => (n.writeIn ? `${n.name}（另选）` : n.name) },
          { title: '赞成', dataIndex: 'for' },
          { title: '不赞成', render: (_v, n) => n.against ?? '—' },
          { title: '弃权', render: (_v, n) => n.abstain ?? '—' },
          { title: '结果', render: (_v, n) => outcomeLabels[n.outcome] },
        ]}
      />
    </>
  );
}
