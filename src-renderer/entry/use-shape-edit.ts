import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { FieldEdit, SavedEntry } from '../api/contract.js';
import { useEntryEdit } from '../hooks/use-entry-edit.js';
import { useUndoStack } from '../undo/use-undo.js';

/**
 * Adds, deletes or moves a part of the open entry against the version shown, and puts the change
 * on the window's undo stack. Such a change never merges: if the entry changed since (someone
 * else's edit shifted the senses), the current entry is shown and the person is told to look again.
 */
export function useShapeEdit(dictionary: string, guid: string, headword: string) {
  const { save, accept } = useEntryEdit(dictionary, guid);
  const undo = useUndoStack();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  const change = async (edit: FieldEdit, label: string, version: string): Promise<SavedEntry | null> => {
    setNotice(null);
    setError(null);
    try {
      const outcome = await save(edit, version);
      if ('conflict' in outcome) {
        accept(outcome.conflict);
        const who = outcome.conflict.change?.who;
        setNotice(`${who ? `${who} changed` : 'Someone changed'} this entry since you opened it, so it was not done: it is shown as it is now; ${label} again if it is still wanted.`);
        return null;
      }
      if (outcome.saved.change !== undefined) undo.record({ dictionary, guid, seq: outcome.saved.change, label: headword ? `${label} of ‘${headword}’` : label });
      return outcome.saved;
    } catch (failure) {
      setError(asApiCallError('entries.edit', failure));
      return null;
    }
  };
  return { change, notice, error, dismiss: () => setNotice(null) };
}
