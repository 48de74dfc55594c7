import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useSetup } from '../../stores/setup';
import {
  CongressForm,
  congressInput,
  congressValues,
  type CongressFormValues,
} from './CongressForm';

/** 创建大会: the first thing a newcomer does, and later for another congress in the same file. */
export function CreateCongress({ first, onDone }: { first?: boolean; onDone?: () => void }) {
  const [form] = Form.useForm<CongressFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async (values: CongressFormValues) => {
    setBusy(true);
    const result = await api['congress.create'](congressInput(values));
    setBusy(false);
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    message.success(`已创建“${result.value.name}”，并设为当前大会`);
    await useSetup.getState().refreshAll();
    onDone?.();
  };

  return (
    <Card title={first ? '第一步：创建大会' : '新建大会'} className="setup-card">
      {first && (
        <Typography.Paragraph type="secondary">
          按组织部门的通知填写大会名称、届次、日期和选举办法；创建后即可导入代表名册、设置选举事项。
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <CongressForm
        name="congress-new"
        form={form}
        initial={congressValues(null)}
        onFinish={(values) => void submit(values)}
      />
      <Space>
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          创建大会
        </Button>
        {onDone && <Button onClick={onDone}>取消</Button>}
      </Space>
    </Card>
  );
}
