import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { BackupInfo } from '../../../shared/api/backup';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { PinInput, pinRules } from '../../components/PinInput';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { when } from './words';

/**
 * Restoring replaces the whole database with the backup: everything done since it was taken is
 * gone from the live file (the replaced database is kept beside it). The PIN is asked again, and
 * afterwards everyone signs in anew.
 */
export function RestoreDialog({
  backup,
  onClose,
}: {
  backup: BackupInfo | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ pin: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();

  const restore = async ({ pin }: { pin: string }) => {
    if (!backup) return;
    const result = await api['backup.restore']({ file: backup.file, pin });
    if (!result.ok) {
      form.setFieldValue('pin', '');
      setProblem(showApiError(form, result.error));
      return;
    }
    onClose();
    modal.success({
      title: '已恢复',
      content: `已从 ${when(result.value.backupCreatedAt)} 的备份恢复。原数据库保留为 ${result.value.keptAs}。请重新登录。`,
      onOk: () => void useSession.getState().refresh(),
    });
  };

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
      </Form>
    </Modal>
  );
}
