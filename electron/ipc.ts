import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { apiChannel, apiNowChannel, type ApiRequest } from '../shared/api/bridge';
import { fail } from '../shared/api/result';
import { isAppUrl } from './security';
import type { Dispatch } from '../core/platform/dispatch';

/** Calls are accepted only from the top frame of a page the app itself loaded. */
export function isAppMainFrame(
  event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>,
): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerApi(ipcMain: Pick<IpcMain, 'handle' | 'on'>, dispatch: Dispatch): void {
  ipcMain.handle(apiChannel, (event, request: unknown) => {
    const refused = refusal(event, request);
    if (refused) return refused;
    const { method, input, token } = request as ApiRequest;
    return dispatch(method, input, token);
  });
  // The page is blocked until returnValue is set, so it is set on every path, a bug's included.
  ipcMain.on(apiNowChannel, (event, request: unknown) => {
    const refused = refusal(event, request);
    if (refused) {
      event.returnValue = refused;
      return;
    }
    const { method, input, token } = request as ApiRequest;
    try {
      event.returnValue = dispatch.now(method, input, token);
    } catch {
      event.returnValue = fail(
        'internal',
        '程序内部错误，操作没有完成；详情已记录，请联系技术支持',
      );
    }
  });
}

function refusal(event: Pick<IpcMainEvent, 'senderFrame'>, request: unknown) {
  if (!isAppMainFrame(event)) return fail('forbidden', '拒绝了一个不是来自本程序页面的请求');
  if (!isRequest(request))
    return fail('invalid-argument', '请求格式无效：应包含 method、token 与 input');
  return undefined;
}

function isRequest(
  value: unknown,
): value is { method: string; token: string | null; input: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const { method, token } = value as Record<string, unknown>;
  return typeof method === 'string' && (token === null || typeof token === 'string');
}
