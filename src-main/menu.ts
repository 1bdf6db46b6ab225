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
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] },
    // "?" types a question mark in a text field, so the menu item has no accelerator of its own.
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts', click: () => actions.sendToFocused('shortcuts') }] },
  ];
}
