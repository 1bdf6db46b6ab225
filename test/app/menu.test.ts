import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src-main/ipc/contract.js';
import { menuTemplate, type MenuItem } from '../../src-main/menu.js';

/** The Edit menu's Undo and Redo go to the focused window (its last change, or the text field's typing). */
describe('the application menu', () => {
  it('sends Undo and Redo to the focused window with their shortcuts, and keeps the clipboard roles', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ newWindow: () => undefined, sendToFocused: (command) => sent.push(command) });
    const edit = template.find((menu) => menu.label === 'Edit')?.submenu ?? [];
    const item = (label: string): MenuItem | undefined => edit.find((i) => i.label === label);
    expect(item('Undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(item('Redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    item('Undo')?.click?.();
    item('Redo')?.click?.();
    expect(sent).toEqual(['undo', 'redo']);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('has Quick Search on Ctrl+K and the list of shortcuts under Help, both sent to the focused window', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ newWindow: () => undefined, sendToFocused: (command) => sent.push(command) });
    const search = template.find((menu) => menu.label === 'Edit')?.submenu?.find((i) => i.label === 'Quick Search…');
    const shortcuts = template.find((menu) => menu.label === 'Help')?.submenu?.find((i) => i.label === 'Keyboard Shortcuts');
    expect(search?.accelerator).toBe('CmdOrCtrl+K');
    search?.click?.();
    shortcuts?.click?.();
    expect(sent).toEqual(['quick-search', 'shortcuts']);
  });

  it('has every action of the workset view in the Entry and Workset menus, each with its own accelerator', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate({ newWindow: () => undefined, sendToFocused: (command) => sent.push(command) });
    const items = (menu: string): MenuItem[] => (template.find((m) => m.label === menu)?.submenu ?? []).filter((i) => i.type !== 'separator');
    const entry = items('Entry');
    const workset = items('Workset');
    expect(entry.map((i) => `${i.label} ${i.accelerator}`)).toEqual(['Previous Entry Up', 'Next Entry Down', 'Mark Done D', 'Mark for Review R', 'Mark Pending P', 'Favourite F']);
    // A letter or an arrow types or moves in a text field: the window decides, so the menu only shows it.
    expect(entry.every((i) => i.registerAccelerator === false)).toBe(true);
    expect(workset.map((i) => i.label)).toEqual(['Bulk Edit…', 'Spreadsheet…', 'Assign…', 'Edit Query…', 'Re-run Query', 'Columns…', 'Open in New Window']);
    expect(workset.every((i) => /^CmdOrCtrl\+/.test(i.accelerator ?? '') && i.registerAccelerator !== false)).toBe(true);
    for (const item of [...entry, ...workset]) item.click?.();
    expect(sent).toEqual(['previous-entry', 'next-entry', 'mark-done', 'mark-review', 'mark-pending', 'favourite', 'bulk-edit', 'spreadsheet', 'assign', 'edit-query', 'rerun-query', 'columns', 'open-in-new-window']);
    const all = template.flatMap((m) => m.submenu ?? []).map((i) => i.accelerator).filter((a): a is string => a !== undefined);
    expect(new Set(all).size).toBe(all.length);
  });
});
