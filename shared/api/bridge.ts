import type { MethodName } from './index';

/** The IPC channel every API call goes through. */
export const apiChannel = 'api';

/** The channel for calls answered before the page goes on (`Bridge.invokeNow`). */
export const apiNowChannel = 'api-now';

/**
 * The calls a page may make and wait on without yielding: Enter's save alone. The page blocks
 * for the few milliseconds the ballot takes to reach the disk, the keys typed meanwhile wait in
 * the browser's own queue, and the frame after the key already shows the next ballot.
 */
const immediate = ['entry.commit'] as const satisfies readonly MethodName[];
export type ImmediateMethod = (typeof immediate)[number];
export const immediateMethods: ReadonlySet<string> = new Set(immediate);

/** What the preload exposes to the page as `window.congressTally`. */
export interface Bridge {
  invoke(method: string, token: string | null, input: unknown): Promise<unknown>;
  /** One of `immediateMethods`, answered before it returns. */
  invokeNow(method: string, token: string | null, input: unknown): unknown;
}

export interface ApiRequest {
  method: string;
  token: string | null;
  input: unknown;
}
