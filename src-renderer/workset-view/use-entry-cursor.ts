import { useCallback, useRef, useState, type RefObject } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { Status, WorksetEntry } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { useCuration } from '../hooks/use-curation.js';
import type { RowsView } from '../hooks/use-workset-rows.js';
import type { RowsSnapshot } from './rows-store.js';
import type { TableHandle } from './WorksetTable.js';

/** Of two copies of a row (ours, the list's), the one changed last: another window's edit wins over a stale copy. */
function freshest(a: WorksetEntry, b: WorksetEntry | undefined): WorksetEntry {
  if (!b) return a;
  return (b.modified ?? '') >= (a.modified ?? '') ? b : a;
}

/**
 * The open entry of a workset view and what the keyboard does to it: move to the previous/next
 * entry in the list's order and filter (`worksets.navigate`, so it works past the loaded pages),
 * set its status, toggle its favourite, save its notes.
 */
export function useEntryCursor(worksetId: number, view: RowsView, rows: RowsSnapshot, table: RefObject<TableHandle | null>) {
  const api = useApi();
  const curation = useCuration(worksetId);
  const [selected, setSelected] = useState<WorksetEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Where the open entry was last seen in the list: the next one is found there when the open entry was filtered out.
  const lastIndex = useRef(-1);

  const index = selected ? rows.indexOf(selected.guid) : -1;
  if (index >= 0) lastIndex.current = index;
  const current = selected ? freshest(selected, index >= 0 ? rows.rowAt(index) : undefined) : null;

  const open = useCallback((entry: WorksetEntry, at?: number) => {
    setSelected(entry);
    setNotice(null);
    setError(null);
    if (at !== undefined && at >= 0) {
      lastIndex.current = at;
      table.current?.scrollToIndex(at);
    }
  }, [table]);

  const move = useCallback(
    async (direction: 'previous' | 'next') => {
      try {
        const found = await api.worksets.navigate({ id: worksetId, guid: current?.guid, direction, sort: view.sort, status: view.status ? [...view.status] : undefined, favourite: view.favourite, assignedTo: view.assignedTo });
        if (!found) {
          setNotice(direction === 'next' ? 'That was the last entry in this list.' : 'That was the first entry in this list.');
          return;
        }
        const known = rows.indexOf(found.guid);
        const stillListed = index >= 0;
        const guess = !current ? (direction === 'next' ? 0 : (rows.total ?? 1) - 1) : direction === 'next' ? lastIndex.current + (stillListed ? 1 : 0) : lastIndex.current - 1;
        open(found, known >= 0 ? known : guess);
      } catch (e) {
        setError(asApiCallError('worksets.navigate', e));
      }
    },
    [api, worksetId, current, view, rows, index, open],
  );

  const curate = useCallback(
    async (change: (guid: string) => Promise<WorksetEntry>): Promise<boolean> => {
      if (!current) return false;
      setBusy(true);
      setError(null);
      try {
        setSelected(await change(current.guid));
        return true;
      } catch (e) {
        setError(asApiCallError('worksets.setStatus', e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [current],
  );

  return {
    current,
    busy,
    error,
    notice,
    open,
    move,
    setStatus: (status: Status) => curate((guid) => curation.setStatus(guid, status)),
    toggleFavourite: () => curate((guid) => curation.setFavourite(guid, !current?.favourite)),
    saveNotes: async (notes: string) => {
      if (!current) return;
      setSelected(await curation.setNotes(current.guid, notes));
    },
  };
}
