import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { PersonRecord } from '../../../shared/api/people';
import type { Role } from '../../../shared/domain/roles';
import { roleLabels } from '../../../shared/strings/roles';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { PinFields } from '../../components/PinFields';
import { useBusy } from '../../components/useBusy';

interface Fields {
  name: string;
  role: Role;
  pin: string;
  confirm: string;
}

const roleOptions = (Object.keys(roleLabels) as Role[]).map((role) => ({
  value: role,
  label: roleLabels[role],
}));

export function AddPersonDialog(props: {
  open: boolean;
  onClose: () => void;
  onAdded: (person: PersonRecord) => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const submit = async ({ name, role, pin }: Fields) => {
    const result = await api['people.add']({ name, role, pin });
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    form.resetFields();
    setProblem(null);
    props.onAdded(result.value);
  };

  return (
    <Modal
      title="添加人员"
      open={props.open}
      okText="添加"
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
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 40, message: '姓名不能超过 40 个字' },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} placeholder="计票人、监票人、总监票人或管理员" />
        </Form.Item>
        <PinFields
          name="pin"
          label="初始 PIN"
          confirmLabel="再次输入 PIN"
          extra="请当面告知本人，本人可登录后自行修改。"
        />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
