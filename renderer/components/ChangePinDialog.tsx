import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { showApiError } from './form-errors';
import { PinField, PinFields } from './PinFields';
import { useBusy } from './useBusy';

interface Fields {
  currentPin: string;
  newPin: string;
  confirm: string;
}

/** Anyone signed in changes their own PIN, e.g. after the administrator set a first one. */
export function ChangePinDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const submit = async ({ currentPin, newPin }: Fields) => {
    const result = await api['session.changePin']({ currentPin, newPin });
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    form.resetFields();
    setProblem(null);
    props.onDone();
  };

  return (
    <Modal
      title="修改我的 PIN"
      open={props.open}
      okText="修改"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(fields) => run(() => submit(fields))}
        requiredMark={false}
      >
        <PinField name="currentPin" label="当前 PIN" autoFocus />
        <PinFields name="newPin" label="新 PIN" confirmLabel="再次输入新 PIN" />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
