import { useCallback } from 'react';
import type { Status, WorksetEntry } from '../api/contract.js';
import { useApi } from './api-context.js';

/**
 * A workset's curation of one entry: status, favourite, notes. Each call answers with the
 * updated row; lists and progress bars follow from the `worksets-changed` event.
 */
export function useCuration(worksetId: number) {
  const api = useApi();
  const setStatus = useCallback((guid: string, status: Status): Promise<WorksetEntry> => api.worksets.setStatus({ id: worksetId, guid, status }), [api, worksetId]);
  const setFavourite = useCallback((guid: string, favourite: boolean): Promise<WorksetEntry> => api.worksets.setFavourite({ id: worksetId, guid, favourite }), [api, worksetId]);
  const setNotes = useCallback((guid: string, notes: string): Promise<WorksetEntry> => api.worksets.setNotes({ id: worksetId, guid, notes }), [api, worksetId]);
  return { setStatus, setFavourite, setNotes };
}
