import { useEffect, useRef } from 'react';
import { useEvent } from '../hooks/use-event.js';

/**
 * Ctrl+K (⌘K) opens the quick search from any view, even while typing in a field (it types
 * nothing there); not over another dialog. In Electron the Edit menu's accelerator sends it as
 * the `quick-search` menu command.
 */
export function useQuickSearchKey(open: () => void): void {
  const latest = useRef(open);
  latest.current = open;

  useEvent('menu', ({ command }) => {
    if (command === 'quick-search' && !document.querySelector('dialog[open]')) latest.current();
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return;
      // The browser's own Ctrl+K (its search bar) is not what a person in the app means.
      event.preventDefault();
      if (!document.querySelector('dialog[open]')) latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
