import { Alert, App, Button, Card, Checkbox, Input, Modal, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { CongressRecord } from '../../../shared/api/congress';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';

/*
 * 归档 and 删除: a finished congress is archived (read-only, out of the list, opened from 已归档),
 * and a congress is deleted only by an administrator who types its name.
 */

const refresh = () => useSetup.getState().refreshAll();

/** The archived congress's banner, or the administrator's buttons to archive or delete. */
export function ArchiveActions({ congress }: { congress: CongressRecord }) {
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const { modal, message } = App.useApp();
  const [deleting, setDeleting] = useState(false);

  const unarchive = async () => {
    const result = await api['congress.unarchive']({ congressId: congress.id });
    if (!result.ok) return message.error(result.error.message);
    message.success(`已取消归档“${congress.name}”，可以修改了`);
    await refresh();
  };

  const archive = () => {
    modal.confirm({
      title: `归档“${congress.name}”？`,
      content:
        '归档后，本大会只能查看、不能修改，也不再出现在大会列表中；可在“已归档”中以只读方式打开，或由管理员取消归档。',
      okText: '归档',
      cancelText: '取消',
      onOk: async () => {
        const result = await api['congress.archive']({ congressId: congress.id });
        if (!result.ok) {
          modal.error({ title: '不能归档', content: result.error.message, okText: '知道了' });
          return;
        }
        message.success(`已归档“${congress.name}”`);
        await refresh();
      },
    });
  };

  return (
    <>
      {congress.archivedAt && (
        <Alert
          type="warning"
          showIcon
          data-testid="archived-banner"
          style={{ marginBottom: 16 }}
          title={`本大会已于 ${congress.archivedAt.slice(0, 10)} 归档，只能查看，不能修改`}
          action={
            isAdmin && (
              <Button size="small" onClick={() => void unarchive()}>
                取消归档
              </Button>
            )
          }
        />
      )}
      {isAdmin && (
        <Space style={{ marginBottom: 16 }}>
          {!congress.archivedAt && <Button onClick={archive}>归档本大会</Button>}
          <Button danger onClick={() => setDeleting(true)}>
            删除本大会
          </Button>
        </Space>
      )}
      <DeleteCongressDialog
        congress={congress}
        open={deleting}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

function DeleteCongressDialog(props: {
  congress: CongressRecord;
  open: boolean;
  onClose: () => void;
}) {
  const { congress } = props;
  const [typed, setTyped] = useState('');
  const [unexported, setUnexported] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const { message } = App.useApp();

  useEffect(() => {
    if (!props.open) return;
    setTyped('');
    setUnexported(false);
    setProblem(null);
  }, [props.open]);

  const remove = () =>
    run(async () => {
      const result = await api['congress.remove']({
        congressId: congress.id,
        confirmName: typed,
        ...(unexported && { confirmUnexported: true }),
      });
      if (!result.ok) return setProblem(result.error.message);
      props.onClose();
      message.success(`已删除“${congress.name}”`);
      await refresh();
    });

  return (
    <Modal
      open={props.open}
      title={`删除大会“${congress.name}”`}
      okText="永久删除"
      okButtonProps={{
        danger: true,
        loading: busy,
        disabled: typed !== congress.name || (!congress.exported && !unexported),
      }}
      cancelText="取消"
      onOk={remove}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <p>
        删除后，本大会的名册、选举事项、选票录入和结果都将从本机删除，无法恢复；审计日志保留一条删除记录。
      </p>
      {!congress.exported && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="本大会的选举结果从未导出"
          description={
            <Checkbox checked={unexported} onChange={(e) => setUnexported(e.target.checked)}>
              确认删除未导出的大会
            </Checkbox>
          }
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <label htmlFor="confirm-congress-name">请逐字输入大会名称以确认：</label>
      <Input
        id="confirm-congress-name"
        value={typed}
        autoComplete="off"
        placeholder={congress.name}
        onChange={(e) => setTyped(e.target.value)}
      />
    </Modal>
  );
}

/** 已归档: each archived congress, opened read-only, or brought back by an administrator. */
export function ArchivedCongresses({ current }: { current: number | null }) {
  const [archived, setArchived] = useState<CongressRecord[]>([]);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const { message } = App.useApp();

  useEffect(() => {
    void api['congress.archived']({}).then((result) => {
      if (result.ok) setArchived(result.value);
    });
  }, [current]);

  if (archived.length === 0) return null;
  const open = async (congress: CongressRecord) => {
    const result = await api['congress.setCurrent']({ congressId: congress.id });
    if (!result.ok) return message.error(result.error.message);
    message.success(`已以只读方式打开“${congress.name}”`);
    await refresh();
  };
  const unarchive = async (congress: CongressRecord) => {
    const result = await api['congress.unarchive']({ congressId: congress.id });
    if (!result.ok) return message.error(result.error.message);
    message.success(`已取消归档“${congress.name}”`);
    await refresh();
  };

  return (
    <Card title={`已归档（${archived.length}）`} style={{ marginTop: 24 }} data-testid="archived">
      <Table<CongressRecord>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={archived}
        columns={[
          { title: '大会', dataIndex: 'name' },
          { title: '召开日期', dataIndex: 'heldOn', width: 120 },
          {
            title: '归档日期',
            key: 'archivedAt',
            width: 120,
            render: (_v, c) => c.archivedAt?.slice(0, 10),
          },
          {
            title: '',
            key: 'actions',
            width: 220,
            render: (_v, c) => (
              <Space>
                {c.id !== current && (
                  <Button size="small" disabled={!isAdmin} onClick={() => void open(c)}>
                    只读打开
                  </Button>
                )}
                {isAdmin && (
                  <Button size="small" onClick={() => void unarchive(c)}>
                    取消归档
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
