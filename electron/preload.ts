import { contextBridge, ipcRenderer } from 'electron';
import { apiChannel, apiNowChannel, type ApiRequest, type Bridge } from '../shared/api/bridge';

/** The page's only way to main: one message per API call, nothing else of Electron or Node. */
const bridge: Bridge = {
  invoke(method, token, input) {
    const request: ApiRequest = { method, token, input };
    return ipcRenderer.invoke(apiChannel, request);
  },
  invokeNow(method, token, input) {
    const request: ApiRequest = { method, token, input };
    return ipcRenderer.sendSync(apiNowChannel, request) as unknown;
  },
};

contextBridge.exposeInMainWorld('congressTally', bridge);
