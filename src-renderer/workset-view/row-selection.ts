import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** The most rows one selection holds: what `bulk.preview` takes at once. */
export const MOST_SELECTED = 100_000;

export interface RowSelection {
  readonly guids: ReadonlySet<string>;
  /** Ctrl/Cmd+click or Space: the row in or out; it becomes the anchor of the next Shift+click. */
  toggle(guid: string, index: number): void;
  /** Shift+click: every row from the anchor to this one, added (their guids as the rows store gives them). */
  extend(index: number, guidsBetween: (from: number, to: number) => Promise<string[]>): Promise<void>;
  clear(): void;
}

/**
 * The rows a person picked in one workset view, by guid, so the choice outlives paging and
 * scrolling (the virtual table drops rows off screen). A new workset starts with none.
 */
export function useRowSelection(worksetId: number): RowSelection {
  const [guids, setGuids] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    setGuids(new Set());
    anchor.current = null;
  }, [worksetId]);

  const toggle = useCallback((guid: string, index: number) => {
    anchor.current = index;
    setGuids((current) => {
      const next = new Set(current);
      if (next.has(guid)) next.delete(guid);
      else if (next.size < MOST_SELECTED) next.add(guid);
      return next;
    });
  }, []);

  const extend = useCallback(async (index: number, guidsBetween: (from: number, to: number) => Promise<string[]>) => {
    const from = anchor.current ?? index;
    anchor.current = index;
    const range = await guidsBetween(Math.min(from, index), Math.max(from, index));
    setGuids((current) => {
      const next = new Set(current);
      for (const guid of range) if (next.size < MOST_SELECTED) next.add(guid);
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setGuids(new Set());
  }, []);

  return useMemo(() => ({ guids, toggle, extend, clear }), [guids, toggle, extend, clear]);
}
