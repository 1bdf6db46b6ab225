import { useEffect, useRef } from 'react';
import type { Status } from '../api/contract.js';
import { isTyping } from '../ui/is-typing.js';

export interface CurationKeyActions {
  readonly previous: () => void;
  readonly next: () => void;
  readonly status: (status: Status) => void;
  readonly favourite: () => void;
  /** `?`: the list of every shortcut. */
  readonly help: () => void;
}

const STATUS_KEYS: Record<string, Status> = { d: 'done', r: 'review', p: 'pending' };

/**
 * Keyboard curation for the workset view: ←/↑ previous and →/↓ next entry, D done, R review,
 * P pending, F favourite, ? every shortcut. Ignored while typing, with Ctrl, Alt or Meta held
 * (Ctrl+R reloads), or while a dialog is open over the view. Shift is allowed for `?` only.
 */
export function useCurationKeys(actions: CurationKeyActions, enabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.shiftKey && event.key !== '?') return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const act = latest.current;
      if (key === 'ArrowLeft' || key === 'ArrowUp') act.previous();
      else if (key === 'ArrowRight' || key === 'ArrowDown') act.next();
      else if (key === '?') act.help();
      else if (key in STATUS_KEYS) act.status(STATUS_KEYS[key]);
      else if (key === 'f') act.favourite();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
