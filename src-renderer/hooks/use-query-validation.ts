import { useEffect, useState } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { Validation, WorksetQuery } from '../api/contract.js';
import { useApi } from './api-context.js';
import { useDebounced } from './use-debounced.js';

const DELAY_MS = 300;

/**
 * The live answer to "is this query right, and how many entries does it find?" while the user
 * types: debounced, and an answer to an older query never replaces a newer one. A null query
 * (nothing typed yet) asks nothing.
 */
export function useQueryValidation(dictionary: string, query: WorksetQuery | null, delayMs = DELAY_MS) {
  const api = useApi();
  const settled = useDebounced(JSON.stringify(query), delayMs);
  const [state, setState] = useState<{ validation?: Validation; error?: ApiCallError; loading: boolean; for?: string }>({ loading: true });
  useEffect(() => {
    let current = true;
    if (settled === 'null') {
      setState({ loading: false, for: settled });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    api.worksets
      .validate({ dictionary, query: JSON.parse(settled) })
      .then((validation) => current && setState({ validation, loading: false, for: settled }))
      .catch((error: unknown) => current && setState({ error: asApiCallError('worksets.validate', error), loading: false, for: settled }));
    return () => {
      current = false;
    };
  }, [api, dictionary, settled]);
  // Typing ahead of the debounce: the shown answer is for an older query.
  const pending = state.loading || state.for !== JSON.stringify(query);
  return { validation: state.validation, error: state.error, pending };
}
