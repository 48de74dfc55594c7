import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { PersonRecord } from '../../../shared/api/people';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { PinFields } from '../../components/PinFields';
import { useBusy } from '../../components/useBusy';

interface Fields {
  pin: string;
  confirm: string;
}

/** For someone who forgot their PIN or is locked out: a new PIN, and the pause is lifted. */
export function ResetPinDialog(props: {
  person: PersonRecord | null;
  onClose: () => void;
  onDone: (person: PersonRecord) => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const person = props.person;

  const submit = async ({ pin }: Fields) => {
    if (!person) return;
    const result = await api['people.resetPin']({ personId: person.id, pin });
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    form.resetFields();
    setProblem(null);
    props.onDone(result.value);
  };

  return (
    <Modal
      title={person ? `为 ${person.name} 重设 PIN` : ''}
      open={person !== null}
      okText="重设"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        新 PIN 立即生效，输错造成的暂停登录同时解除。请当面告知本人。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(fields) => run(() => submit(fields))}
        requiredMark={false}
      >
        <PinFields name="pin" label="新 PIN" confirmLabel="再次输入新 PIN" autoFocus />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
