import { BrowserWindow, screen } from 'electron';
import { projectorUrl, projectorWindowOptions, type WindowConfig } from './window';

let projector: BrowserWindow | undefined;

/**
 * Opens the projector view, full screen on a second display when there is one (the hall's
 * projector), or as an ordinary window the operator can drag there. Esc closes it.
 */
export function openProjector(config: WindowConfig): boolean {
  if (projector) {
    projector.show();
    return true;
  }
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const window = new BrowserWindow(projectorWindowOptions(config, external?.bounds));
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault();
      window.close();
    }
  });
  window.once('ready-to-show', () => window.showInactive());
  window.on('closed', () => {
    projector = undefined;
  });
  window.loadURL(projectorUrl).catch((error: unknown) => {
    console.error('投影窗口加载失败', error);
    window.destroy();
  });
  projector = window;
  return true;
}
