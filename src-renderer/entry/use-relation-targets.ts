import type { RelationTarget } from '../api/contract.js';
import { useApi } from '../hooks/api-context.js';
import { keys } from '../hooks/keys.js';
import { useResource } from '../hooks/use-resource.js';

/** What the entry's relations point at, by ref: the headword to show and the guid to open. */
export function useRelationTargets(dictionary: string, guid: string, refs: readonly string[]): ReadonlyMap<string, RelationTarget> {
  const api = useApi();
  const wanted = [...new Set(refs.filter(Boolean))].sort();
  const targets = useResource<RelationTarget[]>(wanted.length > 0 ? keys.relationTargets(dictionary, guid, wanted) : null, 'entries.targets', () => api.entries.targets({ dictionary, refs: wanted }));
  return new Map((targets.data ?? []).map((t) => [t.ref, t]));
}
