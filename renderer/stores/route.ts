import { create } from 'zustand';
import { steps, type StepId } from '../steps';

/**
 * Where the shell is: a workflow step, people management, the projector view, or checking a
 * results package (which needs no sign-in).
 */
export type Route = StepId | 'people' | 'projector' | 'verify';

const routes: readonly Route[] = [...steps.map((step) => step.id), 'people', 'projector', 'verify'];

function parse(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return routes.find((route) => route === name) ?? 'setup';
}

interface RouteState {
  route: Route;
  go: (route: Route) => void;
}

/** The route lives in the URL hash (`#/entry`), so a reload stays on the same page. */
export const useRoute = create<RouteState>(() => ({
  route: parse(window.location.hash),
  go(route) {
    window.location.hash = `#/${route}`;
  },
}));

window.addEventListener('hashchange', () => {
  useRoute.setState({ route: parse(window.location.hash) });
});
