import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The loopback host answers only the browser that opened the URL it printed: that URL carries a
 * per-run key, which the host turns into an HttpOnly, SameSite=Strict cookie checked on every
 * request. Other Host headers (DNS rebinding) and cross-origin posts are refused.
 */
export const cookieName = 'congress_tally_host';

export function newHostKey(): string {
  return randomBytes(32).toString('base64url');
}

export function sameKey(given: string | null | undefined, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function keyCookie(key: string): string {
  return `${cookieName}=${key}; HttpOnly; SameSite=Strict; Path=/`;
}

export function cookieKey(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

export function hasKey(request: IncomingMessage, key: string): boolean {
  return sameKey(cookieKey(request), key);
}

export function isOwnHost(request: IncomingMessage, host: string): boolean {
  return request.headers.host === host;
}

/** A browser names the page that sent a POST; it must be the host's own page (or a non-browser client). */
export function isSameOrigin(request: IncomingMessage, origin: string): boolean {
  const from = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  return (from === undefined || from === origin) && (site === undefined || site === 'same-origin');
}
