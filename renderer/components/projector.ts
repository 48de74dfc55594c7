import { api } from '../api';

/** Asks main for the projector window; in a browser there is none, so the view opens in a new tab. */
export async function openProjector(): Promise<void> {
  const result = await api['app.openProjector']({});
  if (result.ok && !result.value.opened) window.open('#/projector', '_blank', 'noopener');
}
