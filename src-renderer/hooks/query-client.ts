import { QueryClient } from '@tanstack/react-query';
import { keys } from './keys.js';

/** Lists and summaries are small: kept a while after their view closes, for going back. */
const GC_MS = 5 * 60_000;
/** An entry carries its whole XML and view model: dropped a minute after it was last shown. */
export const ENTRY_GC_MS = 60_000;
/**
 * At most this many entries kept that no view shows, most recently shown first: stepping
 * through a list with → opens hundreds a minute, faster than any gcTime would forget them.
 */
export const IDLE_ENTRIES = 50;

/**
 * The window's query cache. Data stays fresh until an event says it changed
 * (live-invalidation.ts), so nothing refetches on mount, focus or a timer; a failed call is
 * not retried here, because main already retries an idempotent read once on a new session.
 * `networkMode: 'always'`: the app is on this machine, whatever the browser thinks of the network.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: GC_MS,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
    },
  });
  client.setQueryDefaults(keys.allEntries, { gcTime: ENTRY_GC_MS });
  // A place left is never looked up again (a move shows the last answer until the new one
  // lands, from the observer, not the cache): kept, every entry stepped through would leave
  // one behind for minutes, with its timer.
  client.setQueryDefaults(keys.allPresence, { gcTime: 0 });
  return client;
}

/**
 * Evicts entries beyond the `max` most recently shown that no view shows any more. Returns
 * the unsubscribe.
 */
export function limitIdleEntries(client: QueryClient, max = IDLE_ENTRIES): () => void {
  const cache = client.getQueryCache();
  // Query hashes of unobserved entries, the one left longest ago first (a Map keeps insertion order).
  const idle = new Map<string, () => void>();
  return cache.subscribe((event) => {
    const { query } = event;
    if (query.queryKey[0] !== keys.allEntries[0]) return;
    if (event.type === 'observerAdded' || event.type === 'removed') idle.delete(query.queryHash);
    if (event.type !== 'observerRemoved' || query.getObserversCount() > 0) return;
    idle.delete(query.queryHash);
    idle.set(query.queryHash, () => cache.remove(query));
    for (const [hash, remove] of idle) {
      if (idle.size <= max) break;
      idle.delete(hash);
      remove();
    }
  });
}
