import type { Api, ApiInput, ApiOutput, MethodName, Result } from '../shared/api';
import type { ImmediateMethod } from '../shared/api/bridge';
import type { ErrorCode } from '../shared/api/result';

/**
 * The renderer's only way to the services: through the preload bridge in the Electron window,
 * over HTTP to the loopback host otherwise. Every call returns a Result; the session token is
 * attached here, so pages never handle it.
 */
let token: string | null = null;
let onSessionLost: ((code: 'unauthenticated' | 'session-locked') => void) | undefined;

export function setToken(next: string | null): void {
  token = next;
}

/** Called when a call finds the session gone or locked, so the shell can show sign-in or the lock screen. */
export function setSessionLostListener(
  listener: (code: 'unauthenticated' | 'session-locked') => void,
): void {
  onSessionLost = listener;
}

export async function call<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
): Promise<Result<ApiOutput<M>>> {
  const sentWith = token;
  const result = (await transport(method, input)) as Result<ApiOutput<M>>;
  if (!result.ok && sentWith !== null && isSessionLoss(result.error.code)) {
    onSessionLost?.(result.error.code);
  }
  return result;
}

/**
 * One of the calls answered before the page goes on (`immediateMethods`: Enter's save): the page
 * is blocked for the few milliseconds it takes, and keys pressed meanwhile wait in the browser's
 * queue, so the frame after Enter already shows the next ballot.
 */
export function callNow<M extends ImmediateMethod>(
  method: M,
  input: ApiInput<M>,
): Result<ApiOutput<M>> {
  const sentWith = token;
  const result = transportNow(method, input) as Result<ApiOutput<M>>;
  if (!result.ok && sentWith !== null && isSessionLoss(result.error.code)) {
    onSessionLost?.(result.error.code);
  }
  return result;
}

/** `api['people.add']({ name, role, pin })`: the same call, typed per method. */
export const api = new Proxy({} as Api, {
  get: (_target, method) => (input: unknown) => call(String(method) as MethodName, input as never),
});

function isSessionLoss(code: ErrorCode): code is 'unauthenticated' | 'session-locked' {
  return code === 'unauthenticated' || code === 'session-locked';
}

const internal = {
  ok: false,
  error: { code: 'internal', message: '程序内部错误，操作没有完成；详情已记录，请联系技术支持' },
} as const;

const unavailable = {
  ok: false,
  error: { code: 'unavailable', message: '无法连接计票服务：本机服务已停止，请重新启动程序' },
} as const;

async function transport(method: string, input: unknown): Promise<Result<unknown>> {
  const bridge = window.congressTally;
  if (bridge) {
    try {
      return (await bridge.invoke(method, token, input)) as Result<unknown>;
    } catch (error) {
      console.error(`操作 ${method} 出现程序错误`, error);
      return internal;
    }
  }
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ token, input }),
    });
  } catch {
    return unavailable;
  }
  if (response.status >= 500) return internal;
  return (await response.json()) as Result<unknown>;
}

/**
 * Through the bridge's synchronous message in the Electron window; otherwise a synchronous
 * request to the loopback host, which serves only 127.0.0.1, so no network can hold the page.
 */
function transportNow(method: string, input: unknown): Result<unknown> {
  const bridge = window.congressTally;
  if (bridge) {
    try {
      return bridge.invokeNow(method, token, input) as Result<unknown>;
    } catch (error) {
      console.error(`操作 ${method} 出现程序错误`, error);
      return internal;
    }
  }
  const request = new XMLHttpRequest();
  try {
    request.open('POST', `/api/${method}`, false);
    request.setRequestHeader('Content-Type', 'application/json');
    request.send(JSON.stringify({ token, input }));
  } catch {
    return unavailable;
  }
  if (request.status === 0) return unavailable;
  if (request.status >= 500) return internal;
  return JSON.parse(request.responseText) as Result<unknown>;
}
