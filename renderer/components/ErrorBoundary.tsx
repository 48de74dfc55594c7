import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A rendering bug shows what happened and how to go on, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('界面出现程序错误', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="界面出现程序错误"
        subTitle={`已保存的数据不受影响。请重新载入界面；若反复出现，请记下此信息并联系技术支持：${this.state.error.message}`}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新载入界面
          </Button>
        }
      />
    );
  }
}
