import { Alert } from 'antd';

/** The honest state of a part that is not built yet: nothing that looks like it works. */
export function NotEnabled({ what }: { what: string }) {
  return <Alert type="info" showIcon title={`${what}：本功能尚未启用`} data-testid="not-enabled" />;
}
