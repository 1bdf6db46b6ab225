import type { Queryable } from '../basex/queryable.js';
import type { MatchKeys } from '../lift/entry-keys.js';
import { keysOf } from './query/run.js';
import type { SnapshotRow, Store } from './store/index.js';

/**
 * Edited entries move in sorted work lists: after a write, their stored sort keys follow the
 * dictionary. Called by every service that writes entries (a single edit, a bulk batch, an
 * undo), so no caller has to remember it.
 */
export async function updateSortKeys(store: Store, session: Queryable, dictionary: string, guids: readonly string[]): Promise<void> {
  if (guids.length === 0) return;
  storeSortKeys(store, dictionary, await keysOf(session, dictionary, guids));
}

/** The same, with the keys a write answered for what it wrote (a bulk batch, an undo batch). */
export function storeSortKeys(store: Store, dictionary: string, keys: readonly MatchKeys[]): void {
  if (keys.length > 0) store.entries.updateKeys(dictionary, keys.map(snapshotRow));
}

/** An entry's keys as the store keeps them ("" becomes null). */
export function snapshotRow(keys: MatchKeys): SnapshotRow {
  return {
    guid: keys.guid,
    keys: {
      headword: keys.headword || null,
      pos: keys.pos || null,
      gloss: keys.gloss || null,
      dateCreated: keys.dateCreated || null,
      dateModified: keys.dateModified || null,
    },
  };
}
