import { Alert, App, Button, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import type { IssuanceOverview, IssuanceRound } from '../../../shared/api/issuance';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { ValidityLine } from '../../components/ValidityLine';

/**
 * 发票: the ballots handed out, 实到 by default. Party rules need a valid meeting, and a number
 * other than 实到 needs its reason; the count the scrutineers confirm is the one frozen.
 */
export function IssueForm(props: {
  round: IssuanceRound;
  live: IssuanceOverview['live'];
  onDone: () => Promise<void>;
}) {
  const { live } = props;
  const byAttendance = live.validity.basis === 'attendance';
  const [typed, setTyped] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ text: string; field?: string } | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();
  // Until the scrutineers type a number, the default follows the desk's count.
  const issued = typed ?? (live.present > 0 ? live.present : null);
  const differs = byAttendance && issued !== null && issued !== live.present;
  const blocked = byAttendance && live.validity.met !== true;

  const submit = () =>
    run(async () => {
      if (issued === null) {
        setProblem({ text: '请填写发出的选票张数' });
        return;
      }
      if (differs && reason.trim() === '') {
        setProblem({
          text: `发出选票 ${issued} 张与实到 ${live.present} 人不一致，请先说明原因`,
          field: 'reason',
        });
        return;
      }
      const frozen = byAttendance
        ? `应到 ${live.entitled} 人、实到 ${live.present} 人将固定为本轮的到会人数，此后的报到变化不再影响本轮。`
        : `登记选民 ${live.entitled} 人将固定为本轮的选民人数。`;
      const agreed = await modal.confirm({
        title: `登记发出选票 ${issued} 张？`,
        content: frozen,
        okText: '确认发票',
        cancelText: '再核对一下',
      });
      if (!agreed) return;
      const result = await api['issuance.issue']({
        roundId: props.round.id,
        issued,
        ...(reason.trim() === '' ? {} : { reason }),
      });
      if (!result.ok) {
        setProblem({ text: result.error.message, field: result.error.field });
        return;
      }
      setProblem(null);
      await props.onDone();
    });

  return (
    <div className="issuance-form">
      {blocked && <ValidityLine validity={live.validity} />}
      <Space align="center" wrap size="middle" style={{ marginTop: blocked ? 12 : 0 }}>
        <label htmlFor={`issued-${props.round.id}`} className="issuance-label">
          发出选票
        </label>
        <InputNumber
          id={`issued-${props.round.id}`}
          size="large"
          min={1}
          max={100000}
          precision={0}
          value={issued}
          onChange={(value) => setTyped(value)}
          onPressEnter={submit}
          style={{ width: 140 }}
          disabled={blocked}
        />
        <span>张</span>
        {byAttendance && <span className="issuance-hint">实到 {live.present} 人</span>}
        <Button type="primary" size="large" loading={busy} disabled={blocked} onClick={submit}>
          登记发票
        </Button>
      </Space>
      {differs && (
        <div className="issuance-reason">
          <label htmlFor={`reason-${props.round.id}`}>
            发出 {issued} 张与实到 {live.present} 人不一致，请说明原因
          </label>
          <Input
            id={`reason-${props.round.id}`}
            maxLength={100}
            value={reason}
            status={problem?.field === 'reason' ? 'error' : undefined}
            placeholder="如：一张选票污损后换发"
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem.text} style={{ marginTop: 12 }} />}
    </div>
  );
}
