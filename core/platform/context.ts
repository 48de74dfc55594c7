import type { Store } from '../../db/store';
import type { NetworkStatus } from '../../shared/api/app';
import type { Logger } from './dispatch';
import type { PrintPdf } from '../reports/handlers';
import type { SessionRegistry } from './session-registry';

/** What the main process or the loopback host can do on screen for a service. */
export interface Display {
  /** Opens (or brings forward) the projector window; false where there is none to open. */
  openProjector(): boolean;
}

/** Everything a service handler may use; handlers get it once, when they are created. */
export interface ServiceContext {
  store: Store;
  now: () => Date;
  sessions: SessionRegistry;
  log: Logger;
  display: Display;
  version: string;
  network: () => NetworkStatus;
  /** Prints a report to PDF: Electron's printToPDF in the app, Chromium in the host and tests. */
  printPdf: PrintPdf;
  /**
   * For a restore: closes the database, runs `swap` (which replaces the file), opens it again and
   * rebuilds every handler on it. Every session ends. The same file is reopened if swap throws.
   */
  replaceDatabase<T>(swap: () => T): T;
}

/** Who did something, as the audit log records it. */
export interface Actor {
  name: string;
  role: string;
}

/** Appends one audit row; call it inside the transaction of the change it records. */
export function audit(ctx: ServiceContext, actor: Actor, action: string, payload: unknown): void {
  ctx.store.audit.append({ actor: actor.name, role: actor.role, action, payload });
}
