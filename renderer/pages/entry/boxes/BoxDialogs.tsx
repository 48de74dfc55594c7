import { App, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/api';
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
export function SendBackDialog(props: DialogProps) {
  const first = props.box?.passes.find((p) => p.pass === 1);
  const teller = first?.tellerName ?? '第一遍的计票人';
  return (
    <ReasonDialog
      {...props}
      action="退回"
      title={(box) => `退回票箱“${box.label}”更正`}
      explanation={`第一遍由 ${first?.tellerName ?? '—'} 重新打开，作废有误的选票后按原票重新录入；第二遍（如已开始）暂停，待第一遍完成后继续。`}
      placeholder="退回原因，如：第 12 张录错"
      send={(boxId, reason) => api['entry.sendBack']({ boxId, reason })}
      done={(box) => `票箱“${box.label}”已退回 ${teller} 更正`}
    />
  );
}

/**
 * 重开已核对的票箱 (总监票人): a recount found the box miscounted. Both passes reopen for their
 * tellers; the box stops counting, and a round whose entry was closed goes back to counting.
 */
export function ReopenDialog(props: DialogProps) {
  return (
    <ReasonDialog
      {...props}
      action="重开"
      okText="确认重开"
      title={(box) => `重开已核对的票箱“${box.label}”`}
      explanation="重新清点发现本箱有误时使用：两遍录入都重新打开，由原计票人各自作废有误的选票并按原票重新录入，完成后两遍重新比对、核对。重开后本箱不计入结果；如本轮已结束录入，本轮回到“计票中”。重开和原因记入审计日志。"
      placeholder="重开原因，如：复点发现第 12 张录错"
      send={(boxId, reason) => api['entry.reopenBox']({ boxId, reason })}
      done={(box) => `票箱“${box.label}”已重开，请两位计票人分别更正`}
    />
  );
}

function ReasonDialog({
  box,
  onClose,
  onDone,
  ...words
}: DialogProps & {
  action: string;
  /** The button; the action itself unless given (antd spaces out a two-character label). */
  okText?: string;
  title: (box: BoxRecord) => string;
  explanation: string;
  placeholder: string;
  send: (boxId: number, reason: string) => Promise<Result<unknown>>;
  done: (box: BoxRecord) => string;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [box]);
  const save = () =>
    run(async () => {
      if (!box) return;
      const result = await words.send(box.id, reason);
      if (!result.ok) return setProblem(result.error.message);
      message.success(words.done(box));
      onDone();
    });
  return (
    <Modal
      open={box !== null}
      title={box ? words.title(box) : ''}
      okText={words.okText ?? words.action}
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>{words.explanation}</p>
      <Input
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={save}
        maxLength={100}
        placeholder={words.placeholder}
        aria-label={`${words.action}原因`}
        status={problem ? 'error' : undefined}
      />
      {problem && (
        <div className="dialog-problem" role="alert">
          {problem}
        </div>
      )}
    </Modal>
  );
}
