import { Alert, Button, Input, Modal, Space, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { CheckinDelegate, CheckinOutcome } from '../../../shared/api/checkin';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { clock } from '../../../shared/strings/time';
import { unitOf } from './words';

const commonReasons = ['误点了他人', '代表证扫错', '代表离会'];

const said = { present: '报到', leave: '请假', absent: '缺席' } as const;

/** Takes back a mark with the reason the audit log keeps. */
export function UndoDialog(props: {
  delegate: CheckinDelegate | null;
  onClose: () => void;
  onDone: (outcome: CheckinOutcome) => void;
  afterClose: () => void;
}) {
  const { delegate } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const field = useRef<InputRef>(null);

  const submit = () =>
    run(async () => {
      if (!delegate) return;
      const result = await api['checkin.undo']({ delegateId: delegate.id, reason });
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      props.onDone(result.value);
    });

  const mark = delegate?.attendance;
  return (
    <Modal
      open={delegate !== null}
      title={delegate ? `撤销 ${delegate.name} 的${mark ? said[mark.status] : '登记'}` : ''}
      okText="撤销"
      okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy }}
      cancelText="不撤销"
      onOk={submit}
      onCancel={props.onClose}
      // Once the dialog has opened, the reason field has the focus, whatever the animation did.
      afterOpenChange={(open) => {
        if (open) field.current?.focus();
      }}
      afterClose={() => {
        setReason('');
        setProblem(null);
        props.afterClose();
      }}
      destroyOnHidden
    >
      {delegate && mark && (
        <p>
          {delegate.name}（{unitOf(delegate)}，代表证号 {delegate.cardNo}）于 {clock(mark.at)}{' '}
          {said[mark.status]}。撤销后回到“未报到”，原因记入审计日志。
        </p>
      )}
      <label htmlFor="undo-reason">撤销原因</label>
      <Input
        id="undo-reason"
        ref={field}
        autoFocus
        maxLength={100}
        value={reason}
        placeholder="必填，如：误点了他人"
        onChange={(event) => setReason(event.target.value)}
        onPressEnter={() => {
          if (reason.trim() !== '') submit();
        }}
        style={{ marginTop: 6 }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {commonReasons.map((text) => (
          <Button key={text} size="small" type="dashed" onClick={() => setReason(text)}>
            {text}
          </Button>
        ))}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
