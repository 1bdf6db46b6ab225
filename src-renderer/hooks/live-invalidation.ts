import type { ApiClient } from '../api/client.js';
import type { ConnectionStore } from '../api/connection.js';
import { keys, prefixes } from './keys.js';
import type { ResourceCache } from './resource-cache.js';

/**
 * Which cached resources each of the app's events makes stale. Every window gets every change
 * (its own included), so a rename in one window shows in all of them; after a reconnect all is
 * refetched, since events may have been missed while the link was down.
 *
 * Work-list pages have their own store (use-workset-rows.ts), which listens for itself.
 */
export function startLiveInvalidation(api: ApiClient, connection: ConnectionStore, cache: ResourceCache): () => void {
  const stops = [
    api.on('dictionaries-changed', ({ name }) => {
      cache.invalidate((key) => key === keys.dictionaries || key === keys.vocabulary(name) || key === keys.worksets(name) || key.startsWith(prefixes.entriesOf(name)));
    }),
    api.on('worksets-changed', ({ dictionary, worksetId }) => {
      cache.invalidate((key) => key === keys.worksets(dictionary) || (worksetId !== undefined && key === keys.workset(worksetId)));
    }),
    api.on('entries-changed', ({ dictionary, guids }) => {
      const changed = new Set(guids.map((guid) => keys.entry(dictionary, guid)));
      // Bulk runs and undos change the journal's counts too.
      cache.invalidate((key) => changed.has(key) || key.startsWith(prefixes.bulk));
    }),
    api.on('sessions', () => cache.invalidate((key) => key === keys.appStatus)),
  ];
  let generation = connection.get().generation;
  stops.push(
    connection.subscribe(() => {
      const next = connection.get().generation;
      if (next > generation && generation > 0) cache.invalidate(() => true);
      generation = next;
    }),
  );
  return () => stops.forEach((stop) => stop());
}
