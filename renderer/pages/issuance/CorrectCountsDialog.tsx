import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { IssuanceRound } from '../../../shared/api/issuance';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useBusy } from '../../components/useBusy';
import { sendConfirmingVoid } from './confirm-void';

interface Values {
  issued: number;
  returned?: number | null;
  reason: string;
}

/**
 * 更正张数: the ballots issued or returned typed wrong, corrected by a scrutineer with the reason,
 * while the round is voting or being counted. Once entry is closed the screen says how to reopen
 * it. A correction leaving more returned than issued voids the round, asked before it is sent.
 */
export function CorrectCounts(props: { round: IssuanceRound; onDone(): Promise<void> }) {
  const { round } = props;
  const [open, setOpen] = useState(false);
  if (round.state === 'counted' || round.state === 'certified') {
    return (
      <p className="issuance-hint issuance-correct-closed">
        录入已结束，发出、收回张数不能直接更正：如有误，须先由总监票人在“计票结果”中
        {round.state === 'certified' ? '解锁重核' : '退回重新计票'}，再在此更正。
      </p>
    );
  }
  return (
    <>
      <Button className="issuance-correct" onClick={() => setOpen(true)}>
        更正张数
      </Button>
      {open && <CorrectDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function CorrectDialog(props: {
  round: IssuanceRound;
  onDone: () => Promise<void>;
  onClose: () => void;
}) {
  const { round } = props;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();
  const withReturned = round.returned !== null;

  const submit = (values: Values) =>
    run(async () => {
      const send = (confirmVoid: boolean) =>
        api['issuance.correct']({
          roundId: round.id,
          issued: values.issued,
          ...(withReturned ? { returned: values.returned ?? 0 } : {}),
          reason: values.reason,
          confirmVoid,
        });
      const result = await sendConfirmingVoid(modal, '更正后收回的选票多于发出的选票', send);
      if (!result) return;
      if (!result.ok) {
        setProblem(showApiError(form, result.error));
        return;
      }
      props.onClose();
      await props.onDone();
    });

  return (
    <Modal
      open
      title="更正发出、收回选票张数"
      okText="确认更正"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <p>只改写错的一项；更正前后的张数和原因记入审计日志。</p>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ issued: round.issued, returned: round.returned }}
      >
        <Form.Item
          name="issued"
          label="发出选票（张）"
          rules={[{ required: true, message: '请填写发出选票张数' }]}
        >
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {withReturned && (
          <Form.Item
            name="returned"
            label="收回选票（张）"
            rules={[{ required: true, message: '请填写收回选票张数' }]}
          >
            <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="更正原因"
          rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}
        >
          <Input.TextArea
            rows={2}
            maxLength={100}
            showCount
            placeholder="如：收回张数误录，经两名监票人复点为 48 张"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
