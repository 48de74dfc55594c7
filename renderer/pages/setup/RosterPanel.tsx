import {
  Alert,
  App,
  AutoComplete,
  Button,
  Input,
  Modal,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { useMemo, useState } from 'react';
import type { DelegateInput, DelegateRecord } from '../../../shared/api/delegates';
import { api } from '../../api';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { DelegateDialog } from './DelegateDialog';
import { RosterImport } from './RosterImport';

const attendanceLabels = { present: '已报到', leave: '请假', absent: '缺席' } as const;

/** 代表名册: the counts that make 应到, the import, and every delegate with what can be done. */
export function RosterPanel() {
  const congress = useSetup((s) => s.congress);
  const delegates = useSetup((s) => s.delegates);
  const counts = useSetup((s) => s.counts);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<DelegateRecord | 'new' | null>(null);
  const [excusing, setExcusing] = useState<DelegateRecord | null>(null);
  const { message, modal } = App.useApp();
  const units = useMemo(
    () => [...new Set(delegates.map((d) => d.unit).filter(Boolean))],
    [delegates],
  );
  if (!congress) return null;

  const shown =
    filter.trim() === '' ? delegates : delegates.filter((d) => matches(d, filter.trim()));
  const reload = () => useSetup.getState().refreshAll();

  const save = async (delegate: DelegateInput) => {
    const result =
      editing === 'new'
        ? await api['delegates.add']({ congressId: congress.id, delegate })
        : await api['delegates.update']({ delegateId: editing?.id ?? 0, delegate });
    if (!result.ok) return result.error;
    message.success(
      editing === 'new' ? `已添加代表 ${result.value.name}` : `已保存 ${result.value.name} 的信息`,
    );
    setEditing(null);
    await reload();
    return null;
  };

  const unexcuse = async (d: DelegateRecord) => {
    const result = await api['delegates.unexcuse']({ delegateId: d.id });
    if (!result.ok) return void message.error(result.error.message);
    message.success(`${d.name} 已恢复计入应到人数`);
    await reload();
  };

  const remove = (d: DelegateRecord) => {
    modal.confirm({
      title: `从名册中删除 ${d.name}？`,
      content: `代表证号 ${d.cardNo}，${d.unit || '未填选举单位'}。删除记入审计日志；如只是不能到会，请用“不计入应到”。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const result = await api['delegates.remove']({ delegateId: d.id });
        if (!result.ok) {
          modal.error({
            title: `不能删除 ${d.name}`,
            content: result.error.message,
            okText: '知道了',
          });
          return;
        }
        message.success(`已从名册中删除 ${d.name}`);
        await reload();
      },
    });
  };

  return (
    <div className="setup-panel">
      {counts && (
        <div className="roster-counts" aria-label="名册人数">
          <Statistic title="名册人数" value={counts.roster} suffix="人" />
          <Statistic title="应到（有选举权）" value={counts.entitled} suffix="人" />
          <Statistic title="不计入应到（经批准请假）" value={counts.excused} suffix="人" />
          <Statistic title="无选举权" value={counts.withoutVote} suffix="人" />
          <Statistic title="已报到" value={counts.present} suffix="人" />
        </div>
      )}
      <div className="panel-toolbar">
        <Input.Search
          allowClear
          placeholder="按姓名、选举单位或代表证号查找"
          aria-label="查找代表"
          style={{ maxWidth: 360 }}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {isAdmin && (
          <Space>
            <RosterImport congressId={congress.id} />
            <Button onClick={() => setEditing('new')}>添加代表</Button>
          </Space>
        )}
      </div>
      {delegates.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title="名册中还没有代表"
          description="请导入组织部门提供的代表名册（CSV 或 Excel 文件，须有“姓名”和“代表证号”两列），也可逐一添加。"
        />
      ) : (
        <Table<DelegateRecord>
          rowKey="id"
          size="small"
          dataSource={shown}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 500],
          }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '序号', key: 'seq', width: 60, render: (_v, _d, i) => i + 1 },
            { title: '姓名', dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
            { title: '性别', dataIndex: 'gender', width: 60 },
            { title: '民族', dataIndex: 'ethnicity' },
            { title: '出生日期', dataIndex: 'birthDate' },
            { title: '学历', dataIndex: 'education' },
            { title: '代表类别', dataIndex: 'category' },
            { title: '选举单位', dataIndex: 'unit' },
            { title: '代表证号', dataIndex: 'cardNo' },
            { title: '状态', key: 'state', render: (_v, d) => <DelegateState delegate={d} /> },
            ...(isAdmin
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_v: unknown, d: DelegateRecord) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(d)}>
                          修改
                        </Button>
                        {d.excusedReason === null ? (
                          <Button size="small" disabled={!d.hasVote} onClick={() => setExcusing(d)}>
                            不计入应到
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => void unexcuse(d)}>
                            恢复计入应到
                          </Button>
                        )}
                        <Button size="small" danger onClick={() => remove(d)}>
                          删除
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <DelegateDialog
        name="delegate"
        title={editing === 'new' ? '添加代表' : `修改 ${editing?.name ?? ''} 的信息`}
        okText={editing === 'new' ? '添加' : '保存'}
        open={editing !== null}
        initial={editing === 'new' ? null : editing}
        units={units}
        save={save}
        onClose={() => setEditing(null)}
      />
      <ExcuseDialog delegate={excusing} onClose={() => setExcusing(null)} />
    </div>
  );
}

function matches(d: DelegateRecord, text: string): boolean {
  return (
    d.name.includes(text) ||
    d.unit.includes(text) ||
    d.cardNo.toUpperCase().includes(text.toUpperCase())
  );
}

function DelegateState({ delegate: d }: { delegate: DelegateRecord }) {
  return (
    <Space size={4} wrap>
      {!d.hasVote && <Tag>无选举权</Tag>}
      {d.excusedReason !== null && (
        <Tooltip title={d.excusedReason}>
          <Tag color="orange">不计入应到：{d.excusedReason}</Tag>
        </Tooltip>
      )}
      {d.attendance && <Tag color="green">{attendanceLabels[d.attendance]}</Tag>}
    </Space>
  );
}

const reasons = ['因病住院', '出国（境）半年以上', '正在服刑', '其他经上级组织批准'].map(
  (value) => ({ value }),
);

/** 不计入应到: excused with the higher organisation's approval, the reason kept on record. */
function ExcuseDialog({
  delegate,
  onClose,
}: {
  delegate: DelegateRecord | null;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async () => {
    if (!delegate) return;
    const result = await api['delegates.excuse']({ delegateId: delegate.id, reason });
    if (!result.ok) return setProblem(result.error.message);
    message.success(`${delegate.name} 已登记为不计入应到人数`);
    setReason('');
    setProblem(null);
    onClose();
    await useSetup.getState().refreshAll();
  };

  return (
    <Modal
      title={`${delegate?.name ?? ''}：不计入应到人数`}
      open={delegate !== null}
      okText="登记"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        经上级组织批准不能参加大会的代表（如因病住院、出国半年以上、正在服刑），不计入应到会人数。
      </p>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <label htmlFor="excuse-reason">事由</label>
      <AutoComplete
        id="excuse-reason"
        autoFocus
        style={{ width: '100%', marginTop: 6 }}
        options={reasons}
        value={reason}
        onChange={setReason}
        placeholder="如：因病住院"
      />
    </Modal>
  );
}
