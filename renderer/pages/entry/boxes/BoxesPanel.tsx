import { Alert, Card, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { BoxRecord } from '../../../../shared/api/entry';
import { inGroup, roleGroups } from '../../../../shared/domain/roles';
import { roundKindLabels, roundStateLabels } from '../../../../shared/strings/setup';
import { api } from '../../../api';
import { usePolled } from '../../../components/usePoll';
import { useSession } from '../../../stores/session';
import { ExpectedDialog, ReopenDialog, SendBackDialog } from './BoxDialogs';
import { BoxStateTag } from './BoxStateTag';
import { BoxTotals } from './BoxTotals';
import { FinishCard } from './FinishCard';
import { NewBoxForm } from './NewBoxForm';
import { PassCell } from './PassCell';
import { ProjectorToggle } from './ProjectorToggle';
import { ScrutineerActions } from './ScrutineerActions';
import { TellerAction } from './TellerAction';
import { firstFor } from './teller-action';
import './boxes-panel.css';

interface Props {
  electionId: number;
  onEnter: (boxId: number) => void;
  onScan: (boxId: number) => void;
  onReconcile: (boxId: number) => void;
}

/** Other people enter at the same time: the list follows them every few seconds. */
const refreshMs = 3_000;

/** The round's boxes, their hand counts against ballots returned, and each box's passes. */
export function BoxesPanel({ electionId, onEnter, onScan, onReconcile }: Props) {
  const session = useSession((s) => s.session);
  const [editing, setEditing] = useState<BoxRecord | null>(null);
  const [sending, setSending] = useState<BoxRecord | null>(null);
  const [reopening, setReopening] = useState<BoxRecord | null>(null);
  const load = useMemo(() => () => api['entry.overview']({ electionId }), [electionId]);
  const { value: overview, problem, refresh } = usePolled(load, refreshMs);

  if (problem) return <Alert type="error" showIcon title={problem} />;
  if (!overview) return null;
  const { round } = overview;
  if (!round) return <Alert type="info" showIcon title={overview.notice ?? '尚无选举轮次'} />;
  const scrutinising = inGroup(roleGroups.scrutineers, session?.role);
  const canReopen =
    inGroup(roleGroups.chief, session?.role) &&
    (round.state === 'counting' || round.state === 'counted' || round.state === 'certified');
  const personId = session?.role === 'teller' ? session.personId : null;
  const reload = () => void refresh();

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
        <BoxTotals overview={overview} />
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
              render: (_v, box) => <BoxStateTag box={box} doubleEntry={round.doubleEntry} />,
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
                      onScan={onScan}
                    />
                  )}
                  {scrutinising && (
                    <ScrutineerActions
                      box={box}
                      counting={round.state === 'counting'}
                      onExpected={setEditing}
                      canReopen={canReopen}
                      onSendBack={setSending}
                      onReopen={setReopening}
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
      <ReopenDialog
        box={reopening}
        onClose={() => setReopening(null)}
        onDone={() => {
          setReopening(null);
          reload();
        }}
      />
    </div>
  );
}
