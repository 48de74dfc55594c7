import { openStore, type Store } from '../../db/store';
import { methods } from '../../shared/api';
import type { NetworkStatus } from '../../shared/api/app';
import type { Display, ServiceContext } from './context';
import { createDispatcher, type Dispatch, type Logger } from './dispatch';
import { startBackupSchedule } from '../export/backup/handlers';
import { allHandlers } from './method-table';
import { guardArchived } from './archived';
import { idleLockMinutes } from './idle-lock';
import { networkStatus } from './network';
import { printWithChromium, type PrintPdf } from '../reports/handlers';
import { closeScanWatchers } from '../entry/scan/watch';
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
  const sessions = () => new SessionRegistry(now, () => idleLockMinutes(context) * 60_000);
  const context: ServiceContext = {
    store: openStore(options.file, { now }),
    now,
    log,
    display: options.display,
    version: appVersion,
    network: options.network ?? (() => networkStatus()),
    printPdf: options.printPdf ?? printWithChromium,
    sessions: sessions(),
    replaceDatabase(swap) {
      closeScanWatchers(context);
      context.store.close();
      try {
        return swap();
      } finally {
        context.store = openStore(options.file, { now });
        context.sessions = sessions();
        dispatch = dispatcher();
      }
    },
  };
  // Handlers are built on the store they are given: a restore builds them again (replaceDatabase).
  const dispatcher = () =>
    createDispatcher(
      methods,
      guardArchived(() => context.store, allHandlers(context)),
      {
        sessions: context.sessions,
        log,
        databaseFile: options.file,
      },
    );
  let dispatch = dispatcher();
  const stopBackups = startBackupSchedule(context);
  return {
    dispatch: Object.assign(
      (method: string, input: unknown, token: string | null | undefined) =>
        dispatch(method, input, token),
      {
        now: (method: string, input: unknown, token: string | null | undefined) =>
          dispatch.now(method, input, token),
      },
    ),
    context,
    get store() {
      return context.store;
    },
    close() {
      stopBackups();
      closeScanWatchers(context);
      context.store.close();
    },
  };
}
