import { Button, Result } from 'antd';
import { useSession } from '../stores/session';

/** The services did not answer: say so, and offer to try again. */
export function Unavailable() {
  const problem = useSession((s) => s.problem);
  return (
    <Result
      status="warning"
      title="无法连接计票服务"
      subTitle={problem ?? '本机服务没有响应'}
      extra={
        <Button type="primary" onClick={() => void useSession.getState().refresh()}>
          重试
        </Button>
      }
    />
  );
}
