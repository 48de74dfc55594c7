import type { BrowserWindowConstructorOptions } from 'electron';
import { appOrigin, secureWebPreferences } from './security';

export const mainWindowUrl = `${appOrigin}/index.html`;
export const projectorUrl = `${appOrigin}/index.html#/projector`;

export interface WindowConfig {
  /** The bundled preload script (dist/electron/preload.cjs). */
  preload: string;
  /** Developer tools only in an unpackaged build. */
  devTools: boolean;
}

export function mainWindowOptions(config: WindowConfig): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '大会选举计票',
    backgroundColor: '#f3f4f6',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: config.preload, devTools: config.devTools },
  };
}

/** The projector window: same security, dark, full screen on the display it is given. */
export function projectorWindowOptions(
  config: WindowConfig,
  bounds: { x: number; y: number; width: number; height: number } | undefined,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 1280, height: 720 }),
    fullscreen: bounds !== undefined,
    show: false,
    title: '大会选举计票 · 投影',
    backgroundColor: '#0b1220',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: config.preload, devTools: config.devTools },
  };
}
