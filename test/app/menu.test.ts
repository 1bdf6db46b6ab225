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
});
