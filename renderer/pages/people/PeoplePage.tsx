import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PersonRecord } from '../../../shared/api/people';
import { roleLabels } from '../../../shared/strings/roles';
import { clock } from '../../../shared/strings/time';
import { api } from '../../api';
import { useSession } from '../../stores/session';
import { AddPersonDialog } from './AddPersonDialog';
import { ResetPinDialog } from './ResetPinDialog';

/** 人员管理: the administrator adds people with their role and PIN, resets PINs, deactivates. */
export function PeoplePage() {
  const session = useSession((s) => s.session);
  const [people, setPeople] = useState<PersonRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<PersonRecord | null>(null);
  const { modal, message } = App.useApp();

  const load = useCallback(async () => {
    const result = await api['people.list']({});
    if (result.ok) setPeople(result.value);
    else setProblem(result.error.message);
  }, []);

  const isAdmin = session?.role === 'admin';
  useEffect(() => {
    if (isAdmin) void load();
  }, [isAdmin, load]);

  if (!isAdmin) {
    return <Alert type="warning" showIcon title="人员管理仅限管理员使用" />;
  }

  const deactivate = (person: PersonRecord) => {
    modal.confirm({
      title: `停用 ${person.name}？`,
      content:
        '停用后此人不能再登录；其以往的操作记录保留在审计日志中。停用不可撤销，如需恢复请重新添加。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const result = await api['people.deactivate']({ personId: person.id });
        if (!result.ok) {
          message.error(result.error.message);
          return;
        }
        message.success(`已停用 ${person.name}`);
        await load();
      },
    });
  };

  return (
    <section aria-labelledby="page-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} id="page-title" style={{ marginBottom: 4 }}>
            人员管理
          </Typography.Title>
          <Typography.Text type="secondary">
            每位工作人员用自己的姓名和 PIN 登录；角色决定能做哪些操作。
          </Typography.Text>
        </div>
        <Button type="primary" onClick={() => setAdding(true)}>
          添加人员
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Table<PersonRecord>
        rowKey="id"
        loading={people === null && !problem}
        dataSource={people ?? []}
        pagination={false}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, person) =>
              person.id === session.personId ? `${name}（本人）` : name,
          },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: PersonRecord['role']) => roleLabels[role],
          },
          {
            title: '状态',
            key: 'state',
            render: (_value, person) => <PersonState person={person} />,
          },
          {
            title: '添加时间',
            dataIndex: 'createdAt',
            render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_value, person) =>
              person.active && (
                <Space>
                  <Button size="small" onClick={() => setResetting(person)}>
                    重设 PIN
                  </Button>
                  {person.id !== session.personId && (
                    <Button size="small" danger onClick={() => deactivate(person)}>
                      停用
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <AddPersonDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(person) => {
          setAdding(false);
          message.success(`已添加${roleLabels[person.role]} ${person.name}`);
          void load();
        }}
      />
      <ResetPinDialog
        person={resetting}
        onClose={() => setResetting(null)}
        onDone={(person) => {
          setResetting(null);
          message.success(`已为 ${person.name} 重设 PIN`);
          void load();
        }}
      />
    </section>
  );
}

function PersonState({ person }: { person: PersonRecord }) {
  if (!person.active) return <Tag>已停用</Tag>;
  if (person.lockedUntil) {
    const until = clock(person.lockedUntil);
    return <Tag color="orange">PIN 输错，暂停登录至 {until}</Tag>;
  }
  return <Tag color="green">在用</Tag>;
}
