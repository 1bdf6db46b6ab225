import { skipToken, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { Channel } from '../api/contract.js';

/** What a component sees of one cached read. */
export interface Resource<T> {
  readonly data: T | undefined;
  /** The last failure; the last good data stays beside it, so a failed refresh does not blank a list. */
  readonly error: ApiCallError | undefined;
  /** True while a fetch is under way, including a refetch that keeps showing the old data. */
  readonly loading: boolean;
}

/**
 * Reads one cached query by key (null: nothing to read yet) and keeps it fresh: the rules in
 * live-invalidation.ts refetch it when the app says it changed. `channel` names the call for
 * error messages. `refetch` is "try again": it fetches now, whatever is under way.
 */
export function useResource<T>(key: QueryKey | null, channel: Channel, fetcher: () => Promise<T>): Resource<T> & { refetch: () => void } {
  const client = useQueryClient();
  const query = useQuery<T, ApiCallError>({
    // A disabled placeholder key when there is nothing to read: hooks cannot be called conditionally.
    queryKey: key ?? ['none', channel],
    queryFn:
      key === null
        ? skipToken
        : async () => {
            try {
              return await fetcher();
            } catch (error) {
              throw asApiCallError(channel, error);
            }
          },
  });
  // The key array is new every render: its content is what keeps `refetch` stable.
  const keyJson = key === null ? null : JSON.stringify(key);
  const refetch = useCallback(() => {
    if (keyJson !== null) void client.invalidateQueries({ queryKey: JSON.parse(keyJson) as QueryKey, exact: true });
  }, [client, keyJson]);
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, refetch };
}
