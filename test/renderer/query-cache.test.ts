import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState, ConnectionStore } from '../../src-renderer/api/connection.js';
import type { EventName, EventPayloads, RendererApi } from '../../src-renderer/api/contract.js';
import { keys } from '../../src-renderer/hooks/keys.js';
import { createInvalidator, startLiveInvalidation } from '../../src-renderer/hooks/live-invalidation.js';
import { createQueryClient, IDLE_ENTRIES, limitIdleEntries } from '../../src-renderer/hooks/query-client.js';

/**
 * The window's query cache (TanStack Query core, as the hooks drive it): which events make
 * which queries stale, one fetch per query at a time, and how many unshown entries it keeps.
 * A QueryObserver stands for a component showing a query.
 */

/** A fetcher whose calls the test answers: each call waits until `release()`. */
class Fetches {
  count = 0;
  private waiting: (() => void)[] = [];

  readonly fn = (value: unknown) => (): Promise<unknown> => {
    this.count += 1;
    const n = this.count;
    return new Promise((resolve) => this.waiting.push(() => resolve({ value, n })));
  };

  get inFlight(): number {
    return this.waiting.length;
  }

  async release(): Promise<void> {
    for (const resolve of this.waiting.splice(0)) resolve();
    await tick();
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Shows `queryKey` as a mounted component would; returns the unmount. */
function show(client: QueryClient, queryKey: QueryKey, queryFn: () => Promise<unknown>): () => void {
  const unsubscribe = new QueryObserver(client, { queryKey, queryFn }).subscribe(() => undefined);
  stops.push(unsubscribe);
  return unsubscribe;
}

function fakeApi(): { api: Pick<RendererApi, 'on'>; emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void } {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  return {
    api: {
      on: (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener as (payload: never) => void);
        return () => set.delete(listener as (payload: never) => void);
      },
    },
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
  };
}

function fakeConnection(): ConnectionStore & { reopen: () => void } {
  let state: ConnectionState = { status: 'open', windowId: 'w', attempt: 0, retryAt: null, problem: null, generation: 1 };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: () => undefined,
    reopen: () => {
      state = { ...state, generation: state.generation + 1 };
      for (const listener of listeners) listener();
    },
  };
}

describe('the query cache', () => {
  it('keeps data fresh until told otherwise: a second view of a query does not refetch it', async () => {
    const client = createQueryClient();
    const fetches = new Fetches();
    show(client, keys.dictionaries, fetches.fn('list'));
    await fetches.release();
    show(client, keys.dictionaries, fetches.fn('list'));
    await tick();
    expect(fetches.count).toBe(1);
    expect(client.getQueryData(keys.dictionaries)).toEqual({ value: 'list', n: 1 });
  });

  it(`keeps the ${IDLE_ENTRIES} entries shown last that no view shows, and forgets older ones`, async () => {
    const client = createQueryClient();
    stops.push(limitIdleEntries(client));
    const fetches = new Fetches();
    const total = IDLE_ENTRIES + 30;
    for (let n = 0; n < total; n++) {
      // One entry pane, moving from entry to entry.
      const unmount = show(client, keys.entry('sample', `g${n}`), fetches.fn(n));
      await fetches.release();
      unmount();
    }
    const cachedEntries = (): number[] =>
      client
        .getQueryCache()
        .findAll({ queryKey: keys.allEntries })
        .map((q) => Number(String(q.queryKey[2]).slice(1)))
        .sort((a, b) => a - b);
    expect(cachedEntries()).toEqual(Array.from({ length: IDLE_ENTRIES }, (_, i) => total - IDLE_ENTRIES + i));
    // The oldest one, shown again, becomes the newest: the next entry shown pushes out the one after it.
    const oldest = total - IDLE_ENTRIES;
    show(client, keys.entry('sample', `g${oldest}`), fetches.fn(oldest))();
    show(client, keys.entry('sample', `g${total}`), fetches.fn(total))();
    await fetches.release();
    const cached = cachedEntries();
    expect(cached).toHaveLength(IDLE_ENTRIES);
    expect(cached).toContain(oldest);
    expect(cached).not.toContain(oldest + 1);
    expect(cached.at(-1)).toBe(total);
    // Only entries are counted: lists stay.
    show(client, keys.dictionaries, fetches.fn('list'))();
    expect(client.getQueryCache().find({ queryKey: keys.dictionaries })).toBeDefined();
  });

  it('keeps no presence of a place the window has left (stepping through entries leaves none behind)', async () => {
    const client = createQueryClient();
    const fetches = new Fetches();
    for (let n = 0; n < 20; n++) {
      const unmount = show(client, keys.presence('sample', 1, `g${n}`), fetches.fn(n));
      await fetches.release();
      unmount();
    }
    const here = show(client, keys.presence('sample', 1, 'g20'), fetches.fn(20));
    await fetches.release();
    await tick();
    expect(client.getQueryCache().findAll({ queryKey: keys.allPresence }).map((q) => q.queryKey[3])).toEqual(['g20']);
    here();
  });

  it('an invalidation during a fetch refetches once when it lands, however many arrive', async () => {
    const client = createQueryClient();
    const invalidator = createInvalidator(client);
    stops.push(invalidator.stop);
    const fetches = new Fetches();
    show(client, keys.workset(1), fetches.fn('w'));
    await fetches.release();

    invalidator.invalidate({ queryKey: keys.workset(1) });
    expect(fetches.inFlight).toBe(1);
    for (let n = 0; n < 5; n++) invalidator.invalidate({ queryKey: keys.workset(1) });
    // The fetch under way is not cancelled: its answer lands and is shown.
    expect(fetches.inFlight).toBe(1);
    await fetches.release();
    expect(client.getQueryData(keys.workset(1))).toEqual({ value: 'w', n: 2 });
    // Then one more, for the changes made while it was on its way.
    expect(fetches.inFlight).toBe(1);
    await fetches.release();
    expect(fetches.inFlight).toBe(0);
    expect(fetches.count).toBe(3);
  });

  it('a query nobody shows is only marked stale, and refetches when shown again', async () => {
    const client = createQueryClient();
    const invalidator = createInvalidator(client);
    stops.push(invalidator.stop);
    const fetches = new Fetches();
    show(client, keys.worksets('sample'), fetches.fn('list'))();
    await fetches.release();
    invalidator.invalidate({ queryKey: keys.worksets('sample') });
    await tick();
    expect(fetches.count).toBe(1);
    show(client, keys.worksets('sample'), fetches.fn('list'));
    expect(fetches.count).toBe(2);
  });
});

describe('live invalidation', () => {
  /** Shows each key, answers the first fetches, and counts the fetches per key from then on. */
  async function watched(queryKeys: readonly QueryKey[]) {
    const client = createQueryClient();
    const { api, emit } = fakeApi();
    const connection = fakeConnection();
    stops.push(startLiveInvalidation(api, connection, client));
    const fetches = new Map<string, Fetches>();
    for (const queryKey of queryKeys) {
      const f = new Fetches();
      fetches.set(JSON.stringify(queryKey), f);
      show(client, queryKey, f.fn(queryKey));
      await f.release();
    }
    const refetched = (): string[] => [...fetches].filter(([, f]) => f.count > 1).map(([key]) => key);
    return { emit, connection, refetched };
  }

  const all = [
    keys.appStatus,
    keys.dictionaries,
    keys.vocabulary('a'),
    keys.worksets('a'),
    keys.worksets('b'),
    keys.workset(1),
    keys.workset(2),
    keys.entry('a', 'g1'),
    keys.entry('a', 'g2'),
    keys.entry('b', 'g1'),
    keys.bulkOps(1),
  ];
  const json = (...queryKeys: QueryKey[]): string[] => queryKeys.map((k) => JSON.stringify(k));

  it('entries-changed: those entries of that dictionary, and the bulk lists', async () => {
    const { emit, refetched } = await watched(all);
    emit('entries-changed', { dictionary: 'a', guids: ['g1', 'g9'], origin: 'w' });
    expect(refetched()).toEqual(json(keys.entry('a', 'g1'), keys.bulkOps(1)));
  });

  it('worksets-changed: that dictionary\'s list and that workset', async () => {
    const { emit, refetched } = await watched(all);
    emit('worksets-changed', { dictionary: 'a', worksetId: 2, origin: 'w' });
    expect(refetched()).toEqual(json(keys.worksets('a'), keys.workset(2)));
  });

  it('dictionaries-changed: the list, and all that dictionary\'s queries', async () => {
    const { emit, refetched } = await watched(all);
    emit('dictionaries-changed', { name: 'a', origin: 'w' });
    expect(refetched()).toEqual(json(keys.dictionaries, keys.vocabulary('a'), keys.worksets('a'), keys.entry('a', 'g1'), keys.entry('a', 'g2')));
  });

  it('sessions: the app status; a reconnect: everything', async () => {
    const { emit, connection, refetched } = await watched(all);
    emit('sessions', { windows: 2, live: 2 });
    expect(refetched()).toEqual(json(keys.appStatus));
    connection.reopen();
    expect(refetched()).toEqual(json(...all));
  });
});
