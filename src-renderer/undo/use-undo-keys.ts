import { useEffect, useRef } from 'react';
import { useApi } from '../hooks/api-context.js';
import { useEvent } from '../hooks/use-event.js';
import { isTyping } from '../ui/is-typing.js';

interface UndoActions {
  readonly undo: () => void;
  readonly redo: () => void;
}

/**
 * Ctrl+Z (⌘Z) undoes this window's last change, Ctrl+Shift+Z or Ctrl+Y redoes it; in a text
 * field they stay the field's own undo of typing. In Electron the Edit menu owns the shortcuts
 * and sends them here as `menu` commands, which go to the text field being typed in, if any.
 */
export function useUndoKeys(actions: UndoActions, enabled: boolean): void {
  const api = useApi();
  const latest = useRef(actions);
  latest.current = actions;

  useEvent('menu', ({ command }) => {
    if (command !== 'undo' && command !== 'redo') return;
    // The menu took the shortcut from the page: a field being typed in still gets its own undo.
    if (isTyping(document.activeElement)) document.execCommand(command);
    else if (enabled && !document.querySelector('dialog[open]')) latest.current[command]();
  });

  useEffect(() => {
    if (!enabled || api.platform === 'electron') return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) latest.current.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') latest.current.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, api.platform]);
}
