/** The IPC channel every API call goes through. */
export const apiChannel = 'api';

/** What the preload exposes to the page as `window.congressTally`. */
export interface Bridge {
  invoke(method: string, token: string | null, input: unknown): Promise<unknown>;
}

export interface ApiRequest {
  method: string;
  token: string | null;
  input: unknown;
}
