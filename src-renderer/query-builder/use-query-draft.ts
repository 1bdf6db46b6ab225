import { useMemo, useState } from 'react';
import type { WorksetQuery } from '../api/contract.js';
import { useVocabulary } from '../hooks/use-data.js';
import { useQueryValidation } from '../hooks/use-query-validation.js';
import { fromQuery, newDraft, toQuery, type DraftQuery } from './draft.js';

/**
 * A query being written in a dialog (a new workset's, or an existing one's being edited): the
 * draft, the query it makes, the app's live answer about it, and the dictionary's vocabulary.
 */
export function useQueryDraft(dictionary: string, start?: WorksetQuery) {
  const vocabulary = useVocabulary(dictionary);
  const [draft, setDraft] = useState<DraftQuery>(() => (start ? fromQuery(start) : newDraft()));
  const query = useMemo(() => toQuery(draft), [draft]);
  const { validation, error, pending } = useQueryValidation(dictionary, query);
  return { vocabulary, draft, setDraft, query, validation, error, pending, ready: validation?.ok === true && !pending };
}

export type QueryDraftState = ReturnType<typeof useQueryDraft>;
