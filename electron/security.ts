import type { CustomScheme, Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from './content-policy';

/**
 * The renderer is served from a custom app:// origin rather than file://, so that 'self' in the
 * Content-Security-Policy means the app's own files and nothing else on the disk.
 */
export const appScheme = 'app';
export const appHost = 'congress-tally';
export const appOrigin = `${appScheme}://${appHost}`;

export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, codeCache: true },
};

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Every window's web preferences: an isolated, sandboxed page with no Node and no webview. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Only the app's own files may load; devtools:// is the developer tools of an unpackaged build. */
export function isAllowedRequest(url: string, allowDevTools: boolean): boolean {
  if (isAppUrl(url) || url.startsWith('data:')) return true;
  return allowDevTools && url.startsWith('devtools://');
}

/**
 * The one permission the app asks for: the camera (a 高拍仪 for scanning entry), video only, for
 * the app's own page. Never the microphone, never another page.
 */
export function isCameraRequest(
  permission: string,
  url: string | undefined,
  mediaTypes: readonly string[] | undefined,
): boolean {
  return (
    permission === 'media' &&
    url !== undefined &&
    isAppUrl(url) &&
    mediaTypes !== undefined &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'video')
  );
}

/**
 * Denies every permission but the camera, blocks every request that is not the app's own, and
 * sets the CSP.
 */
export function hardenSession(session: Session, options: { allowDevTools: boolean }): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isCameraRequest(permission, details.requestingUrl, media));
  });
  session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    isCameraRequest(permission, `${origin}/`, details.mediaType ? [details.mediaType] : undefined),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options.allowDevTools) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  session.on('will-download', (event) => event.preventDefault());
}

/** The page may not navigate away, open windows or attach webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
