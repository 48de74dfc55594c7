import { roleLabels } from '../../shared/strings/roles';
import { useAppStatus } from '../stores/app-status';
import { useSession } from '../stores/session';
import { NetworkIndicator } from './NetworkIndicator';
import { useIdleLock } from './useIdleLock';
import { shortcuts } from './useShortcuts';

/** Who is signed in, the network reminder, when the screen locks, the keys, and the version. */
export function StatusBar() {
  const session = useSession((s) => s.session);
  const status = useAppStatus((s) => s.status);
  const secondsLeft = useIdleLock(status?.idleLockMinutes ?? 10);

  return (
    <footer className="status-bar" aria-label="状态栏">
      {session && (
        <span data-testid="signed-in">
          当前：{session.name}（{roleLabels[session.role]}）
        </span>
      )}
      <NetworkIndicator />
      <span data-testid="idle-countdown" title="无操作达到设定时间后自动锁定屏幕">
        {formatCountdown(secondsLeft)} 后自动锁定
      </span>
      <span className="status-bar-spacer" />
      <span aria-label="快捷键">
        {shortcuts
          .filter((shortcut) => !shortcut.adminOnly || session?.role === 'admin')
          .map((shortcut) => (
            <span key={shortcut.keys} style={{ marginInlineStart: 12 }}>
              <kbd>{shortcut.keys}</kbd> {shortcut.label}
            </span>
          ))}
      </span>
      {status && <span>版本 {status.version}</span>}
    </footer>
  );
}

function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
