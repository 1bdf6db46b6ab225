import { useCallback } from 'react';
import type { WorksetQuery } from '../api/contract.js';
import { useApi } from './api-context.js';

/**
 * Changes to worksets. Lists refresh from the `worksets-changed` event every window gets, so
 * nothing here touches the cache.
 */
export function useWorksetActions() {
  const api = useApi();
  const create = useCallback(
    (dictionary: string, name: string, query: WorksetQuery, description?: string) => api.worksets.create({ dictionary, name, query, description }),
    [api],
  );
  const rename = useCallback((id: number, name: string) => api.worksets.rename({ id, name }), [api]);
  const remove = useCallback((id: number) => api.worksets.delete({ id }), [api]);
  const refresh = useCallback((id: number) => api.worksets.refresh({ id }), [api]);
  const setQuery = useCallback((id: number, query: WorksetQuery) => api.worksets.setQuery({ id, query }), [api]);
  const duplicate = useCallback((id: number, name: string) => api.worksets.duplicate({ id, name }), [api]);
  /** Electron opens the window itself; the browser host answers with the address to open. */
  const openInNewWindow = useCallback(
    async (worksetId: number) => {
      const result = await api.windows.open({ worksetId });
      if (!result.opened && result.url) window.open(result.url, '_blank', 'noopener');
    },
    [api],
  );
  return { create, rename, remove, refresh, setQuery, duplicate, openInNewWindow };
}
