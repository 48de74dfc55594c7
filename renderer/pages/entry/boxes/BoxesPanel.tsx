import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BoxRecord, EntryOverview, PassRecord } from '../../../shared/api/entry';
import { boxStateLabel } from '../../../shared/strings/entry';
import { roundKindLabels, roundStateLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { openProjector } from '../../components/projector';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { ExpectedDialog, SendBackDialog } from './BoxDialogs';

interface Props {
  electionId: number;
  onEnter: (boxId: number) => void;
  onReconcile: (boxId: number) => void;
}

/** Other people enter at the same time: the list follows them every few seconds. */
const refreshMs = 3_000;

/** The round's boxes, their hand counts against ballots returned, and each box's passes. */
export function BoxesPanel({ electionId, onEnter, onReconcile }: Props) {
  const session = useSession((s) => s.session);
  const [overview, setOverview] = useState<EntryOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<BoxRecord | null>(null);
  const [sending, setSending] = useState<BoxRecord | null>(null);
  const load = useCallback(async () => {
    const result = await api['entry.overview']({ electionId });
    if (result.ok) {
      setOverview(result.value);
      setProblem(null);
    } else setProblem(result.error.message);
  }, [electionId]);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => window.clearInterval(timer);
  }, [load]);

  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!overview) return null;
  const { round } = overview;
  if (!round) return <Alert type="info" showIcon title={overview.notice ?? '尚无选举轮次'} />;
  const scrutinising = session?.role === 'scrutineer' || session?.role === 'chief-scrutineer';
  const personId = session?.role === 'teller' ? session.personId : null;
  const reload = () => void load();

  return (
    <div className="boxes-panel">
      <Card
        title={
          <Space wrap>
            <span>{round.title}</span>
            <Tag>{roundKindLabels[round.kind]}</Tag>
            <Tag color={round.state === 'counting' ? 'blue' : 'default'}>
              {roundStateLabels[round.state]}
            </Tag>
            {round.doubleEntry && <Tag color="purple">双人录入</Tag>}
          </Space>
        }
        extra={
          <ProjectorToggle roundId={round.id} projected={overview.projected} onChanged={reload} />
        }
      >
        {overview.notice && (
          <Alert type="info" showIcon title={overview.notice} style={{ marginBottom: 16 }} />
        )}
        <Totals overview={overview} />
        <Table<BoxRecord>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={overview.boxes}
          locale={{
            emptyText: scrutinising
              ? '尚未建立票箱：在下方按清点张数添加'
              : '尚未建立票箱：请监票人按清点张数添加',
          }}
          columns={[
            {
              title: '票箱',
              dataIndex: 'label',
              render: (label: string) => <strong>{label}</strong>,
            },
            { title: '清点张数', dataIndex: 'expected', align: 'right' },
            {
              title: '状态',
              key: 'state',
              render: (_v, box) => <BoxState box={box} doubleEntry={round.doubleEntry} />,
            },
            { title: '第一遍', key: 'p1', render: (_v, box) => <PassCell box={box} pass={1} /> },
            ...(round.doubleEntry
              ? [
                  {
                    title: '第二遍',
                    key: 'p2',
                    render: (_v: unknown, box: BoxRecord) => <PassCell box={box} pass={2} />,
                  },
                ]
              : []),
            {
              title: '操作',
              key: 'actions',
              render: (_v, box) => (
                <Space wrap>
                  {personId !== null && round.state === 'counting' && (
                    <TellerAction
                      box={box}
                      personId={personId}
                      doubleEntry={round.doubleEntry}
                      autoFocus={box.id === firstFor(overview.boxes, personId, round.doubleEntry)}
                      onEnter={onEnter}
                    />
                  )}
                  {scrutinising && (
                    <ScrutineerActions
                      box={box}
                      counting={round.state === 'counting'}
                      onExpected={setEditing}
                      onSendBack={setSending}
                      onReconcile={onReconcile}
                      onRemoved={reload}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
        {scrutinising && round.state === 'counting' && (
          <NewBoxForm roundId={round.id} count={overview.boxes.length} onAdded={reload} />
        )}
      </Card>
      <FinishCard overview={overview} canFinish={scrutinising} onFinished={reload} />
      <ExpectedDialog
        box={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
      <SendBackDialog
        box={sending}
        onClose={() => setSending(null)}
        onDone={() => {
          setSending(null);
          reload();
        }}
      />
    </div>
  );
}

function Totals({ overview }: { overview: EntryOverview }) {
  const { totals, boxes } = overview;
  const entered = boxes.reduce(
    (sum, b) => sum + (b.passes.find((p) => p.pass === 1)?.live ?? 0),
    0,
  );
  const difference = totals.difference;
  const tone = difference === null ? '' : difference === 0 ? 'ok' : 'bad';
  return (
    <div className="boxes-totals" data-testid="box-totals">
      <div>
        <span>收回选票</span>
        <b>{totals.returned ?? '—'}</b>
      </div>
      <div>
        <span>各票箱清点合计</span>
        <b>{totals.expected}</b>
      </div>
      <div className={`boxes-difference ${tone}`}>
        <span>相差</span>
        <b>
          {difference === null
            ? '—'
            : difference === 0
              ? '0'
              : difference > 0
                ? `多 ${difference}`
                : `少 ${-difference}`}
        </b>
      </div>
      <div>
        <span>已录入（第一遍）</span>
        <b>{entered}</b>
      </div>
    </div>
  );
}

function BoxState({ box, doubleEntry }: { box: BoxRecord; doubleEntry: boolean }) {
  const color = box.counts ? 'green' : box.state === 'comparing' ? 'orange' : 'blue';
  return (
    <Space size={4}>
      <Tag color={color}>{boxStateLabel(box.state, doubleEntry)}</Tag>
      {box.unresolved !== null && box.unresolved > 0 && (
        <span className="boxes-unresolved">{box.unresolved} 处不一致</span>
      )}
    </Space>
  );
}

function PassCell({ box, pass }: { box: BoxRecord; pass: 1 | 2 }) {
  const record: PassRecord | undefined = box.passes.find((p) => p.pass === pass);
  if (!record) return <span className="boxes-muted">未开始</span>;
  return (
    <span>
      {record.tellerName} · {record.live}/{box.expected}
      {record.done && ' ✓'}
    </span>
  );
}

/** The first box this teller can work on, which takes the focus: Enter starts at once. */
function firstFor(
  boxes: readonly BoxRecord[],
  personId: number,
  doubleEntry: boolean,
): number | undefined {
  return boxes.find((b) => tellerActionOf(b, personId, doubleEntry) !== null)?.id;
}

function tellerActionOf(box: BoxRecord, personId: number, doubleEntry: boolean): string | null {
  const first = box.passes.find((p) => p.pass === 1);
  const second = box.passes.find((p) => p.pass === 2);
  if (box.state === 'entering') {
    if (!first) return '开始录入';
    return first.tellerId === personId ? '继续录入' : null;
  }
  if (box.state === 'entered' && doubleEntry && first?.tellerId !== personId) {
    if (!second) return '第二遍录入';
    return second.tellerId === personId ? '继续第二遍' : null;
  }
  if (box.state === 'second-entry' && second?.tellerId === personId) return '继续第二遍';
  return null;
}

function TellerAction(props: {
  box: BoxRecord;
  personId: number;
  doubleEntry: boolean;
  autoFocus: boolean;
  onEnter: (boxId: number) => void;
}) {
  const label = tellerActionOf(props.box, props.personId, props.doubleEntry);
  if (!label) return null;
  return (
    <Button
      type="primary"
      autoFocus={props.autoFocus}
      onClick={() => props.onEnter(props.box.id)}
      aria-label={`${label}：${props.box.label}`}
    >
      {label}
    </Button>
  );
}

function ScrutineerActions(props: {
  box: BoxRecord;
  counting: boolean;
  onExpected: (box: BoxRecord) => void;
  onSendBack: (box: BoxRecord) => void;
  onReconcile: (boxId: number) => void;
  onRemoved: () => void;
}) {
  const { box, counting } = props;
  const { modal, message } = App.useApp();
  const empty = box.passes.every((p) => p.live === 0);
  const remove = () => {
    modal.confirm({
      title: `删除票箱“${box.label}”？`,
      content: '只能删除从未录入过选票的票箱。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const result = await api['entry.removeBox']({ boxId: box.id });
        if (result.ok) props.onRemoved();
        else message.error(result.error.message);
      },
    });
  };
  return (
    <>
      {(box.state === 'comparing' || (box.state === 'reconciled' && box.passes.length === 2)) && (
        <Button
          type={box.state === 'comparing' ? 'primary' : 'default'}
          onClick={() => props.onReconcile(box.id)}
        >
          {box.state === 'comparing' ? '核对差异' : '查看核对'}
        </Button>
      )}
      {counting && box.state === 'entering' && (
        <Button onClick={() => props.onExpected(box)}>更正张数</Button>
      )}
      {counting && (box.state === 'entered' || box.state === 'second-entry') && (
        <Button onClick={() => props.onSendBack(box)}>退回更正</Button>
      )}
      {counting && box.state === 'entering' && empty && (
        <Button danger onClick={remove}>
          删除
        </Button>
      )}
    </>
  );
}

function NewBoxForm({
  roundId,
  count,
  onAdded,
}: {
  roundId: number;
  count: number;
  onAdded: () => void;
}) {
  const [form] = Form.useForm<{ label: string; expected: number | null }>();
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  useEffect(
    () => form.setFieldsValue({ label: `${count + 1}号箱`, expected: null }),
    [count, form],
  );
  const add = (values: { label: string; expected: number | null }) =>
    run(async () => {
      const result = await api['entry.createBox']({
        roundId,
        label: values.label,
        expected: values.expected ?? -1,
      });
      if (!result.ok) {
        form.setFields([
          {
            name: result.error.field === 'label' ? 'label' : 'expected',
            errors: [result.error.message],
          },
        ]);
        return;
      }
      message.success(`已添加票箱“${result.value.label}”（${result.value.expected} 张）`);
      onAdded();
    });
  return (
    <Form form={form} layout="inline" className="new-box-form" onFinish={add} aria-label="添加票箱">
      <Form.Item
        name="label"
        label="票箱名称"
        rules={[{ required: true, message: '请填写票箱名称' }]}
      >
        <Input maxLength={40} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="expected"
        label="清点张数"
        rules={[{ required: true, message: '请填写当场清点的张数' }]}
      >
        <InputNumber min={0} max={100000} precision={0} style={{ width: 120 }} addonAfter="张" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        添加票箱
      </Button>
    </Form>
  );
}

function FinishCard({
  overview,
  canFinish,
  onFinished,
}: {
  overview: EntryOverview;
  canFinish: boolean;
  onFinished: () => void;
}) {
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  const round = overview.round;
  if (!round || round.state !== 'counting') return null;
  const finish = () =>
    run(async () => {
      const result = await api['entry.finish']({ roundId: round.id });
      if (!result.ok) return void message.error(result.error.message);
      message.success('录入已完成，本轮进入计票结果');
      onFinished();
    });
  const { ready, blockers } = overview.finish;
  return (
    <Card title="完成录入" className="finish-card">
      {ready ? (
        <Alert
          type="success"
          className="entry-success"
          showIcon
          title="各票箱均已录完（双人录入的已核对），张数与收回选票相符，可以计票"
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title="尚不能计票"
          description={
            <ul className="finish-blockers" data-testid="finish-blockers">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
        />
      )}
      {canFinish && (
        <Button
          type="primary"
          size="large"
          disabled={!ready}
          loading={busy}
          onClick={finish}
          style={{ marginTop: 16 }}
        >
          完成录入，进入计票
        </Button>
      )}
    </Card>
  );
}

function ProjectorToggle({
  roundId,
  projected,
  onChanged,
}: {
  roundId: number;
  projected: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const toggle = async () => {
    const result = await api['entry.project']({ roundId: projected ? null : roundId });
    if (!result.ok) return void message.error(result.error.message);
    if (!projected) await openProjector();
    onChanged();
  };
  return (
    <Button onClick={() => void toggle()}>{projected ? '停止投影计票板' : '投影计票板'}</Button>
  );
}
