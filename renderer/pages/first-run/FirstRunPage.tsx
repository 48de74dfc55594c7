import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { GateLayout } from '../../components/GateLayout';
import { PinFields } from '../../components/PinFields';
import { useSession } from '../../stores/session';
import { useBusy } from '../../components/useBusy';

interface Fields {
  name: string;
  pin: string;
  confirm: string;
}

/** The very first start: create the administrator, who then adds everyone else. */
export function FirstRunPage() {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const submit = async ({ name, pin }: Fields) => {
    const result = await api['session.createFirstAdmin']({ name, pin });
    if (result.ok) useSession.getState().signedIn(result.value);
    else setProblem(showApiError(form, result.error));
  };

  return (
    <GateLayout>
      <Typography.Title level={2}>首次使用：设置管理员</Typography.Title>
      <Typography.Paragraph type="secondary">
        管理员负责会前准备和人员管理（添加计票人、监票人、总监票人）。PIN 为 4 至 8 位数字，请牢记；
        忘记时只能由另一位管理员重设。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(fields) => run(() => submit(fields))}
        requiredMark={false}
      >
        <Form.Item
          name="name"
          label="管理员姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 40, message: '姓名不能超过 40 个字' },
          ]}
        >
          <Input autoFocus autoComplete="off" placeholder="例如：王建国" />
        </Form.Item>
        <PinFields name="pin" label="PIN" confirmLabel="再次输入 PIN" />
        <Button type="primary" htmlType="submit" block loading={busy}>
          创建管理员并登录
        </Button>
      </Form>
      {/* The county office checks packages without people or a congress of its own. */}
      <Button type="link" href="#/verify" style={{ paddingLeft: 0, marginTop: 12 }}>
        核验上报的结果包（无需登录）
      </Button>
    </GateLayout>
  );
}
