import { App, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { BoxRecord } from '../../../../shared/api/entry';
import { api } from '../../../api';
import { useBusy } from '../../../components/useBusy';
import './box-dialogs.css';

interface DialogProps {
  box: BoxRecord | null;
  onClose: () => void;
  onDone: () => void;
}

/** 更正清点张数: the hand count of a box whose first pass is still open. */
export function ExpectedDialog({ box, onClose, onDone }: DialogProps) {
  const [expected, setExpected] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  useEffect(() => {
    setExpected(box?.expected ?? null);
    setProblem(null);
  }, [box]);
  const save = () =>
    run(async () => {
      if (!box || expected === null) return;
      const result = await api['entry.setExpected']({ boxId: box.id, expected });
      if (!result.ok) return setProblem(result.error.message);
      message.success(`票箱“${box.label}”的清点张数已改为 ${expected} 张`);
      onDone();
    });
  return (
    <Modal
      open={box !== null}
      title={box ? `更正票箱“${box.label}”的清点张数` : ''}
      okText="保存"
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>清点张数是监票人当场点数的张数；录入满这个数才能完成本箱。</p>
      <InputNumber
        autoFocus
        min={0}
        max={100000}
        precision={0}
        value={expected}
        onChange={(v) => setExpected(v)}
        onPressEnter={save}
        addonAfter="张"
        aria-label="清点张数"
        status={problem ? 'error' : undefined}
      />
      {problem && <div className="dialog-problem">{problem}</div>}
    </Modal>
  );
}

/** 退回更正: the first pass goes back to its teller, before the comparison. */
export function SendBackDialog({ box, onClose, onDone }: DialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [box]);
  const first = box?.passes.find((p) => p.pass === 1);
  const save = () =>
    run(async () => {
      if (!box) return;
      const result = await api['entry.sendBack']({ boxId: box.id, reason });
      if (!result.ok) return setProblem(result.error.message);
      message.success(`票箱“${box.label}”已退回 ${first?.tellerName ?? '第一遍的计票人'} 更正`);
      onDone();
    });
  return (
    <Modal
      open={box !== null}
      title={box ? `退回票箱“${box.label}”更正` : ''}
      okText="退回"
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>
        第一遍由 {first?.tellerName ?? '—'}{' '}
        重新打开，作废有误的选票后按原票重新录入；第二遍（如已开始）暂停，待第一遍完成后继续。
      </p>
      <Input
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={save}
        maxLength={100}
        placeholder="退回原因，如：第 12 张录错"
        aria-label="退回原因"
        status={problem ? 'error' : undefined}
      />
      {problem && <div className="dialog-problem">{problem}</div>}
    </Modal>
  );
}
