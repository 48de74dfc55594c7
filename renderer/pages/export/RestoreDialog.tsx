import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/api/backup';
import { passphraseMaxLength } from '../../../shared/export/backup-passphrase';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { PinInput, pinRules } from '../../components/PinInput';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { when } from './words';

interface Fields {
  pin: string;
  passphrase?: string;
}

/**
 * Restoring replaces the whole database with the backup: everything done since it was taken is
 * gone from the live file (the replaced database is kept beside it). The PIN is asked again, and
 * afterwards everyone signs in anew. A backup that carries the signing key asks for the backup
 * passphrase too; without it only the data comes back, and the dialog says what that means.
 */
export function RestoreDialog({
  backup,
  onClose,
}: {
  backup: BackupInfo | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();
  const carriesKey = (backup?.signingKeys.length ?? 0) > 0;

  const restore = async ({ pin, passphrase }: Fields) => {
    if (!backup) return;
    const given = passphrase ? passphrase : undefined;
    if (carriesKey && given === undefined && !(await withoutKey(backup))) return;
    const result = await api['backup.restore']({ file: backup.file, pin, passphrase: given });
    if (!result.ok) {
      form.setFieldValue(result.error.field === 'passphrase' ? 'passphrase' : 'pin', '');
      setProblem(showApiError(form, result.error));
      return;
    }
    onClose();
    const { backupCreatedAt, keptAs, signingKey } = result.value;
    const restored = signingKey.state !== 'not-restored';
    modal[restored ? 'success' : 'warning']({
      title: restored ? '已恢复' : '数据已恢复，签名密钥没有恢复',
      width: 560,
      content: (
        <div data-testid="restore-done">
          <p>
            已从 {when(backupCreatedAt)} 的备份恢复。原数据库保留为 {keptAs}。
          </p>
          <p data-testid="restore-key">{signingKey.message}</p>
          <p>请重新登录。</p>
        </div>
      ),
      onOk: () => void useSession.getState().refresh(),
    });
  };

  const withoutKey = (b: BackupInfo) =>
    modal.confirm({
      title: '不输入口令，只恢复数据？',
      width: 560,
      content: `这份备份带有加密的签名密钥（指纹 ${b.signingKeys.join('、')}）。不输入备份口令，签名密钥就不会恢复：此后从本机导出的结果包将带有新的指纹，须把新的公钥文件交上级组织部门重新登记。`,
      okText: '只恢复数据',
      cancelText: '返回输入口令',
    });

  return (
    <Modal
      open={backup !== null}
      title="从备份恢复"
      okText="校验并恢复"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {backup && (
        <Typography.Paragraph>
          将用 {when(backup.createdAt)} 的备份（{backup.name}，审计记录 {backup.auditRows}{' '}
          条）替换当前数据库。此后录入、签核的一切都将不在恢复后的数据库中；当前数据库会改名保留，不会删除。恢复前先校验备份，校验不通过则不做任何改动。
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(fields) => run(() => restore(fields))}>
        <Form.Item name="pin" label="请输入您的 PIN 确认" rules={pinRules}>
          <PinInput autoFocus />
        </Form.Item>
        {backup &&
          (carriesKey ? (
            <Form.Item
              name="passphrase"
              label="备份口令（恢复签名密钥）"
              extra="输入总监票人设置的备份口令，本机将使用原来的签名密钥，上级登记的指纹不变。"
              rules={[
                { max: passphraseMaxLength, message: `口令不能超过 ${passphraseMaxLength} 个字符` },
              ]}
            >
              <Input.Password autoComplete="off" />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">
              这份备份不含签名密钥（制作时尚未设置备份口令），只能恢复数据。
            </Typography.Paragraph>
          ))}
      </Form>
    </Modal>
  );
}
