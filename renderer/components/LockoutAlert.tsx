import { Alert } from 'antd';
import type { Lockout } from './useLockout';

export function LockoutAlert({ lockout }: { lockout: Lockout }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="lockout"
      title={lockout.message}
      description={`请等待 ${lockout.secondsLeft} 秒后再输入 PIN。忘记 PIN 时请管理员在“人员管理”中重设。`}
      style={{ marginBottom: 16 }}
    />
  );
}
