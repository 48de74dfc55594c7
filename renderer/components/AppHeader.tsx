import { App, Button, Dropdown, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { roleLabels } from '../../shared/strings/roles';
import { useAppStatus } from '../stores/app-status';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { BrandMark } from './BrandMark';
import { ChangePinDialog } from './ChangePinDialog';
import { openProjector } from './projector';

/** The app's name, the congress and election being worked on, and the person's actions. */
export function AppHeader() {
  const status = useAppStatus((s) => s.status);
  const electionId = useAppStatus((s) => s.electionId);
  const session = useSession((s) => s.session);
  const go = useRoute((s) => s.go);
  const [changingPin, setChangingPin] = useState(false);
  const { message } = App.useApp();
  const congress = status?.congress ?? null;
  const elections = status?.elections ?? [];

  return (
    <header className="app-header">
      <div className="brand">
        <BrandMark />
        大会选举计票
      </div>
      <div className="app-header-context" aria-label="当前大会与选举">
        <span>
          <span className="app-header-label">大会</span>
          {congress ? (
            <strong>
              {congress.name}（{congress.heldOn}）
            </strong>
          ) : (
            <strong data-testid="no-congress">尚未创建大会</strong>
          )}
        </span>
        <span>
          <span className="app-header-label">选举事项</span>
          {elections.length > 0 ? (
            <Select
              aria-label="当前选举事项"
              size="small"
              style={{ minWidth: 200 }}
              value={electionId}
              onChange={(id) => useAppStatus.getState().chooseElection(id)}
              options={elections.map((e) => ({ value: e.id, label: e.title }))}
            />
          ) : (
            <strong>尚未设置</strong>
          )}
        </span>
      </div>
      {session && (
        <Space size="middle">
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'pin', label: '修改我的 PIN' },
                { key: 'sign-out', label: '退出登录' },
              ],
              onClick: ({ key }) => {
                if (key === 'pin') setChangingPin(true);
                else void useSession.getState().signOut();
              },
            }}
          >
            <Button
              type="text"
              className="app-header-person"
              aria-label={`${session.name}：账号菜单`}
            >
              {session.name}
              <Tag color="gold" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
                {roleLabels[session.role]}
              </Tag>
            </Button>
          </Dropdown>
          <Tooltip title="在投影仪上显示（Alt+T）">
            <Button ghost onClick={() => void openProjector()}>
              投影
            </Button>
          </Tooltip>
          {session.role === 'admin' && (
            <Tooltip title="Alt+P">
              <Button ghost onClick={() => go('people')}>
                人员管理
              </Button>
            </Tooltip>
          )}
          <Tooltip title="离开座位时锁定屏幕（Alt+L）">
            <Button ghost onClick={() => void useSession.getState().lock()}>
              锁定
            </Button>
          </Tooltip>
        </Space>
      )}
      <ChangePinDialog
        open={changingPin}
        onClose={() => setChangingPin(false)}
        onDone={() => {
          setChangingPin(false);
          message.success('PIN 已修改，下次登录请使用新 PIN');
        }}
      />
    </header>
  );
}
