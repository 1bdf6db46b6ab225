import { releaseAllLeases, releaseAllLeasesNow } from './basex/server-launcher.js';
import { createShutdown, type Shutdown } from './shutdown.js';

/** What a running app releases when it quits: its services (and the browser host's sockets). */
export interface Releasable {
  close(): Promise<void>;
}

export interface AppShutdownOptions {
  /** The app once started; undefined, or a rejection, if starting failed. Quitting waits for it. */
  readonly started: Promise<Releasable | undefined>;
  /** Stops new calls first: Electron destroys its windows (the browser host's close does it for serve). */
  readonly closeWindows?: () => void | Promise<void>;
  readonly exit: (code: number) => void;
  readonly deadlineMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * How the app quits, for `serve` and Electron alike: windows closed, the services released,
 * then every BaseX lease this process still holds (one taken by a window reconnecting during
 * the quit included), so the last process to quit stops the embedded server. A quit requested
 * while the app is still starting waits for the start to finish, then releases what it took.
 * Past the deadline the server is stopped by its pid.
 */
export function createAppShutdown(options: AppShutdownOptions): Shutdown {
  return createShutdown({
    cleanup: async () => {
      await options.closeWindows?.();
      const app = await options.started.catch(() => undefined);
      try {
        await app?.close();
      } finally {
        await releaseAllLeases();
      }
    },
    force: releaseAllLeasesNow,
    exit: options.exit,
    deadlineMs: options.deadlineMs,
    log: options.log,
  });
}

/** The part of Electron's quit events this needs (no import of electron here: it is tested under Node). */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface ElectronQuitHandlers {
  /** `window-all-closed`: quit, except on macOS where an app stays in the dock. */
  windowAllClosed(): void;
  /** `will-quit`: hold the quit until the release is done; `shutdown` then exits (app.exit). */
  willQuit(event: PreventableEvent): void;
}

/**
 * Electron's lifecycle wired to the same shutdown as the signals: closing the last window or
 * the menu's Quit reaches will-quit, which is held until everything is released, and exits 0.
 */
export function electronQuitHandlers(shutdown: Shutdown, app: { quit(): void; platform: NodeJS.Platform }): ElectronQuitHandlers {
  return {
    windowAllClosed: () => {
      if (app.platform !== 'darwin') app.quit();
    },
    willQuit: (event) => {
      // Always held: the exit comes from the shutdown (app.exit emits no second will-quit).
      event.preventDefault();
      void shutdown.begin('quit');
    },
  };
}
