import { Alert, App, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import type { EligibilityRecord, RoundResults } from '../../../shared/api/results';
import { inGroup, roleGroups } from '../../../shared/domain/roles';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { dateTime } from '../../../shared/strings/time';

/**
 * A written-in name who is elected must be checked (a full member of this organisation, a
 * registered voter …) before the 总监票人 certifies: the scrutineers record what they checked,
 * and whether the name may hold the office. One found ineligible is not elected: its seat is
 * vacant and the shortfall path (另行选举 or a seat reduction) follows certification.
 */
export function EligibilityPanel(props: { results: RoundResults; onChanged: () => Promise<void> }) {
  const { results } = props;
  if (results.eligibility.length === 0) return null;
  return (
    <Card title="另选他人当选：被选举资格核实" className="results-eligibility">
      {results.eligibility.map((e) => (
        <EligibilityLine key={e.name} record={e} {...props} />
      ))}
    </Card>
  );
}

function EligibilityLine({
  record,
  results,
  onChanged,
}: {
  record: EligibilityRecord;
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const role = useSession((s) => s.session?.role);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();
  if (record.confirmed) {
    const c = record.confirmed;
    return (
      <Alert
        type={c.eligible ? 'success' : 'error'}
        showIcon
        title={
          c.eligible
            ? `${record.name}：被选举资格已核实`
            : `${record.name}：经核实不具备被选举资格，不当选，其名额空缺`
        }
        description={`${c.note}（${c.by}，${dateTime(c.at)}）`}
      />
    );
  }
  const canConfirm = inGroup(roleGroups.scrutineers, role) && results.round.state === 'counted';
  const send = (eligible: boolean) =>
    run(async () => {
      const done = await api['results.confirmEligibility']({
        roundId: results.round.id,
        name: record.name,
        note,
        eligible,
      });
      if (!done.ok) return setProblem(done.error.message);
      setProblem(null);
      await onChanged();
    });
  const confirm = () => send(true);
  const reject = async () => {
    if (note.trim() === '') {
      setProblem(`请先写明核实情况：${record.name} 为何不具备被选举资格`);
      return;
    }
    const agreed = await modal.confirm({
      title: `认定 ${record.name} 不具备被选举资格？`,
      content: `${record.name} 将不当选，其名额空缺：签核后按差额不足办理（另行选举，或经大会决定减少名额）。认定与理由记入审计日志，不能撤回。`,
      okText: '确认：不具备资格',
      okButtonProps: { danger: true },
      cancelText: '取消',
    });
    if (agreed) send(false);
  };
  return (
    <div className="results-eligibility-line">
      <Alert
        type="warning"
        showIcon
        title={`${record.name} 为另选他人，当选前须核实其被选举资格`}
        description={
          canConfirm
            ? '请核对党员（选民）名册等材料，写明核实情况后确认资格；不具备资格的，写明理由后点“不具备资格”。记入审计日志。'
            : '由监票人或总监票人核实并记录；记录之前本轮不能签核。'
        }
      />
      {canConfirm && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            aria-label={`${record.name}的核实情况`}
            placeholder="核实情况，如：经核对党员名册，系本镇正式党员（或：系外镇党员）"
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            onPressEnter={confirm}
          />
          <Button type="primary" loading={busy} onClick={confirm}>
            确认资格
          </Button>
          <Button danger loading={busy} onClick={() => void reject()}>
            不具备资格
          </Button>
        </Space.Compact>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
    </div>
  );
}
