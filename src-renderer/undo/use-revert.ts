import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiCallError, asApiCallError } from '../api/api-error.js';
import type { EntryConflict, SavedEntry } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { keys } from '../hooks/keys.js';

/** A revert main refused because the part it would put back was changed again since. */
export interface RevertConflict {
  readonly dictionary: string;
  readonly seq: number;
  readonly message: string;
  readonly current: EntryConflict;
}

export type RevertOutcome = { readonly saved: SavedEntry } | { readonly conflict: RevertConflict };

export function isEntryConflict(value: unknown): value is EntryConflict {
  return typeof value === 'object' && value !== null && 'version' in value && 'xml' in value && 'view' in value;
}

/**
 * Reverts one recorded change (undo, redo, "revert this change"). A Conflict is an outcome the
 * window asks the user about (revert anyway, or keep), not an error; the entry shown becomes the
 * one main answered with either way.
 */
export function useRevert() {
  const api = useApi();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const revert = useCallback(
    async (dictionary: string, seq: number, force = false): Promise<RevertOutcome | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const saved = await api.entries.revert({ dictionary, seq, ...(force ? { force } : {}) });
        client.setQueryData(keys.entry(dictionary, saved.view.guid), saved);
        return { saved };
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'Conflict' && isEntryConflict(e.details)) {
          client.setQueryData(keys.entry(dictionary, e.details.view.guid), e.details);
          return { conflict: { dictionary, seq, message: e.message, current: e.details } };
        }
        setError(asApiCallError('entries.revert', e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [api, client],
  );
  return { revert, busy, error, clearError: () => setError(null) };
}
