import { Alert, Button, Card, Descriptions, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PackageSummary, SummaryRound, Verdict } from '../../../shared/api/export';
import { outcomeLabels } from '../../../shared/strings/results';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { fileToBase64 } from '../setup/files';
import { when } from './words';

/**
 * 核验结果包: the county office's check of a package, here as on the command line. It needs no
 * congress and no sign-in: the file's bytes go to the services and the verdict comes back.
 */
export function VerifyPanel() {
  const [pkg, setPkg] = useState<File | null>(null);
  const [key, setKey] = useState<File | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const check = async () => {
    if (!pkg) return;
    setVerdict(null);
    setProblem(null);
    const publicKey = key ? await key.text() : undefined;
    const input = { package: await fileToBase64(pkg), ...(publicKey ? { publicKey } : {}) };
    const result = await api['export.verify'](input);
    if (result.ok) setVerdict(result.value);
    else setProblem(result.error.message);
  };

  return (
    <div className="export-panel">
      <Card size="small" title="核验结果包">
        <Typography.Paragraph type="secondary">
          选择乡镇报送的结果包（.zip）。核验签名、每个文件的摘要、审计日志的哈希链，并按结果包中的选票重新计票，与其中的结果逐项比对。
          另选上级登记的公钥文件，可确认结果包出自登记的那台电脑。
        </Typography.Paragraph>
        <Space direction="vertical">
          <label>
            结果包：
            <input
              type="file"
              accept=".zip"
              data-testid="verify-package"
              onChange={(e) => setPkg(e.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            已登记的公钥文件（可选）：
            <input
              type="file"
              accept=".json,.pem"
              data-testid="verify-key"
              onChange={(e) => setKey(e.target.files?.[0] ?? null)}
            />
          </label>
          <Button type="primary" disabled={!pkg} loading={busy} onClick={() => run(check)}>
            开始核验
          </Button>
        </Space>
      </Card>
      {problem && <Alert type="error" showIcon title={problem} />}
      {verdict && !verdict.ok && (
        <Result
          status="error"
          title="核验未通过"
          data-testid="verify-failed"
          subTitle={
            <>
              <div>文件：{verdict.file}</div>
              <div>原因：{verdict.reason}</div>
            </>
          }
        />
      )}
      {verdict?.ok && <Verified summary={verdict.summary} warnings={verdict.warnings} />}
    </div>
  );
}

function Verified({ summary, warnings }: { summary: PackageSummary; warnings: string[] }) {
  return (
    <>
      <Result
        status="success"
        title="核验通过"
        data-testid="verify-passed"
        subTitle={summary.congress.name}
      />
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      <Card size="small" title="结果包">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="大会">
            {summary.congress.name}（{summary.congress.heldOn}）
          </Descriptions.Item>
          <Descriptions.Item label="导出时间">{when(summary.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="签名公钥指纹">
            <code>{summary.signer.fingerprint}</code>（
            {summary.signer.registered ? '与登记的公钥相符' : '未与登记的公钥核对'}）
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
