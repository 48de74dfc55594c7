import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Shell } from './components/Shell';
import { Unavailable } from './components/Unavailable';
import { usePoll } from './components/usePoll';
import { FirstRunPage } from './pages/first-run/FirstRunPage';
import { LockScreen } from './pages/lock/LockScreen';
import { VerifyScreen } from './pages/export/VerifyScreen';
import { ProjectorPage } from './pages/projector/ProjectorPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { useAppStatus } from './stores/app-status';
import { useRoute } from './stores/route';
import { useSession } from './stores/session';
import { theme } from './theme';

// Date pickers name months and weekdays in Chinese.
dayjs.locale('zh-cn');

/** How often the shell asks for the session, network and congress state. */
const refreshMs = 5_000;

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <Gate />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

function Gate() {
  const route = useRoute((s) => s.route);
  const phase = useSession((s) => s.phase);
  const refresh = useCallback(async () => {
    await Promise.all([
      useAppStatus.getState().refresh(),
      route === 'projector' ? undefined : useSession.getState().refresh(),
    ]);
  }, [route]);
  usePoll(refresh, refreshMs);

  if (route === 'projector') return <ProjectorPage />;
  if (route === 'verify') return <VerifyScreen />;
  switch (phase) {
    case 'loading':
      return null;
    case 'unavailable':
      return <Unavailable />;
    case 'first-run':
      return <FirstRunPage />;
    case 'sign-in':
      return <SignInPage />;
    case 'locked':
    case 'ready':
      // The shell stays mounted (hidden) under the lock screen, so work in progress survives it.
      return (
        <>
          <div hidden={phase === 'locked'} inert={phase === 'locked'}>
            <Shell />
          </div>
          {phase === 'locked' && <LockScreen />}
        </>
      );
  }
}
