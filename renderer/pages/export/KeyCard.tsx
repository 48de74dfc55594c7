import { App, Button, Card, Select, Space, Typography } from 'antd';
import type { SigningKeyInfo } from '../../../shared/api/export';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { downloadBase64 } from '../setup/files';

const choices = [
  { value: 'ed25519', label: 'Ed25519（默认）' },
  { value: 'sm2-sm3', label: 'SM2/SM3（国密）' },
] as const;

/**
 * The installation's signing key: its fingerprint (printed on every result sheet after an export,
 * and registered by the county office), the public key file to give them, and the scheme.
 */
export function KeyCard({
  signingKey,
  canChoose,
  onChanged,
}: {
  signingKey: SigningKeyInfo;
  canChoose: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, run] = useBusy();

  const download = async () => {
    const result = await api['export.publicKey']({});
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(result.value.content)));
    downloadBase64(base64, result.value.fileName, 'application/json');
  };

  const choose = async (algorithm: SigningKeyInfo['algorithm']) => {
    const result = await api['export.setAlgorithm']({ algorithm });
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    message.success(`此后的结果包用 ${result.value.algorithmLabel} 签名`);
    onChanged();
  };

  return (
    <Card size="small" title="本机签名密钥" className="export-key">
      <Typography.Paragraph>
        签名算法：{signingKey.algorithmLabel}
        <br />
        公钥指纹：
        <code className="export-fingerprint" data-testid="key-fingerprint">
          {signingKey.fingerprint}
        </code>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        导出后打印的计票结果报告单上印有此指纹。请把公钥文件交上级组织部门登记，核验时用它确认结果包出自本机。
        {canChoose && '更换签名算法即换用另一把密钥、另一个指纹，须把新的公钥文件交上级重新登记。'}
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => run(download)} loading={busy}>
          下载公钥文件
        </Button>
        {canChoose && (
          <Select
            aria-label="签名算法"
            value={signingKey.algorithm}
            options={[...choices]}
            style={{ width: 200 }}
            onChange={(algorithm) => run(() => choose(algorithm))}
          />
        )}
      </Space>
    </Card>
  );
}
