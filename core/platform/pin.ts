import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: about 0.1 s and 32 MB per check, so a stolen file resists guessing a little. */
const cost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

function derive(
  pin: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, { ...params, maxmem: cost.maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash`, base64url; the parameters travel with the hash so they can change. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) {
    throw new Error('PIN hash in an unknown format');
  }
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(pin, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Wrong PINs allowed before the first lock-out. */
export const freeAttempts = 3;
const firstLockSeconds = 30;
const maxLockSeconds = 15 * 60;

/** How long to refuse sign-in after this many consecutive wrong PINs: 30 s, 60 s, 120 s … 15 min. */
export function lockoutSeconds(failedAttempts: number): number {
  if (failedAttempts < freeAttempts) return 0;
  const doublings = Math.min(failedAttempts - freeAttempts, 10);
  return Math.min(firstLockSeconds * 2 ** doublings, maxLockSeconds);
}

/** Whole seconds until `lockedUntil`, or 0 if it has passed. */
export function secondsLeft(lockedUntil: string | null, now: Date): number {
  if (lockedUntil === null) return 0;
  return Math.max(0, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
}
