import type { ComponentType } from 'react';
import type { Route } from '../stores/route';
import { AnnouncePage } from './announce/AnnouncePage';
import { CheckinPage } from './checkin/CheckinPage';
import { EntryPage } from './entry/EntryPage';
import { ExportPage } from './export/ExportPage';
import { IssuancePage } from './issuance/IssuancePage';
import { PeoplePage } from './people/PeoplePage';
import { ResultsPage } from './results/ResultsPage';
import { SetupPage } from './setup/SetupPage';

/** The page shown inside the shell for each route; the projector has its own full-screen view. */
const pages: Record<Exclude<Route, 'projector' | 'verify'>, ComponentType> = {
  setup: SetupPage,
  checkin: CheckinPage,
  issuance: IssuancePage,
  entry: EntryPage,
  results: ResultsPage,
  announce: AnnouncePage,
  export: ExportPage,
  people: PeoplePage,
};

export function PageFor({ route }: { route: Route }) {
  const Page = pages[route === 'projector' || route === 'verify' ? 'setup' : route];
  return <Page />;
}
