import { Suspense, type ComponentType } from 'react';
import { lazyNamed } from '../components/lazy-named';
import type { Route } from '../stores/route';

/**
 * The page shown inside the shell for each route; the projector has its own full-screen view.
 * Each step's page is a chunk of its own, loaded when the step is first opened, so that the
 * sign-in screen does not wait for the code of every step behind it.
 */
const pages: Record<Exclude<Route, 'projector' | 'verify'>, ComponentType> = {
  setup: lazyNamed(() => import('./setup/SetupPage'), 'SetupPage'),
  checkin: lazyNamed(() => import('./checkin/CheckinPage'), 'CheckinPage'),
  issuance: lazyNamed(() => import('./issuance/IssuancePage'), 'IssuancePage'),
  entry: lazyNamed(() => import('./entry/EntryPage'), 'EntryPage'),
  results: lazyNamed(() => import('./results/ResultsPage'), 'ResultsPage'),
  announce: lazyNamed(() => import('./announce/AnnouncePage'), 'AnnouncePage'),
  export: lazyNamed(() => import('./export/ExportPage'), 'ExportPage'),
  people: lazyNamed(() => import('./people/PeoplePage'), 'PeoplePage'),
};

export function PageFor({ route }: { route: Route }) {
  const Page = pages[route === 'projector' || route === 'verify' ? 'setup' : route];
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}
