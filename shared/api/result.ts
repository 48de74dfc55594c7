/** What went wrong, for code to branch on; the message says it in Chinese for the operator. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unauthenticated'
  | 'session-locked'
  | 'forbidden'
  | 'wrong-pin'
  | 'locked-out'
  | 'not-found'
  | 'conflict'
  | 'invalid-state'
  | 'storage'
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, as a dotted path (`people.0.name`). */
  field?: string;
  /** With 'locked-out': how long until the next attempt is accepted. */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  extra: Partial<ApiError> = {},
): { ok: false; error: ApiError } {
  return { ok: false, error: { ...extra, code, message } };
}
