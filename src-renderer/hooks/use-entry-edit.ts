import { useCallback } from 'react';
import { ApiCallError } from '../api/api-error.js';
import type { EntryDetail, FieldEdit } from '../api/contract.js';
import { useApiContext } from './api-context.js';
import { keys } from './keys.js';

export type SaveOutcome = { readonly saved: EntryDetail } | { readonly conflict: EntryDetail };

function isEntryDetail(value: unknown): value is EntryDetail {
  return typeof value === 'object' && value !== null && 'version' in value && 'xml' in value && 'view' in value;
}

/**
 * Edits one field of an entry against the version the user started from. A Conflict (someone
 * changed the entry meanwhile) is an outcome, not an error: it carries the current entry, so
 * the pane can show both versions. Any other failure is thrown.
 */
export function useEntryEdit(dictionary: string, guid: string) {
  const { api, cache } = useApiContext();
  const key = keys.entry(dictionary, guid);

  const save = useCallback(
    async (edit: FieldEdit, version: string): Promise<SaveOutcome> => {
      try {
        const saved = await api.entries.edit({ dictionary, guid, version, edit });
        cache.set(key, saved);
        return { saved };
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'Conflict' && isEntryDetail(error.details)) return { conflict: error.details };
        throw error;
      }
    },
    [api, cache, dictionary, guid, key],
  );

  /** Take the current version: show it, drop the user's change. */
  const accept = useCallback((current: EntryDetail) => cache.set(key, current), [cache, key]);

  return { save, accept };
}
