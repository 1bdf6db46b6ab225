import { useCallback } from 'react';
import type { WorksetQuery } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';

/**
 * Changes to a dictionary's checks. Every window's Clean up area refreshes from the
 * `worksets-changed` event these announce, so nothing here touches the cache.
 */
export function useCheckActions(dictionary: string) {
  const api = useApi();
  const setRequiredGloss = useCallback((langs: string[]) => api.checks.setRequiredGloss({ dictionary, langs }), [api, dictionary]);
  const addRule = useCallback((name: string, query: WorksetQuery) => api.checks.addRule({ dictionary, name, query }), [api, dictionary]);
  const deleteRule = useCallback((id: number) => api.checks.deleteRule({ dictionary, id }), [api, dictionary]);
  const open = useCallback((rule: string) => api.checks.open({ dictionary, rule }), [api, dictionary]);
  return { setRequiredGloss, addRule, deleteRule, open };
}
