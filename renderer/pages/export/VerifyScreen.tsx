import { Button, Typography } from 'antd';
import { VerifyPanel } from './VerifyPanel';
import './export.css';

/**
 * The verify screen on its own, before any sign-in: the county office installs the app to check
 * packages and has no congress, no people and no reason to create them.
 */
export function VerifyScreen() {
  return (
    <main className="verify-screen">
      <Typography.Title level={2}>核验结果包</Typography.Title>
      <Typography.Paragraph type="secondary">无需登录，也无需本机有大会数据。</Typography.Paragraph>
      <VerifyPanel />
      <Button type="link" href="#/setup">
        返回登录
      </Button>
    </main>
  );
}
