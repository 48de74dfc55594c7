import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SignerStanding, Verdict } from '../../../shared/api/export';
import { verdictLabels } from '../../../shared/strings/verdicts';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { fileToBase64 } from '../setup/files';
import { PackageDetails } from './PackageDetails';
import { RegisterSigner } from './RegisterSigner';

/**
 * 核验结果包: the county office's check of a package, here as on the command line. It needs no
 * congress and no sign-in: the file's bytes go to the services, which look the signer up in this
 * installation's keyring, and one of three verdicts comes back.
 */
export function VerifyPanel() {
  const [pkg, setPkg] = useState<File | null>(null);
  const [key, setKey] = useState<File | null>(null);
  const [checked, setChecked] = useState<{ verdict: Verdict; base64: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const check = async () => {
    if (!pkg) return;
    setChecked(null);
    setProblem(null);
    const publicKey = key ? await key.text() : undefined;
    const base64 = await fileToBase64(pkg);
    const result = await api['export.verify']({
      package: base64,
      ...(publicKey ? { publicKey } : {}),
    });
    if (result.ok) setChecked({ verdict: result.value, base64 });
    else setProblem(result.error.message);
  };

  return (
    <div className="export-panel">
      <Card size="small" title="核验结果包">
        <Typography.Paragraph type="secondary">
          选择乡镇报送的结果包（.zip）。核验签名、每个文件的摘要、审计日志的哈希链，并按结果包中的选票重新计票，与其中的结果逐项比对；
          签名者在本机的密钥登记中查找，只有登记给该单位的密钥签名的结果包才算通过。
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
            只为这一次核验另给公钥文件（可选）：
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
      {checked && <VerdictView {...checked} onRegistered={() => run(check)} />}
    </div>
  );
}

const vouchedBy: Record<SignerStanding['kind'], string> = {
  'key-file': '与所给的公钥文件相符',
  registered: '与登记的密钥相符',
  'other-organiser': '登记给了其他单位',
  changed: '与该单位登记的密钥不同',
  withdrawn: '已撤销登记',
  unknown: '未登记',
};

function VerdictView({
  verdict,
  base64,
  onRegistered,
}: {
  verdict: Verdict;
  base64: string;
  onRegistered: () => void;
}) {
  if (verdict.verdict === 'fail') {
    return (
      <Result
        status="error"
        title={`核验${verdictLabels.fail}`}
        data-testid="verify-failed"
        subTitle={
          <>
            <div>文件：{verdict.file}</div>
            <div>原因：{verdict.reason}</div>
          </>
        }
      />
    );
  }
  const { summary, signer } = verdict;
  return (
    <>
      {verdict.verdict === 'pass' ? (
        <Result
          status="success"
          title={`核验${verdictLabels.pass}`}
          data-testid="verify-passed"
          subTitle={summary.congress.name}
        />
      ) : (
        <Result
          status="warning"
          title={verdictLabels.unregistered}
          data-testid="verify-unregistered"
          className="verify-unregistered"
          subTitle={
            <>
              <div>
                {summary.congress.name}：结果包本身完好，但没有登记的密钥为它作证，不能作为通过。
              </div>
              <div data-testid="verify-reason">{verdict.reason}</div>
            </>
          }
        />
      )}
      {verdict.verdict === 'unregistered' && signer.kind !== 'other-organiser' && (
        <RegisterSigner
          base64={base64}
          summary={summary}
          changed={signer.kind === 'changed'}
          onRegistered={onRegistered}
        />
      )}
      <PackageDetails summary={summary} vouched={vouchedBy[signer.kind]} />
    </>
  );
}
