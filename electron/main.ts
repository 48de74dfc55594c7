import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import { StoreError } from '../db/errors';
import { serveAppRequest } from './app-protocol';
import { databasePath } from './database-path';
import { registerApi } from './ipc';
import { openElectronPrinter } from './printing';
import { openProjector } from './projector';
import { appScheme, appSchemePrivileges, hardenContents, hardenSession } from './security';
import { openServices, type Services } from '../core/platform/open';
import type { PdfPrinter } from '../core/reports/printer';
import { mainWindowOptions, mainWindowUrl, type WindowConfig } from './window';

const rendererDir = join(__dirname, '../renderer');
const windowConfig: WindowConfig = {
  preload: join(__dirname, 'preload.cjs'),
  devTools: !app.isPackaged,
};

let mainWindow: BrowserWindow | undefined;
let services: Services | undefined;
/** Opened on the first report printed (ballots, sign-in sheet, …), then reused. */
let printer: Promise<PdfPrinter> | undefined;

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  app.whenReady().then(ready).catch(fatal);
} else {
  app.quit();
}

function ready(): void {
  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, { allowDevTools: windowConfig.devTools });
  session.defaultSession.protocol.handle(appScheme, (request) =>
    serveAppRequest(rendererDir, request),
  );
  const file = databasePath(process.argv, app.getPath('userData'));
  try {
    services = openServices({
      file,
      display: { openProjector: () => openProjector(windowConfig) },
      printPdf: (report) => (printer ??= openElectronPrinter()).then((p) => p.print(report)),
    });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    dialog.showErrorBox('无法打开数据库', error.message);
    app.quit();
    return;
  }
  registerApi(ipcMain, services.dispatch);
  mainWindow = createMainWindow();
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(windowConfig));
  window.once('ready-to-show', () => window.show());
  // Everything entered is already on disk: after a renderer crash, loading the page again resumes.
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error('界面进程意外退出，正在重新载入', details.reason);
    if (details.reason !== 'clean-exit') window.webContents.reload();
  });
  window.on('closed', () => {
    mainWindow = undefined;
  });
  window.loadURL(mainWindowUrl).catch(fatal);
  return window;
}

function fatal(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('程序启动失败', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
