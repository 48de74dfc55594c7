import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Result } from '../../../shared/api';
import { LockoutAlert } from '../../components/LockoutAlert';
import { PinInput, pinRules } from '../../components/PinInput';
import { showApiError } from '../../components/form-errors';
import { useBusy } from '../../components/useBusy';
import { useLockout } from '../../components/useLockout';

interface Values {
  reason: string;
  pin?: string;
}

/** Asks why (and, where the law asks for the 总监票人, their PIN) before a step back is taken. */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  description: string;
  reasonLabel: string;
  withPin: boolean;
  onClose: () => void;
  onSubmit: (values: Values) => Promise<Result<unknown>>;
}) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [lockout, setLockout] = useLockout();
  const [busy, run] = useBusy();

  const close = () => {
    form.resetFields();
    setProblem(null);
    props.onClose();
  };

  const submit = (values: Values) =>
    run(async () => {
      const done = await props.onSubmit(values);
      if (done.ok) return close();
      setLockout(done.error);
      form.setFieldValue('pin', '');
      setProblem(showApiError(form, done.error));
    });

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ danger: props.withPin, loading: busy, disabled: lockout !== null }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <p>{props.description}</p>
      {lockout && <LockoutAlert lockout={lockout} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={props.reasonLabel}
          rules={[{ required: true, whitespace: true, message: `请填写${props.reasonLabel}` }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
        {props.withPin && (
          <Form.Item name="pin" label="总监票人 PIN" rules={pinRules}>
            <PinInput onPressEnter={() => form.submit()} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
