import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../../electron/content-policy';
import { isAppMainFrame } from '../../../electron/ipc';
import {
  hardenContents,
  hardenSession,
  isAppUrl,
  secureWebPreferences,
} from '../../../electron/security';
import {
  mainWindowOptions,
  mainWindowUrl,
  projectorUrl,
  projectorWindowOptions,
} from '../../../electron/window';

type Listener = (...args: unknown[]) => unknown;

/** Stands in for an Electron session: records every handler the hardening installs. */
function fakeSession() {
  const installed: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => (installed.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => (installed.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => (installed.devicePermission = h),
    setDisplayMediaRequestHandler: (h: Listener) => (installed.displayMedia = h),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, h: Listener) => {
        installed.beforeRequestFilter = () => filter;
        installed.beforeRequest = h;
      },
      onHeadersReceived: (h: Listener) => (installed.headersReceived = h),
    },
    on: (event: string, h: Listener) => (installed[`on:${event}`] = h),
  };
  return { session: session as unknown as Session, installed };
}

function fakeContents() {
  const installed: Record<string, Listener> = {};
  const contents = {
    on: (event: string, h: Listener) => (installed[event] = h),
    setWindowOpenHandler: (h: Listener) => (installed.windowOpen = h),
  };
  return { contents: contents as unknown as WebContents, installed };
}

function need(installed: Record<string, Listener>, name: string): Listener {
  const handler = installed[name];
  if (!handler) throw new Error(`${name} was not installed`);
  return handler;
}

function prevented(handler: Listener, ...args: unknown[]): boolean {
  let result = false;
  handler({ preventDefault: () => (result = true) }, ...args);
  return result;
}

describe('window options', () => {
  const config = { preload: '/app/dist/electron/preload.cjs', devTools: false };

  it.each([
    ['main', mainWindowOptions(config)],
    ['projector', projectorWindowOptions(config, { x: 1920, y: 0, width: 1920, height: 1080 })],
  ])('isolate and sandbox the %s window, without Node or webviews', (_name, options) => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: config.preload,
      devTools: false,
    });
  });

  it('load the renderer from the app:// origin, never http', () => {
    for (const url of [mainWindowUrl, projectorUrl]) {
      expect(url.startsWith('app://congress-tally/')).toBe(true);
    }
    expect(secureWebPreferences).not.toHaveProperty('preload');
  });
});

describe('session hardening', () => {
  it('denies every permission request and check but the camera for the app’s own page', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevTools: false });
    const page = { requestingUrl: 'app://congress-tally/index.html' };
    const granted: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      need(installed, 'permissionRequest')({}, permission, (ok: boolean) => granted.push(ok), page);
      expect(need(installed, 'permissionCheck')({}, permission, 'app://congress-tally', {})).toBe(
        false,
      );
    }
    expect(granted).toEqual([false, false, false, false, false]);
    const media = (details: object) => {
      let answer: boolean | undefined;
      need(installed, 'permissionRequest')({}, 'media', (ok: boolean) => (answer = ok), details);
      return answer;
    };
    expect(media({ ...page, mediaTypes: ['video'] })).toBe(true);
    expect(media({ ...page, mediaTypes: ['audio'] })).toBe(false);
    expect(media({ ...page, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(media({ requestingUrl: 'https://example.com/', mediaTypes: ['video'] })).toBe(false);
    const check = need(installed, 'permissionCheck');
    expect(check({}, 'media', 'app://congress-tally', { mediaType: 'video' })).toBe(true);
    expect(check({}, 'media', 'app://congress-tally', { mediaType: 'audio' })).toBe(false);
    expect(check({}, 'media', 'http://127.0.0.1:8080', { mediaType: 'video' })).toBe(false);
    expect(need(installed, 'devicePermission')({ deviceType: 'usb' })).toBe(false);
    const streams: unknown[] = [];
    need(installed, 'displayMedia')({}, (s: unknown) => streams.push(s));
    expect(streams).toEqual([null]);
  });

  it('blocks every request that is not for the app’s own files', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevTools: false });
    expect(need(installed, 'beforeRequestFilter')()).toEqual({ urls: ['<all_urls>'] });
    const cancelled = (url: string) => {
      let answer: unknown;
      need(installed, 'beforeRequest')(
        { url },
        (response: { cancel: boolean }) => (answer = response.cancel),
      );
      return answer;
    };
    expect(cancelled('app://congress-tally/index.html')).toBe(false);
    expect(cancelled('app://congress-tally/assets/index.js')).toBe(false);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/api/session.status',
      'ws://localhost:9000/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'devtools://devtools/bundled/inspector.html',
      'ftp://example.com/',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
  });

  it('sets a strict Content-Security-Policy on every response', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevTools: false });
    let headers: Record<string, string[]> = {};
    need(installed, 'headersReceived')(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: { responseHeaders: Record<string, string[]> }) =>
        (headers = response.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('refuses downloads', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevTools: false });
    expect(prevented(need(installed, 'on:will-download'))).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts from the app only, and inline styles for antd', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });
});

describe('web contents hardening', () => {
  it('stops navigation, redirects, new windows and webviews', () => {
    const { contents, installed } = fakeContents();
    hardenContents(contents);
    expect(prevented(need(installed, 'will-navigate'), 'https://example.com/')).toBe(true);
    expect(prevented(need(installed, 'will-navigate'), 'app://congress-tally/other.html')).toBe(
      true,
    );
    expect(prevented(need(installed, 'will-redirect'), 'https://example.com/')).toBe(true);
    expect(prevented(need(installed, 'will-attach-webview'), {}, {})).toBe(true);
    expect(need(installed, 'windowOpen')({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as never;

  it('accepts only the top frame of an app:// page', () => {
    expect(isAppMainFrame(frame('app://congress-tally/index.html#/entry'))).toBe(true);
    expect(isAppMainFrame(frame('app://congress-tally/index.html', {}))).toBe(false);
    expect(isAppMainFrame(frame('https://example.com/'))).toBe(false);
    expect(isAppMainFrame(frame('file:///tmp/evil.html'))).toBe(false);
    expect(isAppMainFrame({ senderFrame: null })).toBe(false);
    expect(isAppUrl('app://congress-tally.evil/index.html')).toBe(false);
  });
});
