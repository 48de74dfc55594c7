import { Alert, App, Button, Card, Form, Space, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import type { RoundResults } from '../../../shared/api/results';
import { api } from '../../api';
import { LockoutAlert } from '../../components/LockoutAlert';
import { PinInput, pinRules } from '../../components/PinInput';
import { useBusy } from '../../components/useBusy';
import { useLockout } from '../../components/useLockout';
import { useSession } from '../../stores/session';
import { ReasonDialog } from './ReasonDialog';
import { dateTime } from '../../../shared/strings/time';

/** 签核 by the 总监票人 with their PIN; unlocking and sending back need a reason as well. */
export function CertifyPanel({
  results,
  onChanged,
}: {
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const isChief = useSession((s) => s.session?.role) === 'chief-scrutineer';
  const { round, certified } = results;
  if (certified) {
    return (
      <Card title="签核" className="results-certify certified" data-testid="certified">
        <p className="results-certified-line">
          本轮结果已于 {dateTime(certified.at)} 经总监票人 <strong>{certified.by}</strong>{' '}
          签核。已签核的轮次不能再录入、更正或重新计票。
        </p>
        {isChief && <UnlockAction results={results} onChanged={onChanged} />}
      </Card>
    );
  }
  if (round.state !== 'counted') return null;
  return (
    <Card title="签核" className="results-certify">
      {results.certifyBlocked && (
        <Alert
          type="warning"
          showIcon
          title={results.certifyBlocked}
          style={{ marginBottom: 12 }}
        />
      )}
      {isChief ? (
        <CertifyForm results={results} onChanged={onChanged} />
      ) : (
        <Alert
          type="info"
          showIcon
          title="计票结果待总监票人签核"
          description="请总监票人核对上列结果后，在本机以总监票人身份登录并输入 PIN 签核。"
        />
      )}
    </Card>
  );
}

function CertifyForm({
  results,
  onChanged,
}: {
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const [form] = Form.useForm<{ pin: string }>();
  const [lockout, setLockout] = useLockout();
  const [busy, run] = useBusy();
  const [recounting, setRecounting] = useState(false);
  const pinRef = useRef<InputRef>(null);
  const { message } = App.useApp();
  const { round } = results;

  const certify = ({ pin }: { pin: string }) =>
    run(async () => {
      const done = await api['results.certify']({ roundId: round.id, pin });
      form.resetFields();
      if (!done.ok) {
        setLockout(done.error);
        form.setFields([{ name: 'pin', errors: [done.error.message] }]);
        pinRef.current?.focus();
        return;
      }
      setLockout(null);
      const f = done.value.followUp;
      const runoff =
        f.kind === 'runoff' && f.round ? `；已开启${f.round.label}，请管理员印制选票` : '';
      message.success(`${round.label}结果已签核${runoff}`);
      await onChanged();
    });

  return (
    <>
      {lockout && <LockoutAlert lockout={lockout} />}
      <p className="results-certify-hint">
        签核即确认上列计票结果无误。签核后本轮锁定：不能再录入、更正或重新计票；如确需重核，须由总监票人输入
        PIN 并说明理由解锁，解锁记录打印在此后的每份报告单上。
      </p>
      <Form
        form={form}
        layout="inline"
        onFinish={certify}
        disabled={results.certifyBlocked !== null}
      >
        <Form.Item name="pin" label="总监票人 PIN" rules={pinRules}>
          <PinInput ref={pinRef} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={lockout !== null}>
              签核本轮结果
            </Button>
            <Button onClick={() => setRecounting(true)}>退回重新计票</Button>
          </Space>
        </Form.Item>
      </Form>
      <ReasonDialog
        open={recounting}
        title={`${round.label}：退回重新计票`}
        description="本轮回到“计票中”，可在“录入”步骤由监票人退回票箱更正；更正完毕结束录入后重新计票。"
        reasonLabel="退回原因"
        withPin={false}
        onClose={() => setRecounting(false)}
        onSubmit={async ({ reason }) => {
          const done = await api['results.recount']({ roundId: round.id, reason });
          if (done.ok) await onChanged();
          return done;
        }}
      />
    </>
  );
}

function UnlockAction({
  results,
  onChanged,
}: {
  results: RoundResults;
  onChanged: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const { round } = results;
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        解锁重核
      </Button>
      <ReasonDialog
        open={open}
        title={`${round.label}：解锁重核`}
        description="解锁后本轮回到“计票中”，签核失效，投影中的宣布随即撤下；依据本轮结果开启、尚未投票的轮次一并取消。解锁的时间、人员和理由记入审计日志，并打印在此后的每份报告单上。"
        reasonLabel="解锁理由"
        withPin
        onClose={() => setOpen(false)}
        onSubmit={async ({ reason, pin }) => {
          const done = await api['results.unlock']({ roundId: round.id, reason, pin: pin ?? '' });
          if (done.ok) {
            message.success(`${round.label}已解锁，回到“计票中”`);
            await onChanged();
          }
          return done;
        }}
      />
    </>
  );
}
