import { App, Button, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api';
import { useBusy } from '../../../components/useBusy';
import './new-box-form.css';

export function NewBoxForm({
  roundId,
  count,
  onAdded,
}: {
  roundId: number;
  count: number;
  onAdded: () => void;
}) {
  const [form] = Form.useForm<{ label: string; expected: number | null }>();
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  useEffect(
    () => form.setFieldsValue({ label: `${count + 1}号箱`, expected: null }),
    [count, form],
  );
  const add = (values: { label: string; expected: number | null }) =>
    run(async () => {
      const result = await api['entry.createBox']({
        roundId,
        label: values.label,
        expected: values.expected ?? -1,
      });
      if (!result.ok) {
        form.setFields([
          {
            name: result.error.field === 'label' ? 'label' : 'expected',
            errors: [result.error.message],
          },
        ]);
        return;
      }
      message.success(`已添加票箱“${result.value.label}”（${result.value.expected} 张）`);
      onAdded();
    });
  return (
    <Form form={form} layout="inline" className="new-box-form" onFinish={add} aria-label="添加票箱">
      <Form.Item
        name="label"
        label="票箱名称"
        rules={[{ required: true, message: '请填写票箱名称' }]}
      >
        <Input maxLength={40} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="expected"
        label="清点张数"
        rules={[{ required: true, message: '请填写当场清点的张数' }]}
      >
        <InputNumber min={0} max={100000} precision={0} style={{ width: 120 }} addonAfter="张" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        添加票箱
      </Button>
    </Form>
  );
}
