import { ENTRY_MENU, WORKSET_MENU, type WorksetMenuItem } from './domain/workset-menu.js';
import type { MenuCommand } from './ipc/contract.js';

/**
 * The application menu as plain data (Electron builds it in index.ts): File, Edit, Window with
 * the standard roles and shortcuts. Kept apart so index.ts stays a screen long.
 */
type Role = 'cut' | 'copy' | 'paste' | 'selectAll' | 'close' | 'minimize' | 'zoom' | 'quit' | 'reload' | 'toggleDevTools' | 'togglefullscreen' | 'front';

export interface MenuItem {
  readonly label?: string;
  readonly role?: Role;
  readonly accelerator?: string;
  /**
   * false: the key is shown beside the item but left to the window (a letter key types into a
   * text field and curates only outside one, so the renderer decides). Electron's own option.
   */
  readonly registerAccelerator?: boolean;
  readonly type?: 'separator';
  readonly click?: () => void;
  readonly submenu?: MenuItem[];
}

export interface MenuActions {
  newWindow(): void;
  sendToFocused(command: MenuCommand): void;
}

export function menuTemplate(actions: MenuActions): MenuItem[] {
  const separator: MenuItem = { type: 'separator' };
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Open/Import LIFT…', accelerator: 'CmdOrCtrl+O', click: () => actions.sendToFocused('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendToFocused('export') },
        { label: 'New Workset…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.sendToFocused('new-workset') },
        separator,
        { label: 'New Window', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
        { label: 'Close Window', role: 'close' },
        separator,
        { role: 'quit' },
      ],
    },
    // Undo and Redo go to the window: its last change to the dictionary, or, in a text field, the typing.
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.sendToFocused('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => actions.sendToFocused('redo') },
        separator,
        { label: 'Quick Search…', accelerator: 'CmdOrCtrl+K', click: () => actions.sendToFocused('quick-search') },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'Entry',
      submenu: [...ENTRY_MENU.slice(0, 2).map((item) => menuItem(actions, item)), separator, ...ENTRY_MENU.slice(2).map((item) => menuItem(actions, item))],
    },
    { label: 'Workset', submenu: WORKSET_MENU.map((item) => menuItem(actions, item)) },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] },
    // "?" types a question mark in a text field: shown, and left to the window.
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'Shift+/', registerAccelerator: false, click: () => actions.sendToFocused('shortcuts') }] },
  ];
}

/** An Entry or Workset menu item: sent to the focused window, which carries it out in its workset view. */
function menuItem(actions: MenuActions, item: WorksetMenuItem): MenuItem {
  return { label: item.label, accelerator: item.accelerator, ...(item.windowKey ? { registerAccelerator: false } : {}), click: () => actions.sendToFocused(item.command) };
}
