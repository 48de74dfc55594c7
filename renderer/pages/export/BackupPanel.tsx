import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupConfig, BackupInfo, BackupStatus } from '../../../shared/api/backup';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { PassphraseCard } from './PassphraseCard';
import { RestoreDialog } from './RestoreDialog';
import { backupReasonLabels, size, when } from './words';

/** 备份与恢复: where and how often, a backup now, and the backups there are to restore. */
export function BackupPanel() {
  const role = useSession((s) => s.session?.role);
  const canConfigure = inGroup(roleGroups.keyHolders, role);
  const canBackUp = role !== 'teller';
  const { message } = App.useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [form] = Form.useForm<BackupConfig & { folder: string }>();
  const [busy, run] = useBusy();

  const refresh = useCallback(async () => {
    const result = await api['backup.status']({});
    if (result.ok) setStatus(result.value);
    else setProblem(result.error.message);
  }, []);

  useEffect(() => void refresh(), [refresh]);

  const save = async (fields: BackupConfig) => {
    const folder = fields.folder?.trim() ? fields.folder.trim() : null;
    const result = await api['backup.configure']({ ...fields, folder });
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    setProblem(null);
    setStatus(result.value);
    message.success(
      folder ? `已设置：每 ${fields.intervalMinutes} 分钟备份到 ${folder}` : '已关闭自动备份',
    );
  };

  const backUpNow = async () => {
    const result = await api['backup.now']({});
    if (result.ok) message.success(`已备份到 ${result.value.file}`);
    else setProblem(result.error.message);
    await refresh();
  };

  if (!status) return problem ? <Alert type="error" showIcon title={problem} /> : null;
  return (
    <div className="export-panel">
      <Card size="small" title="备份设置">
        <Form
          form={form}
          name="backup"
          layout="inline"
          initialValues={{ ...status.config, folder: status.config.folder ?? '' }}
          disabled={!canConfigure}
          onFinish={(fields) => run(() => save(fields))}
        >
          <Form.Item name="folder" label="备份文件夹">
            <Input style={{ width: 360 }} placeholder="建议用 U 盘，如 E:\备份；留空则不自动备份" />
          </Form.Item>
          <Form.Item name="intervalMinutes" label="每隔">
            <InputNumber min={5} max={240} precision={0} suffix="分钟" />
          </Form.Item>
          <Form.Item name="keep" label="保留">
            <InputNumber min={1} max={200} precision={0} suffix="份" />
          </Form.Item>
          {canConfigure && (
            <Button htmlType="submit" loading={busy}>
              保存设置
            </Button>
          )}
        </Form>
        <p className="export-note">
          设置文件夹后，程序运行期间每隔设定的时间（有新的改动时）自动备份一次，每轮结果签核后也立即备份一次。数据库：
          {status.database}
        </p>
        <Space>
          {canBackUp && (
            <Button
              type="primary"
              onClick={() => run(backUpNow)}
              loading={busy}
              disabled={!status.config.folder}
            >
              立即备份
            </Button>
          )}
          {status.last && (
            <Tag color={status.last.ok ? 'green' : 'red'}>
              {when(status.last.at)} {status.last.message}
            </Tag>
          )}
        </Space>
      </Card>
      <PassphraseCard
        status={status.signingKeys}
        canSet={inGroup(roleGroups.chief, role)}
        onChanged={() => void refresh()}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      {status.folderProblem && <Alert type="warning" showIcon title={status.folderProblem} />}
      <Card size="small" title="备份文件">
        <Table
          size="small"
          rowKey="file"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={status.backups}
          locale={{ emptyText: status.config.folder ? '文件夹中还没有备份' : '尚未设置备份文件夹' }}
          columns={[
            { title: '时间', render: (_v, b) => when(b.createdAt) },
            { title: '方式', render: (_v, b) => backupReasonLabels[b.reason] },
            {
              title: '来源',
              render: (_v, b) => (b.ours ? '本机' : <Tag color="orange">其他电脑</Tag>),
            },
            { title: '审计记录', render: (_v, b) => `${b.auditRows} 条` },
            { title: '大小', render: (_v, b) => size(b.size) },
            {
              title: '签名密钥',
              render: (_v, b) => (b.signingKeys.length > 0 ? '含（已加密）' : '不含'),
            },
            { title: '文件', dataIndex: 'name' },
            {
              title: '',
              render: (_v, b) =>
                canConfigure && (
                  <Button size="small" danger onClick={() => setRestoring(b)}>
                    恢复
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
