import { useRef } from 'react';
import { ENTRY_MENU, WORKSET_MENU, type WorksetMenuCommand } from '../api/contract.js';
import { useEvent } from '../hooks/use-event.js';

/** What the workset view does for each command of Electron's Entry and Workset menus. */
export type WorksetMenuActions = Record<WorksetMenuCommand, () => void>;

const COMMANDS: ReadonlySet<string> = new Set([...ENTRY_MENU, ...WORKSET_MENU].map((item) => item.command));

export function isWorksetMenuCommand(command: string): command is WorksetMenuCommand {
  return COMMANDS.has(command);
}

/**
 * Carries out the Entry and Workset menus' commands in the open workset view, unless a dialog is
 * open over it (as its keys do). The record type makes every command of the menu have an action.
 */
export function useWorksetMenu(actions: WorksetMenuActions, enabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEvent('menu', ({ command }) => {
    if (!enabled || !isWorksetMenuCommand(command) || document.querySelector('dialog[open]')) return;
    latest.current[command]();
  });
}
