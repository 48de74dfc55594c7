import { Alert, Button, Form, Select, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SignInPerson } from '../../../shared/api/session';
import { roleLabels } from '../../../shared/strings/roles';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { GateLayout } from '../../components/GateLayout';
import { LockoutAlert } from '../../components/LockoutAlert';
import { PinField } from '../../components/PinFields';
import { useLockout } from '../../components/useLockout';
import { useSession } from '../../stores/session';
import { useBusy } from '../../components/useBusy';
import { askPeople, earlyPeople } from './people';

interface Fields {
  personId: number;
  pin: string;
}

/** Pick yourself from the list, type your PIN, Enter. */
export function SignInPage() {
  const [form] = Form.useForm<Fields>();
  const [people, setPeople] = useState<SignInPerson[] | null>(earlyPeople);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const [lockout, setLockout] = useLockout();
  const pinRef = useRef<InputRef>(null);

  useEffect(() => {
    void askPeople().then((result) => {
      if (result.ok) setPeople(result.value);
      else setProblem(result.error.message);
    });
  }, []);

  const submit = async ({ personId, pin }: Fields) => {
    setProblem(null);
    const result = await api['session.signIn']({ personId, pin });
    if (result.ok) {
      useSession.getState().signedIn(result.value);
      return;
    }
    form.setFieldValue('pin', '');
    setLockout(result.error);
    if (result.error.code !== 'locked-out') setProblem(showApiError(form, result.error));
    pinRef.current?.focus();
  };

  return (
    <GateLayout>
      <Typography.Title level={2}>登录</Typography.Title>
      <Typography.Paragraph type="secondary">请选择您的姓名并输入本人 PIN。</Typography.Paragraph>
      {lockout && <LockoutAlert lockout={lockout} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={(fields) => run(() => submit(fields))}
        requiredMark={false}
      >
        <Form.Item
          name="personId"
          label="姓名"
          rules={[{ required: true, message: '请选择您的姓名' }]}
        >
          <Select
            autoFocus
            showSearch={{ optionFilterProp: 'name' }}
            placeholder="输入姓名查找，或用 ↑↓ 选择"
            loading={people === null}
            onChange={() => {
              setLockout(null);
              pinRef.current?.focus();
            }}
            options={(people ?? []).map((person) => ({
              value: person.id,
              name: person.name,
              label: `${person.name}（${roleLabels[person.role]}）`,
            }))}
          />
        </Form.Item>
        <PinField name="pin" label="PIN" inputRef={pinRef} />
        <Button type="primary" htmlType="submit" block loading={busy} disabled={lockout !== null}>
          登录
        </Button>
      </Form>
      {/* The county office checks packages without people or a congress of its own. */}
      <Button type="link" href="#/verify" style={{ paddingLeft: 0, marginTop: 12 }}>
        核验上报的结果包（无需登录）
      </Button>
    </GateLayout>
  );
}
