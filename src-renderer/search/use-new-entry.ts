import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { EntryViewModel } from '../api/contract.js';
import { firstFormLang } from '../entry/view-text.js';
import { useApi } from '../hooks/api-context.js';
import { useVocabulary } from '../hooks/use-data.js';
import { useUndoStack } from '../undo/use-undo.js';

/**
 * "New entry": an entry with the searched text as its headword, in the writing system most of
 * the dictionary's headwords use, then opened. Undoable like any change.
 */
export function useNewEntry(dictionary: string, found: readonly EntryViewModel[], onCreated: (guid: string) => void) {
  const api = useApi();
  const undo = useUndoStack();
  const vocabulary = useVocabulary(dictionary);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const lang = vocabulary.data?.headwordLangs[0] ?? found.map((entry) => firstFormLang(entry.headword)).find(Boolean);

  const create = async (headword: string): Promise<void> => {
    if (!lang || headword.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.entries.create({ dictionary, lang, headword: headword.trim() });
      if (created.change !== undefined) undo.record({ dictionary, guid: created.view.guid, seq: created.change, label: `new entry ‘${headword.trim()}’` });
      onCreated(created.view.guid);
    } catch (failure) {
      setError(asApiCallError('entries.create', failure));
    } finally {
      setBusy(false);
    }
  };
  return { create, busy, error, lang };
}
