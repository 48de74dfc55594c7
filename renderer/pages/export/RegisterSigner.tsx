import { Alert, App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PackageSummary } from '../../../shared/api/export';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { TextField } from './TextField';
import { countyMessage } from './words';

/**
 * After 签名者未登记: the fingerprint comparison first, with the paper result sheet the township
 * signed; only once the person confirms it may they register the key, naming themself and why.
 */
export function RegisterSigner({
  base64,
  summary,
  changed,
  onRegistered,
}: {
  base64: string;
  summary: PackageSummary;
  changed: boolean;
  onRegistered: () => void;
}) {
  const { message } = App.useApp();
  const [compared, setCompared] = useState(false);
  const [by, setBy] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const organiser = summary.congress.organiser || summary.congress.name;

  const register = async () => {
    setProblem(null);
    const result = await api['keyring.registerSigner']({
      package: base64,
      compared: true,
      by,
      reason,
    });
    if (!result.ok) {
      setProblem(countyMessage(result.error));
      return;
    }
    message.success(`已为“${result.value.organiser}”登记指纹为 ${result.value.fingerprint} 的密钥`);
    onRegistered();
  };

  return (
    <Card
      size="small"
      title={changed ? '核对后登记新密钥' : '核对指纹后登记'}
      data-testid="register-signer"
    >
      <Typography.Paragraph>
        第一步：取出“{organiser}
        ”报送的、已签字的纸质计票结果报告单，把上面打印的公钥指纹与下面的指纹逐位核对。
      </Typography.Paragraph>
      <Typography.Paragraph>
        <code className="export-fingerprint register-fingerprint">
          {summary.signer.fingerprint}
        </code>
      </Typography.Paragraph>
      <Checkbox checked={compared} onChange={(e) => setCompared(e.target.checked)}>
        我已逐位核对，与报告单上打印的指纹完全一致
      </Checkbox>
      {compared && (
        <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
          <Typography.Paragraph>
            第二步：登记此密钥为“{organiser}”的签名密钥。
            {changed && '该单位原登记的密钥仍然有效；如原密钥已丢失或泄露，请到“密钥登记”中撤销。'}
          </Typography.Paragraph>
          <TextField label="经办人" value={by} onChange={setBy} width={200} />
          <TextField
            label="登记原因"
            value={reason}
            onChange={setReason}
            width={480}
            placeholder={
              changed
                ? '如：该镇恢复数据后原密钥丢失，新指纹已与盖章报告单核对'
                : '如：与盖章报告单上的指纹核对一致'
            }
          />
          {problem && <Alert type="error" showIcon title={problem} />}
          <Button type="primary" loading={busy} onClick={() => run(register)}>
            登记此密钥
          </Button>
        </Space>
      )}
    </Card>
  );
}
