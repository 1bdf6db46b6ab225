import { useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import { useWorksetActions } from '../hooks/use-workset-actions.js';
import { quickSearchQuery, searchWorksetName, type QuickSearchScope } from './quick-search-query.js';

/** A name already taken is a Conflict; the next free "(2)", "(3)"… is tried, up to this many. */
const MAX_ATTEMPTS = 50;

/** "Make a workset from this search": a workset holding what the search finds, named for it, then opened. */
export function useSearchWorkset(dictionary: string, onCreated: (id: number) => void) {
  const { create } = useWorksetActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const make = async (text: string, scope: QuickSearchScope): Promise<void> => {
    const query = quickSearchQuery(text, scope);
    if (!query) return;
    setBusy(true);
    setError(null);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const created = await create(dictionary, searchWorksetName(text, scope, attempt), query, 'Made from a quick search');
          onCreated(created.id);
          return;
        } catch (failure) {
          const refused = asApiCallError('worksets.create', failure);
          if (refused.code !== 'Conflict' || attempt >= MAX_ATTEMPTS) throw refused;
        }
      }
    } catch (failure) {
      setError(asApiCallError('worksets.create', failure));
    } finally {
      setBusy(false);
    }
  };
  return { make, busy, error };
}
