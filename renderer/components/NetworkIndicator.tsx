import { useAppStatus } from '../stores/app-status';

/** The hall must be offline: any connected interface is a visible reminder. */
export function NetworkIndicator() {
  const network = useAppStatus((s) => s.status?.network);
  if (!network) return null;
  if (!network.connected) {
    return (
      <span className="status-ok" data-testid="network">
        ● 网络未连接
      </span>
    );
  }
  return (
    <span
      className="status-warning"
      role="status"
      data-testid="network"
      title={network.interfaces.join('、')}
    >
      ▲ 网络已连接：会场应断开网络（{network.interfaces.join('、')}）
    </span>
  );
}
