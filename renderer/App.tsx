import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useCallback } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { lazyNamed } from './components/lazy-named';
import { Shell } from './components/Shell';
import { Unavailable } from './components/Unavailable';
import { usePoll } from './components/usePoll';
import { SignInPage } from './pages/sign-in/SignInPage';
import { useAppStatus } from './stores/app-status';
import { useRoute } from './stores/route';
import { useSession } from './stores/session';
import { theme } from './theme';

// The sign-in screen and the shell (whose shortcuts work from the first moment after sign-in)
// are in the first script; the steps' pages and the other screens are loaded when first shown.
const FirstRunPage = lazyNamed(() => import('./pages/first-run/FirstRunPage'), 'FirstRunPage');
const LockScreen = lazyNamed(() => import('./pages/lock/LockScreen'), 'LockScreen');
const VerifyScreen = lazyNamed(() => import('./pages/export/VerifyScreen'), 'VerifyScreen');
const ProjectorPage = lazyNamed(() => import('./pages/projector/ProjectorPage'), 'ProjectorPage');

// Date pickers name months and weekdays in Chinese.
dayjs.locale('zh-cn');

// antd inserts no styles while the app runs: they come with the build, made from this same theme
// by scripts/antd-stylesheet.ts (making them at run time took most of the first screen's start).
const runtimeTheme = { ...theme, zeroRuntime: true };

/** How often the shell asks for the session, network and congress state. */
const refreshMs = 5_000;

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={runtimeTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <Suspense fallback={null}>
            <Gate />
          </Suspense>
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
          {phase === 'locked' && (
            <Suspense fallback={null}>
              <LockScreen />
            </Suspense>
          )}
        </>
      );
  }
}
