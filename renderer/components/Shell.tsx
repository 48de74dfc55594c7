import { AppHeader } from './AppHeader';
import { StatusBar } from './StatusBar';
import { StepNav } from './StepNav';
import { PageFor } from '../pages';
import { useRoute } from '../stores/route';
import { useShortcuts } from './useShortcuts';

/** The signed-in frame: header with the congress, the day's steps, the page, the status bar. */
export function Shell() {
  const route = useRoute((s) => s.route);
  useShortcuts();
  return (
    <div className="shell">
      <AppHeader />
      <StepNav />
      <main className="shell-main" id="main" tabIndex={-1}>
        <div className="shell-page">
          <PageFor route={route} />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
