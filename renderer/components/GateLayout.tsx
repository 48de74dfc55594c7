import type { ReactNode } from 'react';
import { useAppStatus } from '../stores/app-status';
import { BrandMark } from './BrandMark';
import { NetworkIndicator } from './NetworkIndicator';

/** The frame of the screens before work starts: first run, sign-in, the lock screen. */
export function GateLayout({ children }: { children: ReactNode }) {
  const status = useAppStatus((s) => s.status);
  return (
    <div className="gate">
      <aside className="gate-aside">
        <div>
          <BrandMark size={56} />
          <h1>大会选举计票</h1>
          <p>代表报到 · 选票发放 · 逐张录入 · 依规计票 · 宣布与报送</p>
          <p style={{ marginTop: 16 }}>{status?.congress?.name ?? '尚未创建大会'}</p>
        </div>
        <div style={{ fontSize: 13, color: '#f6d9d4' }}>
          <p>全程离线运行，所有操作记入审计日志。</p>
          {status && <p>版本 {status.version}</p>}
        </div>
      </aside>
      <main className="gate-main">
        <div className="gate-card">
          {children}
          <div style={{ marginTop: 24, fontSize: 13 }}>
            <NetworkIndicator />
          </div>
        </div>
      </main>
    </div>
  );
}
