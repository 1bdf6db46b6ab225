/**
 * The commands of the desktop app's Entry and Workset menus, with their accelerators (Electron's
 * names). One list: the menu is built from it and the shortcuts dialog shows it.
 */
export interface WorksetMenuItem {
  readonly label: string;
  readonly command: WorksetMenuCommand;
  readonly accelerator: string;
  /**
   * The window's own key (a letter or an arrow, which types or moves in a text field): the menu
   * shows it and leaves it to the window, which curates only outside text fields.
   */
  readonly windowKey?: true;
}

export const ENTRY_MENU: readonly WorksetMenuItem[] = [
  { label: 'Previous Entry', command: 'previous-entry', accelerator: 'Up', windowKey: true },
  { label: 'Next Entry', command: 'next-entry', accelerator: 'Down', windowKey: true },
  { label: 'Mark Done', command: 'mark-done', accelerator: 'D', windowKey: true },
  { label: 'Mark for Review', command: 'mark-review', accelerator: 'R', windowKey: true },
  { label: 'Mark Pending', command: 'mark-pending', accelerator: 'P', windowKey: true },
  { label: 'Favourite', command: 'favourite', accelerator: 'F', windowKey: true },
];

export const WORKSET_MENU: readonly WorksetMenuItem[] = [
  { label: 'Bulk Edit…', command: 'bulk-edit', accelerator: 'CmdOrCtrl+B' },
  { label: 'Spreadsheet…', command: 'spreadsheet', accelerator: 'CmdOrCtrl+Shift+S' },
  { label: 'Assign…', command: 'assign', accelerator: 'CmdOrCtrl+Shift+A' },
  { label: 'Edit Query…', command: 'edit-query', accelerator: 'CmdOrCtrl+Shift+E' },
  { label: 'Re-run Query', command: 'rerun-query', accelerator: 'CmdOrCtrl+Shift+R' },
  { label: 'Columns…', command: 'columns', accelerator: 'CmdOrCtrl+Shift+L' },
  { label: 'Open in New Window', command: 'open-in-new-window', accelerator: 'CmdOrCtrl+Shift+O' },
];

export type WorksetMenuCommand =
  | 'previous-entry'
  | 'next-entry'
  | 'mark-done'
  | 'mark-review'
  | 'mark-pending'
  | 'favourite'
  | 'bulk-edit'
  | 'spreadsheet'
  | 'assign'
  | 'edit-query'
  | 'rerun-query'
  | 'columns'
  | 'open-in-new-window';

/** An accelerator as a person reads it on this machine: Ctrl+Shift+B, ↑. */
export function shownAccelerator(accelerator: string): string {
  return accelerator.replace('CmdOrCtrl', 'Ctrl').replace(/^Up$/, '↑').replace(/^Down$/, '↓');
}
