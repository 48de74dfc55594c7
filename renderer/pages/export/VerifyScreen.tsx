import { Button, Tabs, Typography } from 'antd';
import { KeyringPanel } from './KeyringPanel';
import { SurveyPanel } from './SurveyPanel';
import { VerifyPanel } from './VerifyPanel';
import './export.css';

/**
 * The county office's screens on their own, before any sign-in: it installs the app to check
 * packages, keep its keyring and see all its townships at once, and has no congress, no people
 * and no reason to create them.
 */
export function VerifyScreen() {
  return (
    <main className="verify-screen">
      <Typography.Title level={2}>核验结果包</Typography.Title>
      <Typography.Paragraph type="secondary">无需登录，也无需本机有大会数据。</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'verify', label: '核验结果包', children: <VerifyPanel /> },
          { key: 'keyring', label: '密钥登记', children: <KeyringPanel /> },
          { key: 'survey', label: '报送汇总', children: <SurveyPanel /> },
        ]}
      />
      <Button type="link" href="#/setup">
        返回登录
      </Button>
    </main>
  );
}
