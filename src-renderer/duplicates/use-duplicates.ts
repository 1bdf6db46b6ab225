import type { DuplicateReport } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { keys } from '../hooks/keys.js';
import { useResource } from '../hooks/use-resource.js';

/** The dictionary's candidate duplicates, refetched when its entries change (live-invalidation.ts). */
export function useDuplicates(dictionary: string) {
  const api = useApi();
  return useResource<DuplicateReport>(keys.duplicates(dictionary), 'duplicates.find', () => api.duplicates.find({ dictionary }));
}
