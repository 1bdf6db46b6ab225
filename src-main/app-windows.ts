import type { HandlerContext } from './ipc/handler-table.js';
import type { AttachedWindow } from './ipc/window-attachment.js';

/** What the list needs of a window: Electron's BrowserWindow has it, and so does a test's stand-in. */
export interface ListedWindow {
  isDestroyed(): boolean;
}

/** The window id handlers see for the window whose webContents has this id. */
export function electronWindowId(contentsId: number): string {
  return `electron-${contentsId}`;
}

/**
 * The desktop app's open windows, by webContents id (what an IPC event names as its sender):
 * whether a call came from one of ours, the ctx it is handled with, and which window a handler's
 * windowId names (dialogs open over the window that asked, or not at all). Kept apart from
 * index.ts so the lifecycle is tested without Electron.
 */
export class AppWindows<W extends ListedWindow> {
  private readonly windows = new Map<number, { readonly win: W; readonly attached: AttachedWindow }>();

  add(contentsId: number, win: W, attached: AttachedWindow): void {
    this.windows.set(contentsId, { win, attached });
  }

  /** The window closed: it leaves the list and gives back its session, events and grants. */
  async remove(contentsId: number): Promise<void> {
    const listed = this.windows.get(contentsId);
    this.windows.delete(contentsId);
    await listed?.attached.detach();
  }

  has(contentsId: number): boolean {
    return this.windows.has(contentsId);
  }

  /** The ctx for a call from this webContents; undefined when it is not one of our windows. */
  contextOf(contentsId: number): HandlerContext | undefined {
    return this.windows.get(contentsId)?.attached.ctx;
  }

  /** The open window a handler's ctx.windowId names. */
  byWindowId(windowId: string): W | undefined {
    for (const { win, attached } of this.windows.values()) if (attached.ctx.windowId === windowId && !win.isDestroyed()) return win;
    return undefined;
  }
}
