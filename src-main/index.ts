/**
 * The Electron main process: app and window lifecycle, and the wiring of services to IPC.
 * Every window gets its own BaseX session from the registry when it opens and releases it
 * when it closes; everything else lives in the services.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { startServices, type AppServices } from './app-services.js';
import { AppWindows, electronWindowId } from './app-windows.js';
import { keychainSecrets } from './basex/keychain-secrets.js';
import { releaseAllLeases } from './basex/server-launcher.js';
import { resolveDataFolder } from './data-folder.js';
import { IPC_CALL, IPC_EVENT, type ApiResult, type MenuCommand } from './ipc/contract.js';
import { dispatch } from './ipc/handler-table.js';
import { menuTemplate } from './menu.js';
import { createAppShutdown, electronQuitHandlers } from './shutdown-app.js';
import { logToStderr, onQuitSignals, tolerateClosedTerminal } from './shutdown.js';
import { isNavigationAllowed, isTrustedSender, WEB_PREFERENCES } from './window-security.js';

const RENDERER = join(import.meta.dirname, '../renderer/index.html');
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const windows = new AppWindows<BrowserWindow>();
let services: AppServices | undefined;

// Before ready, or Electron ignores it: each WORKSET_BROWSER_DATA instance then also gets its own
// Chromium profile (cache, local storage, cookies) rather than sharing the default one.
const dataFolder = resolveDataFolder();
app.setPath('userData', dataFolder);

function openWindow(worksetId?: number): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Workset Browser',
    webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD },
  });
  const contentsId = win.webContents.id;
  const attached = services?.attachWindow(electronWindowId(contentsId), (event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
  });
  if (attached) windows.add(contentsId, win, attached);
  win.on('closed', () => void windows.remove(contentsId));
  void win.loadFile(RENDERER, { hash: worksetId ? `workset=${worksetId}` : '' });
  return win;
}

/** Only our own windows, showing our own page, may call. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const isOurWindow = BrowserWindow.fromWebContents(event.sender) !== null && windows.has(event.sender.id) && event.senderFrame === event.sender.mainFrame;
  return isTrustedSender({ isOurWindow, frameUrl: event.senderFrame?.url }, RENDERER);
}

async function handleCall(event: IpcMainInvokeEvent, channel: unknown, args: unknown): Promise<ApiResult<unknown>> {
  if (!services || !trustedSender(event)) return { ok: false, error: { code: 'Invalid', message: 'refused: not a Workset Browser window' } };
  const ctx = windows.contextOf(event.sender.id);
  if (!ctx) return { ok: false, error: { code: 'Invalid', message: 'refused: not a Workset Browser window' } };
  return dispatch(services.table, ctx, channel, args);
}

app.on('web-contents-created', (_, contents) => {
  // Our windows show our page only: no navigation away, no pop-ups (new windows come from main).
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(contents.getURL(), url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

const started = app.whenReady().then(async (): Promise<AppServices | undefined> => {
  try {
    services = await startServices({
      dataFolder,
      platform: 'electron',
      secrets: keychainSecrets(safeStorage),
      importSampleOnFirstRun: true,
      shell: {
        openWindow: async (worksetId?: number) => {
          openWindow(worksetId);
          return { opened: true };
        },
        openLiftDialog: async (id: string) => {
          const win = windows.byWindowId(id);
          if (!win) return null;
          const picked = await dialog.showOpenDialog(win, { properties: ['openFile'], filters: [{ name: 'LIFT dictionary', extensions: ['lift'] }] });
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
        saveLiftDialog: async (id: string, defaultName: string) => {
          const win = windows.byWindowId(id);
          if (!win) return null;
          const picked = await dialog.showSaveDialog(win, { defaultPath: defaultName, filters: [{ name: 'LIFT dictionary', extensions: ['lift'] }] });
          return picked.canceled ? null : (picked.filePath ?? null);
        },
      },
    });
  } catch (error) {
    dialog.showErrorBox('Workset Browser cannot start', error instanceof Error ? error.message : String(error));
    // A start that failed halfway may hold a lease on the BaseX server: give it back first.
    await releaseAllLeases().catch(() => undefined);
    app.exit(1);
    return undefined;
  }
  // Asked to quit while starting: the shutdown releases the services, no window opens.
  if (shutdown.reason) return services;
  ipcMain.handle(IPC_CALL, handleCall);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ newWindow: () => openWindow(), sendToFocused: sendMenu })));
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  return services;
});

function sendMenu(command: MenuCommand): void {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && services) services.bus.emitTo(electronWindowId(focused.webContents.id), 'menu', { command });
}

// Quitting (shutdown-app.ts): the last window closing, the menu's Quit, or SIGINT/SIGTERM/SIGHUP
// from a terminal all end in one release of the services and BaseX, then app.exit.
const shutdown = createAppShutdown({
  started,
  closeWindows: () => BrowserWindow.getAllWindows().forEach((win) => win.destroy()),
  exit: (code) => app.exit(code),
  log: logToStderr,
});
tolerateClosedTerminal();
onQuitSignals(shutdown);
const quit = electronQuitHandlers(shutdown, { quit: () => app.quit(), platform: process.platform });
app.on('window-all-closed', quit.windowAllClosed);
app.on('will-quit', quit.willQuit);
