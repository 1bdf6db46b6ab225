import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Channel } from '../api/contract.js';
import { useApiContext } from './api-context.js';
import type { Resource } from './resource-cache.js';

const NONE: Resource<never> = { data: undefined, error: undefined, loading: false };

/**
 * Reads one cached resource by key (null: nothing to read yet) and keeps it fresh: the
 * invalidation rules in use-live-invalidation.ts refetch it when the app says it changed.
 * `channel` names the call for error messages.
 */
export function useResource<T>(key: string | null, channel: Channel, fetcher: () => Promise<T>): Resource<T> & { refetch: () => void } {
  const { cache } = useApiContext();
  // The latest fetcher, without making it part of the subscription's identity.
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? () => undefined : cache.watch(key, channel, () => fetcherRef.current(), listener)),
    [cache, key, channel],
  );
  const getSnapshot = useCallback(() => (key === null ? NONE : cache.snapshot<T>(key)), [cache, key]);
  const resource = useSyncExternalStore(subscribe, getSnapshot);
  const refetch = useCallback(() => {
    if (key !== null) cache.invalidate((k) => k === key);
  }, [cache, key]);
  return { ...resource, refetch };
}
