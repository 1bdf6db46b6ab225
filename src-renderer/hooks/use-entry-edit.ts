import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiCallError } from '../api/api-error.js';
import type { EntryConflict, EntryDetail, FieldEdit, SavedEntry } from '../api/contract.js';
import { isEntryConflict } from '../undo/use-revert.js';
import { useApi } from './api-context.js';
import { keys } from './keys.js';

export type SaveOutcome = { readonly saved: SavedEntry } | { readonly conflict: EntryConflict };

/**
 * Edits one field of an entry against the version the user started from; main merges a change
 * someone made meanwhile to another field. A Conflict (they changed the same field) is an
 * outcome, not an error: it carries the current entry and their change, so the pane can show
 * both versions. Any other failure is thrown.
 */
export function useEntryEdit(dictionary: string, guid: string) {
  const api = useApi();
  const client = useQueryClient();

  const save = useCallback(
    async (edit: FieldEdit, version: string): Promise<SaveOutcome> => {
      try {
        const saved = await api.entries.edit({ dictionary, guid, version, edit });
        // The answer is the entry as saved: shown without a round trip.
        client.setQueryData(keys.entry(dictionary, guid), saved);
        return { saved };
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'Conflict' && isEntryConflict(error.details)) return { conflict: error.details };
        throw error;
      }
    },
    [api, client, dictionary, guid],
  );

  /** Take the current version: show it, drop the user's change. */
  const accept = useCallback(
    (current: EntryDetail) => {
      client.setQueryData(keys.entry(dictionary, guid), current);
    },
    [client, dictionary, guid],
  );

  return { save, accept };
}
