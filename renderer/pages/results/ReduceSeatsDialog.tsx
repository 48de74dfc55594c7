import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { RoundResults } from '../../../shared/api/results';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useBusy } from '../../components/useBusy';

interface Values {
  seatsAfter: number;
  decidedBy: string;
  reason: string;
}

/** The chair's decision to reduce the seats instead of a 另行选举: who decided, and why. */
export function ReduceSeatsDialog(props: {
  open: boolean;
  results: RoundResults;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { results } = props;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const elected = results.elected.length;

  const submit = (values: Values) =>
    run(async () => {
      const done = await api['results.reduceSeats']({ roundId: results.round.id, ...values });
      if (!done.ok) return setProblem(showApiError(form, done.error));
      props.onClose();
      await props.onDone();
    });

  return (
    <Modal
      open={props.open}
      title="记录减少名额的决定"
      okText="记录决定"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <p>
        当选人数接近应选名额时，经大会主席团决定（或过半数选举人同意），可以不再另行选举而减少名额。本轮应选{' '}
        {results.round.seats} 名，已当选 {elected} 名。
      </p>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ seatsAfter: elected, decidedBy: '大会主席团', reason: '' }}
      >
        <Form.Item
          name="seatsAfter"
          label="减少后的名额"
          rules={[{ required: true, message: '请填写名额' }]}
        >
          <InputNumber min={elected} max={results.round.seats - 1} precision={0} addonAfter="名" />
        </Form.Item>
        <Form.Item
          name="decidedBy"
          label="决定机构"
          rules={[{ required: true, whitespace: true, message: '请填写决定机构' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="决定理由"
          rules={[{ required: true, whitespace: true, message: '请填写决定理由' }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
