import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { PageSortKey, Status } from '../api/contract.js';
import { RowsStore, type RowsSnapshot } from '../workset-view/rows-store.js';
import { useApi, useApiContext } from './api-context.js';
import { useEvent } from './use-event.js';

/** How the work list is shown: the order and the filter, as `worksets.page` and `navigate` take them. */
export interface RowsView {
  readonly sort: { readonly by: PageSortKey; readonly dir: 'asc' | 'desc' };
  readonly status?: readonly Status[];
  readonly favourite?: boolean;
  /** Only the entries assigned to this person ("my entries"). */
  readonly assignedTo?: string;
}

/**
 * Bulk runs send a burst of `entries-changed`: one refetch per 150 ms is enough. The timer is
 * not restarted by later events, so a steady stream of them still refreshes the rows.
 */
const REFRESH_DELAY_MS = 150;

/**
 * The rows of a workset in a view, paged in as they scroll into sight, and refreshed when the
 * work list (`worksets-changed` for this workset) or its dictionary's entries change — from this
 * window or any other — or when the connection comes back.
 */
export function useWorksetRows(worksetId: number, dictionary: string | null, view: RowsView): RowsSnapshot & { show: (first: number, last: number) => void; invalidate: () => void; guidsBetween: (first: number, last: number) => Promise<string[]> } {
  const api = useApi();
  const { connection } = useApiContext();
  const viewKey = JSON.stringify(view);
  const store = useMemo(() => {
    const { sort, status, favourite, assignedTo } = JSON.parse(viewKey) as RowsView;
    return new RowsStore((offset, limit) => api.worksets.page({ id: worksetId, offset, limit, sort, status: status ? [...status] : undefined, favourite, assignedTo }));
  }, [api, worksetId, viewKey]);
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);

  const refresh = useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        store.invalidate();
      }, REFRESH_DELAY_MS);
    };
  }, [store]);
  useEvent('worksets-changed', (event) => {
    if (event.worksetId === worksetId) refresh();
  });
  useEvent('entries-changed', (event) => {
    if (event.dictionary === dictionary) refresh();
  });
  useEffect(() => connection.subscribe(() => connection.get().status === 'open' && refresh()), [connection, refresh]);

  return { ...snapshot, show: store.show, invalidate: store.invalidate, guidsBetween: store.guidsBetween };
}
