/**
 * The application menu as plain data (Electron builds it in index.ts): File, Edit, Window with
 * the standard roles and shortcuts. Kept apart so index.ts stays a screen long.
 */
type Role = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'close' | 'minimize' | 'zoom' | 'quit' | 'reload' | 'toggleDevTools' | 'togglefullscreen' | 'front';

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
  sendToFocused(command: 'import' | 'export' | 'new-workset'): void;
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
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] },
  ];
}
