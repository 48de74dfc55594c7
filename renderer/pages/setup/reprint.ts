import type { App } from 'antd';
import type { Result } from '../../../shared/api';

type Modal = ReturnType<typeof App.useApp>['modal'];

/**
 * Runs a set-up change; when the service answers that it would make printed ballots waste (the
 * error names field `confirmReprint`), asks the operator and, if they agree, runs it again with
 * the confirmation. Resolves to the final result, or null when the operator declined.
 */
export async function withReprintConfirm<T>(
  modal: Modal,
  run: (confirmReprint: boolean) => Promise<Result<T>>,
): Promise<Result<T> | null> {
  const first = await run(false);
  if (first.ok || first.error.field !== 'confirmReprint') return first;
  const agreed = await modal.confirm({
    title: '需要重新印制选票',
    content: `${first.error.message}确定要修改吗？修改会记入审计日志。`,
    okText: '修改并重新印制',
    okButtonProps: { danger: true },
    cancelText: '不修改',
  });
  return agreed ? run(true) : null;
}
