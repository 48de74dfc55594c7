import { Alert, App, Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import type { IssuanceRound } from '../../../shared/api/issuance';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { sendConfirmingVoid } from './confirm-void';

/**
 * 收回: the ballots counted from the boxes. More than were issued voids the round at once; the
 * screen says so as the number is typed, and the scrutineers confirm it before it is recorded.
 */
export function ReturnForm(props: { round: IssuanceRound; onDone(): Promise<void> }) {
  const { round } = props;
  const issued = round.issued ?? 0;
  const [returned, setReturned] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { modal } = App.useApp();
  const over = returned !== null && returned > issued;

  const submit = () =>
    run(async () => {
      if (returned === null) {
        setProblem('请填写从票箱中清点出的选票张数');
        return;
      }
      const send = (confirmVoid: boolean) =>
        api['issuance.return']({ roundId: round.id, returned, confirmVoid });
      const result = await sendConfirmingVoid(modal, '收回的选票多于发出的选票', send);
      if (!result) return;
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      setProblem(null);
      await props.onDone();
    });

  return (
    <div className="issuance-form">
      <Space align="center" wrap size="middle">
        <label htmlFor={`returned-${round.id}`} className="issuance-label">
          收回选票
        </label>
        <InputNumber
          id={`returned-${round.id}`}
          size="large"
          min={0}
          max={100000}
          precision={0}
          value={returned}
          status={over ? 'error' : undefined}
          onChange={(value) => setReturned(value)}
          onPressEnter={submit}
          style={{ width: 140 }}
        />
        <span>张</span>
        <span className="issuance-hint">发出 {issued} 张</span>
        <Button type="primary" size="large" loading={busy} onClick={submit}>
          登记收回
        </Button>
      </Space>
      {over && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={`收回 ${returned} 张多于发出的 ${issued} 张：按规定本轮选举无效，须重新选举`}
          description="请先再次清点票箱；确认无误后登记，本轮即作废，可随即开启重新选举。"
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </div>
  );
}
