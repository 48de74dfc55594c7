import { Alert, Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ExportStatus, LatestExport } from '../../../shared/api/export';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useBusy } from '../../components/useBusy';
import { useAppStatus } from '../../stores/app-status';
import { useSession } from '../../stores/session';
import { KeyCard } from './KeyCard';
import { size, when } from './words';

interface Fields {
  folder: string;
}

/** 导出结果包: what goes in, the key it is signed with, and where it goes. */
export function ExportPanel() {
  const congressId = useAppStatus((s) => s.status?.congress?.id);
  const role = useSession((s) => s.session?.role);
  const canExport = inGroup(roleGroups.scrutineers, role);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<LatestExport | null>(null);
  const [form] = Form.useForm<Fields>();
  const [busy, run] = useBusy();

  const refresh = useCallback(async () => {
    const result = await api['export.status'](congressId === undefined ? {} : { congressId });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setStatus(result.value);
    setProblem(null);
    if (!form.getFieldValue('folder') && result.value.folder) {
      form.setFieldValue('folder', result.value.folder);
    }
  }, [congressId, form]);

  useEffect(() => void refresh(), [refresh]);

  const submit = async ({ folder }: Fields) => {
    if (!status?.congress) return;
    setDone(null);
    setProblem(null);
    const result = await api['export.package']({ congressId: status.congress.id, folder });
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    setDone(result.value);
    await refresh();
  };

  if (!status) return problem ? <Alert type="error" showIcon title={problem} /> : null;
  const exported = status.rounds.filter((r) => r.exported).length;
  return (
    <div className="export-panel">
      <KeyCard
        signingKey={status.key}
        canChoose={inGroup(roleGroups.keyHolders, role)}
        onChanged={() => void refresh()}
      />
      {!status.congress && (
        <Alert type="warning" showIcon title="尚未创建大会，没有可以导出的结果" />
      )}
      {status.congress && (
        <Card size="small" title={`结果包内容：${status.congress.name}`}>
          <Typography.Paragraph>
            结果包只收入经总监票人签核的轮次（共 {exported}{' '}
            个）；其余轮次列在结果包中，并注明未收入的原因。
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="roundId"
            dataSource={status.rounds}
            columns={[
              { title: '选举事项', dataIndex: 'election' },
              { title: '轮次', dataIndex: 'label' },
              {
                title: '是否收入结果包',
                render: (_v, r) =>
                  r.exported ? <Tag color="green">收入</Tag> : <Tag>不收入：{r.reason}</Tag>,
              },
            ]}
          />
        </Card>
      )}
      {status.latest && <LatestCard latest={status.latest} newSince={status.newSinceLatest} />}
      {problem && <Alert type="error" showIcon title={problem} />}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="export-done"
          title={`结果包已写入 ${done.file}`}
          description={`摘要 ${done.digestShort}，签名公钥指纹 ${done.fingerprint}。此后打印的计票结果报告单印有此摘要与指纹。`}
        />
      )}
      {status.congress && canExport && (
        <Card size="small" title="导出">
          <Form
            form={form}
            name="export"
            layout="inline"
            onFinish={(fields) => run(() => submit(fields))}
          >
            <Form.Item
              name="folder"
              label="保存到文件夹"
              rules={[{ required: true, message: '请填写保存结果包的文件夹（如 U 盘）' }]}
            >
              <Input style={{ width: 420 }} placeholder="如 E:\报送 或 /media/U盘" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={exported === 0}>
              导出结果包
            </Button>
          </Form>
        </Card>
      )}
      {status.congress && !canExport && (
        <Alert type="info" showIcon title="结果包由监票人或总监票人导出" />
      )}
    </div>
  );
}

function LatestCard({ latest, newSince }: { latest: LatestExport; newSince: number }) {
  return (
    <Card size="small" title="最近一次导出">
      {newSince > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${newSince} 个轮次在这次导出之后签核（或重新签核），不在这个结果包中：请重新导出。`}
        />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="时间">
          {when(latest.createdAt)}（{latest.by}）
        </Descriptions.Item>
        <Descriptions.Item label="文件">
          {latest.file}（{size(latest.size)}）
        </Descriptions.Item>
        <Descriptions.Item label={latest.digestAlgorithm === 'sm3' ? 'SM3 摘要' : 'SHA-256 摘要'}>
          <code data-testid="latest-digest">{latest.digestShort}</code>
        </Descriptions.Item>
        <Descriptions.Item label="签名公钥指纹">
          <code>{latest.fingerprint}</code>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
