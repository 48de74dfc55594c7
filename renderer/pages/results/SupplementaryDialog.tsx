import { Alert, App, Checkbox, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { FollowUp, RoundResults } from '../../../shared/api/results';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';

type Shortfall = Extract<FollowUp, { kind: 'shortfall' }>;

/**
 * The 另行选举 list: the engine's proposal to start from, changed only within this election's
 * unelected names and the 差额 bounds. Every change is audited by the service.
 */
export function SupplementaryDialog(props: {
  open: boolean;
  results: RoundResults;
  followUp: Shortfall;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { results, followUp: f } = props;
  const [names, setNames] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();

  useEffect(() => {
    if (props.open) setNames(f.round?.candidates ?? f.proposed);
    setProblem(null);
  }, [props.open, f.round, f.proposed]);

  const send = (confirmReprint: boolean) =>
    run(async () => {
      const done = await api['results.supplementary']({
        roundId: results.round.id,
        candidates: names.map((name) => ({ name })),
        confirmReprint,
      });
      if (done.ok) {
        props.onClose();
        await props.onDone();
        return;
      }
      if (done.error.field === 'confirmReprint') {
        modal.confirm({
          title: '另行选举的选票已经印制',
          content: done.error.message,
          okText: '确认修改，重新印制',
          cancelText: '不修改',
          onOk: () => send(true),
        });
        return;
      }
      setProblem(done.error.message);
    });

  const bound =
    f.maxCandidates === null
      ? `至少 ${f.minCandidates} 名`
      : `${f.minCandidates} 至 ${f.maxCandidates} 名`;
  return (
    <Modal
      open={props.open}
      title={`另行选举 ${f.seats} 名：确定候选人`}
      okText={f.round ? '保存名单' : '开启另行选举'}
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => send(false)}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <p>
        候选人只能从本选举事项未当选的被选举人中提名，须{bound}
        （差额要求）。默认为按得票多少提出的建议名单：
        {f.proposed.join('、')}。
      </p>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Checkbox.Group
        className="results-candidates"
        value={names}
        onChange={(value) => setNames(value)}
        options={f.eligible.map((name) => ({ value: name, label: name }))}
      />
      <p className="results-count">已选 {names.length} 名；选票上按姓氏笔画排列。</p>
    </Modal>
  );
}
