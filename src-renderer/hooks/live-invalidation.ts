import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';
import type { ApiClient } from '../api/client.js';
import type { ConnectionStore } from '../api/connection.js';
import { keys } from './keys.js';

/**
 * Which cached queries each of the app's events makes stale. Every window gets every change
 * (its own included), so a rename in one window shows in all of them; after a reconnect all is
 * refetched, since events may have been missed while the link was down.
 *
 * Work-list pages have their own store (use-workset-rows.ts), which listens for itself.
 */
export function startLiveInvalidation(api: Pick<ApiClient, 'on'>, connection: ConnectionStore, client: QueryClient): () => void {
  const invalidator = createInvalidator(client);
  const { invalidate } = invalidator;
  const stops = [
    api.on('dictionaries-changed', ({ name }) => {
      for (const queryKey of [keys.dictionaries, keys.vocabulary(name), keys.worksets(name), keys.entriesOf(name), keys.checks(name)]) invalidate({ queryKey });
    }),
    api.on('worksets-changed', ({ dictionary, worksetId }) => {
      invalidate({ queryKey: keys.worksets(dictionary) });
      // A check's rules and required writing systems are announced as workset changes.
      invalidate({ queryKey: keys.checks(dictionary) });
      if (worksetId !== undefined) invalidate({ queryKey: keys.workset(worksetId) });
    }),
    api.on('entries-changed', ({ dictionary, guids }) => {
      const changed = new Set(guids);
      invalidate({ queryKey: keys.entriesOf(dictionary), predicate: ({ queryKey: [, , guid] }) => typeof guid === 'string' && changed.has(guid) });
      // A fix changes what the checks find.
      invalidate({ queryKey: keys.checks(dictionary) });
      // Bulk runs and undos change the journal's counts too, and any change may make or end a duplicate.
      invalidate({ queryKey: keys.allBulkOps });
      invalidate({ queryKey: keys.duplicates(dictionary) });
    }),
    api.on('sessions', () => invalidate({ queryKey: keys.appStatus })),
    invalidator.stop,
  ];
  let generation = connection.get().generation;
  stops.push(
    connection.subscribe(() => {
      const next = connection.get().generation;
      if (next > generation && generation > 0) invalidate({});
      generation = next;
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * `invalidateQueries` with one fetch per query at a time: a query invalidated while its fetch
 * is under way refetches once more when that fetch lands, instead of cancelling it for a new
 * one. (Cancelling is TanStack's default: under a steady stream of events, such as a bulk run's
 * batches, every fetch would be cancelled by the next event and none would ever land.) Queries
 * nobody watches are only marked stale, and refetch when a view shows them again.
 */
export function createInvalidator(client: QueryClient): { invalidate: (filters: QueryFilters) => void; stop: () => void } {
  const cache = client.getQueryCache();
  const again = new Set<Query>();
  const stop = cache.subscribe((event) => {
    if (!again.has(event.query)) return;
    if (event.type === 'removed') again.delete(event.query);
    else if (event.type === 'updated' && event.query.state.fetchStatus === 'idle') {
      again.delete(event.query);
      void client.invalidateQueries({ queryKey: event.query.queryKey, exact: true });
    }
  });
  const invalidate = (filters: QueryFilters): void => {
    for (const query of cache.findAll(filters)) if (query.state.fetchStatus === 'fetching') again.add(query);
    void client.invalidateQueries(filters, { cancelRefetch: false });
  };
  return { invalidate, stop };
}
