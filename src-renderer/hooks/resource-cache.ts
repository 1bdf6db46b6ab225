import { asApiCallError, type ApiCallError } from '../api/api-error.js';
import type { Channel } from '../api/contract.js';

/** What a component sees of one cached resource. */
export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: ApiCallError | undefined;
  /** True while a fetch is under way, including a refetch that keeps showing the old data. */
  readonly loading: boolean;
}

interface Entry {
  snapshot: Resource<unknown>;
  fetcher: () => Promise<unknown>;
  channel: Channel;
  listeners: Set<() => void>;
  stale: boolean;
  inFlight: boolean;
}

const IDLE: Resource<never> = { data: undefined, error: undefined, loading: true };

/**
 * A small keyed cache of call results, shared by every component that reads the same key
 * (`worksets:sample`, `entry:sample:<guid>`), so a list and a header never disagree.
 *
 * Stale-while-revalidate: invalidating a key keeps its data on screen and refetches it if anyone
 * is looking; keys nobody watches are just marked stale. One fetch per key at a time; an
 * invalidation during a fetch refetches once more when it lands.
 */
export class ResourceCache {
  private readonly entries = new Map<string, Entry>();

  snapshot<T>(key: string): Resource<T> {
    return (this.entries.get(key)?.snapshot ?? IDLE) as Resource<T>;
  }

  /** Registers (or updates) how to fetch `key` and fetches it if it has no fresh data. */
  watch(key: string, channel: Channel, fetcher: () => Promise<unknown>, listener: () => void): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { snapshot: IDLE, fetcher, channel, listeners: new Set(), stale: true, inFlight: false };
      this.entries.set(key, entry);
    }
    entry.fetcher = fetcher;
    entry.listeners.add(listener);
    // A fresh watcher of a failed key retries: remounting is how a view says "try again".
    if (entry.stale || (entry.snapshot.error && entry.listeners.size === 1)) void this.fetch(key, entry);
    return () => {
      entry.listeners.delete(listener);
    };
  }

  /** Marks every key the predicate picks as stale; watched ones refetch now. */
  invalidate(pick: (key: string) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!pick(key)) continue;
      entry.stale = true;
      if (entry.listeners.size > 0) void this.fetch(key, entry);
    }
  }

  /** Puts a value the caller already has (the answer to an edit) without a round trip. */
  set<T>(key: string, data: T): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.snapshot = { data, error: undefined, loading: entry.inFlight };
    entry.stale = false;
    this.notify(entry);
  }

  private async fetch(key: string, entry: Entry): Promise<void> {
    if (entry.inFlight) return;
    entry.inFlight = true;
    entry.stale = false;
    entry.snapshot = { ...entry.snapshot, loading: true };
    this.notify(entry);
    try {
      const data = await entry.fetcher();
      entry.snapshot = { data, error: undefined, loading: false };
    } catch (error) {
      // Keep the last good data next to the error: a failed refresh should not blank a list.
      entry.snapshot = { data: entry.snapshot.data, error: asApiCallError(entry.channel, error), loading: false };
    } finally {
      entry.inFlight = false;
    }
    this.notify(entry);
    if (entry.stale && entry.listeners.size > 0) void this.fetch(key, entry);
  }

  private notify(entry: Entry): void {
    for (const listener of [...entry.listeners]) listener();
  }
}
