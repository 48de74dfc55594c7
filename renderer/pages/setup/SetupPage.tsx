import { Alert, Button, Card, Col, Row, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { StepHeading } from '../../components/StepHeading';
import { useRoute } from '../../stores/route';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { ArchivedCongresses } from './ArchivePanel';
import { CongressPanel } from './CongressPanel';
import { CreateCongress } from './CreateCongress';
import { ElectionsPanel } from './ElectionsPanel';
import { IdleLockSetting } from './IdleLockSetting';
import { PrintPanel } from './PrintPanel';
import { RosterPanel } from './RosterPanel';
import { StructurePanel } from './StructurePanel';
import './setup.css';

type Section = 'congress' | 'roster' | 'elections' | 'structure' | 'print' | 'people';

/**
 * 会前准备, in the order the work is done: the congress and its 选举办法, the roster, the
 * elections and their candidates, the structure report for 资格审查, and the printing.
 */
export function SetupPage() {
  const congress = useSetup((s) => s.congress);
  const problem = useSetup((s) => s.problem);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const [section, setSection] = useState<Section>('congress');

  useEffect(() => {
    void useSetup.getState().refreshAll();
  }, []);

  if (congress === undefined) {
    return (
      <section aria-labelledby="page-title">
        <StepHeading step="setup" />
        {problem && <Alert type="error" showIcon title={problem} />}
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <StepHeading step="setup" />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {congress === null ? (
        <NoCongressYet isAdmin={isAdmin} />
      ) : (
        <Tabs
          className="setup-tabs"
          activeKey={section}
          onChange={(key) => setSection(key as Section)}
          items={[
            { key: 'congress', label: '大会信息', children: <CongressPanel /> },
            { key: 'roster', label: '代表名册', children: <RosterPanel /> },
            { key: 'elections', label: '选举事项与候选人', children: <ElectionsPanel /> },
            { key: 'structure', label: '代表结构', children: <StructurePanel /> },
            { key: 'print', label: '打印', children: <PrintPanel /> },
            { key: 'people', label: '人员与安全', children: <PeopleAndLock isAdmin={isAdmin} /> },
          ]}
        />
      )}
    </section>
  );
}

function NoCongressYet({ isAdmin }: { isAdmin: boolean }) {
  if (isAdmin) {
    return (
      <>
        <CreateCongress first />
        <ArchivedCongresses current={null} />
      </>
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title="尚未创建大会"
      description="大会由管理员在本页创建；创建后，这里显示大会信息、代表名册和选举事项。"
    />
  );
}

function PeopleAndLock({ isAdmin }: { isAdmin: boolean }) {
  const go = useRoute((s) => s.go);
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={12}>
        <Card title="人员与权限">
          <Typography.Paragraph>
            管理员、计票人、监票人与总监票人各用自己的姓名和 PIN
            登录，所做的每项操作都记入审计日志。
          </Typography.Paragraph>
          {isAdmin ? (
            <Button type="primary" onClick={() => go('people')}>
              打开人员管理
            </Button>
          ) : (
            <Typography.Text type="secondary">人员由管理员添加和停用。</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="空闲自动锁定">
          <IdleLockSetting editable={isAdmin} />
        </Card>
      </Col>
    </Row>
  );
}
