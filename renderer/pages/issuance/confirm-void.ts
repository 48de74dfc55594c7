import type { App } from 'antd';
import type { Result } from '../../../shared/api';

type Modal = ReturnType<typeof App.useApp>['modal'];

/**
 * Sends a count; when the service answers that it would void the round (more returned than
 * issued), asks the scrutineers in a dialog with the service's explanation and sends it again
 * confirmed. Undefined when they chose to count again instead.
 */
export async function sendConfirmingVoid<T>(
  modal: Modal,
  title: string,
  send: (confirmVoid: boolean) => Promise<Result<T>>,
): Promise<Result<T> | undefined> {
  const first = await send(false);
  if (first.ok || first.error.field !== 'confirmVoid') return first;
  const agreed = await modal.confirm({
    title,
    content: first.error.message,
    okText: '确认：本轮作废，重新选举',
    okButtonProps: { danger: true },
    cancelText: '重新清点',
  });
  return agreed ? send(true) : undefined;
}
