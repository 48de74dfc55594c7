import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { roleLabels } from '../../../shared/strings/roles';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { GateLayout } from '../../components/GateLayout';
import { LockoutAlert } from '../../components/LockoutAlert';
import { PinField } from '../../components/PinFields';
import { useLockout } from '../../components/useLockout';
import { useSession } from '../../stores/session';
import { useBusy } from '../../components/useBusy';

/** The screen after the idle time or Alt+L: only the same person's PIN opens it again. */
export function LockScreen() {
  const session = useSession((s) => s.session);
  const [form] = Form.useForm<{ pin: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const [lockout, setLockout] = useLockout();

  const submit = async ({ pin }: { pin: string }) => {
    setProblem(null);
    const result = await api['session.unlock']({ pin });
    if (result.ok) {
      useSession.getState().unlocked(result.value);
      return;
    }
    form.setFieldValue('pin', '');
    setLockout(result.error);
    if (result.error.code !== 'locked-out') setProblem(showApiError(form, result.error));
  };

  return (
    <GateLayout>
      <Typography.Title level={2}>屏幕已锁定</Typography.Title>
      <Typography.Paragraph type="secondary">
        {session ? `${session.name}（${roleLabels[session.role]}）：` : ''}
        请输入本人 PIN 继续，未保存的输入仍在。
      </Typography.Paragraph>
      {lockout && <LockoutAlert lockout={lockout} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(fields) => run(() => submit(fields))}
        requiredMark={false}
      >
        <PinField name="pin" label="PIN" autoFocus />
        <Button type="primary" htmlType="submit" block loading={busy} disabled={lockout !== null}>
          解锁
        </Button>
      </Form>
      <Button
        type="link"
        style={{ marginTop: 16, paddingInline: 0 }}
        onClick={() => void useSession.getState().signOut()}
      >
        退出登录，换其他人员登录
      </Button>
    </GateLayout>
  );
}
