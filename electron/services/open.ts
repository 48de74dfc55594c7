import { openStore, type Store } from '../../db/store';
import { methods } from '../../shared/api';
import type { NetworkStatus } from '../../shared/api/app';
import type { Display, ServiceContext } from './context';
import { createDispatcher, type Dispatch, type Logger } from './dispatch';
import { allHandlers } from './handlers';
import { idleLockMinutes } from './idle-lock';
import { networkStatus } from './network';
import { printWithChromium, type PrintPdf } from './printouts';
import { SessionRegistry } from './session-registry';

export interface ServicesOptions {
  /** The database file; created with the schema if it does not exist. */
  file: string;
  display: Display;
  now?: () => Date;
  log?: Logger;
  network?: () => NetworkStatus;
  /** How reports become PDF; Chromium (started per report) unless the app passes Electron's. */
  printPdf?: PrintPdf;
}

export interface Services {
  dispatch: Dispatch;
  context: ServiceContext;
  store: Store;
  close(): void;
}

export const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

const consoleLog: Logger = { error: (message, error) => console.error(message, error) };

/** Opens the store and wires every area's handlers behind one dispatcher: main, the host and tests share it. */
export function openServices(options: ServicesOptions): Services {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLog;
  const store = openStore(options.file, { now });
  const context: ServiceContext = {
    store,
    now,
    log,
    display: options.display,
    version: appVersion,
    network: options.network ?? (() => networkStatus()),
    printPdf: options.printPdf ?? printWithChromium,
    sessions: new SessionRegistry(now, () => idleLockMinutes(context) * 60_000),
  };
  const dispatch = createDispatcher(methods, allHandlers(context), {
    sessions: context.sessions,
    log,
    databaseFile: options.file,
  });
  return { dispatch, context, store, close: () => store.close() };
}
