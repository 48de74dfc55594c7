import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { BackupKeysStatus } from '../../../shared/api/backup';
import { passphraseMaxLength, passphraseMinLength } from '../../../shared/export/backup-passphrase';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { PinInput, pinRules } from '../../components/PinInput';
import { useBusy } from '../../components/useBusy';
import { when } from './words';

interface Fields {
  passphrase: string;
  confirm: string;
  pin: string;
}

/**
 * 备份口令: the 总监票人 sets (or changes) the passphrase that seals the signing key inside every
 * backup, so that a lost laptop does not take the registered fingerprint with it.
 */
export function PassphraseCard({
  status,
  canSet,
  onChanged,
}: {
  status: BackupKeysStatus;
  canSet: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { sealed, uncovered } = status;

  const save = async (fields: Fields) => {
    const result = await api['backup.setPassphrase'](fields);
    form.setFieldValue('pin', '');
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    setProblem(null);
    form.resetFields();
    message.success(sealed ? '已更改备份口令' : '已设置备份口令：此后的备份带有加密的签名密钥');
    onChanged();
  };

  return (
    <Card size="small" title="签名密钥的备份口令">
      {sealed ? (
        <Typography.Paragraph data-testid="passphrase-set">
          {`已于 ${when(sealed.setAt)} 由${sealed.setBy}设置。`}
          {`此后的每份备份都带有用此口令加密的签名密钥（指纹 ${sealed.keys.map((k) => k.fingerprint).join('、')}）；`}
          笔记本丢失时，在另一台电脑上用此口令从备份恢复，上级登记的指纹保持不变。
        </Typography.Paragraph>
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚未设置备份口令：备份中不含签名密钥。笔记本丢失后，换用的电脑只能使用新的签名密钥，须把新的公钥交上级重新登记。"
        />
      )}
      {uncovered.length > 0 && sealed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`备份中还没有本机的签名密钥（指纹 ${uncovered.join('、')}）：它是设置口令之后才有的，或这份数据是从另一台电脑恢复来的。请重新设置一次口令。`}
        />
      )}
      <Typography.Paragraph type="secondary">
        {`口令至少 ${passphraseMinLength} 个字符，`}
        本程序不保存口令本身，忘记后无法找回。请把口令另行妥善保管（不要与备份 U 盘放在一起）。
        {!canSet && '只有总监票人可以设置或更改口令。'}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {canSet && (
        <Form
          form={form}
          name="passphrase"
          layout="vertical"
          style={{ maxWidth: 420 }}
          onFinish={(fields) => run(() => save(fields))}
        >
          <Form.Item
            name="passphrase"
            label={sealed ? '新的备份口令' : '备份口令'}
            rules={[
              { required: true, message: '请输入备份口令' },
              { min: passphraseMinLength, message: `口令至少 ${passphraseMinLength} 个字符` },
              { max: passphraseMaxLength, message: `口令不能超过 ${passphraseMaxLength} 个字符` },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入口令"
            dependencies={['passphrase']}
            rules={[
              { required: true, message: '请再次输入口令' },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('passphrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的口令不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="pin" label="您的 PIN" rules={pinRules}>
            <PinInput />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {sealed ? '更改口令' : '设置口令'}
          </Button>
        </Form>
      )}
    </Card>
  );
}
