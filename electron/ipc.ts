import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiChannel } from '../shared/api/bridge';
import { fail } from '../shared/api/result';
import { isAppUrl } from './security';
import type { Dispatch } from '../core/platform/dispatch';

/** Calls are accepted only from the top frame of a page the app itself loaded. */
export function isAppMainFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  ipcMain.handle(apiChannel, (event, request: unknown) => {
    if (!isAppMainFrame(event)) {
      return fail('forbidden', '拒绝了一个不是来自本程序页面的请求');
    }
    if (!isRequest(request))
      return fail('invalid-argument', '请求格式无效：应包含 method、token 与 input');
    return dispatch(request.method, request.input, request.token);
  });
}

function isRequest(
  value: unknown,
): value is { method: string; token: string | null; input: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const { method, token } = value as Record<string, unknown>;
  return typeof method === 'string' && (token === null || typeof token === 'string');
}
