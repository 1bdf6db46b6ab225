import { describe, expect, it } from 'vitest';
import type { WorksetEntry, WorksetPage } from '../../src-renderer/api/contract.js';
import { KEPT_PAGES, PAGE_SIZE, RowsStore } from '../../src-renderer/workset-view/rows-store.js';

/**
 * The work list's page store, against a fake `worksets.page` whose answers the test releases
 * one by one, so every "while a page is on its way" case is made to happen, not hoped for.
 */

const row = (index: number, version = 0): WorksetEntry => ({
  guid: `g${index}`,
  position: index,
  status: 'pending',
  favourite: false,
  assignedTo: null,
  notes: version === 0 ? '' : `v${version}`,
  modified: null,
  entry: null,
});

class FakePages {
  total: number;
  version = 0;
  failNext = false;
  readonly asked: number[] = [];
  private readonly waiting: { offset: number; resolve: () => void }[] = [];

  constructor(total: number) {
    this.total = total;
  }

  readonly fetch = (offset: number, limit: number): Promise<WorksetPage> => {
    this.asked.push(offset);
    return new Promise((resolve, reject) => {
      this.waiting.push({
        offset,
        resolve: () => {
          if (this.failNext) {
            this.failNext = false;
            reject(new Error('BaseX went away'));
            return;
          }
          const entries = Array.from({ length: Math.max(0, Math.min(limit, this.total - offset)) }, (_, i) => row(offset + i, this.version));
          resolve({ total: this.total, offset, entries });
        },
      });
    });
  };

  get pending(): number[] {
    return this.waiting.map((w) => w.offset);
  }

  /** Answers every call made so far, and whatever those answers lead to, until none is left. */
  async settle(): Promise<void> {
    while (this.waiting.length > 0) {
      for (const call of this.waiting.splice(0)) call.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

function storeOver(total: number): { pages: FakePages; store: RowsStore; notified: () => number } {
  const pages = new FakePages(total);
  const store = new RowsStore(pages.fetch);
  let count = 0;
  store.subscribe(() => count++);
  return { pages, store, notified: () => count };
}

describe('RowsStore', () => {
  it('asks for the first page when first watched, and tells the total from it', async () => {
    const { pages, store } = storeOver(250);
    expect(store.snapshot()).toMatchObject({ total: null, loading: true, error: null });
    expect(pages.asked).toEqual([0]);
    await pages.settle();
    const snapshot = store.snapshot();
    expect(snapshot).toMatchObject({ total: 250, loading: false });
    expect(snapshot.rowAt(99)?.guid).toBe('g99');
    expect(snapshot.rowAt(100)).toBeUndefined();
    expect(snapshot.indexOf('g42')).toBe(42);
    expect(snapshot.indexOf('g142')).toBe(-1);
  });

  it('fetches the pages the screen shows, once each, and none past the end', async () => {
    const { pages, store } = storeOver(250);
    await pages.settle();
    store.show(90, 130);
    store.show(95, 135);
    expect(pages.asked).toEqual([0, 100]);
    await pages.settle();
    expect(store.snapshot().rowAt(130)?.guid).toBe('g130');
    store.show(240, 400);
    expect(pages.asked).toEqual([0, 100, 200]);
    await pages.settle();
    expect(store.snapshot().rowAt(249)?.guid).toBe('g249');
  });

  it('invalidate refetches the pages on screen and forgets the others', async () => {
    const { pages, store } = storeOver(1_000);
    await pages.settle();
    store.show(250, 260);
    await pages.settle();
    store.show(0, 20);
    pages.version = 1;
    pages.asked.length = 0;
    store.invalidate();
    expect(pages.asked).toEqual([0]);
    await pages.settle();
    expect(store.snapshot().rowAt(5)?.notes).toBe('v1');
    expect(store.snapshot().rowAt(255)).toBeUndefined();
    // Scrolled back to, a forgotten page is fetched again, fresh.
    store.show(250, 260);
    expect(pages.asked).toEqual([0, 200]);
    await pages.settle();
    expect(store.snapshot().rowAt(255)?.notes).toBe('v1');
  });

  it('invalidated while a page is on its way: fetches it once more when it lands', async () => {
    const { pages, store } = storeOver(50);
    await pages.settle();
    store.invalidate();
    expect(pages.pending).toEqual([0]);
    pages.version = 2;
    store.invalidate();
    store.invalidate();
    // Still one call in flight: the store waits for it rather than stacking more.
    expect(pages.pending).toEqual([0]);
    await pages.settle();
    expect(pages.asked).toEqual([0, 0, 0]);
    expect(store.snapshot().rowAt(0)?.notes).toBe('v2');
  });

  it('an empty list asks for page 0 again when invalidated, and grows when rows arrive', async () => {
    const { pages, store } = storeOver(0);
    await pages.settle();
    expect(store.snapshot().total).toBe(0);
    pages.total = 3;
    store.invalidate();
    await pages.settle();
    expect(store.snapshot().total).toBe(3);
    expect(store.snapshot().rowAt(2)?.guid).toBe('g2');
  });

  it('a shrinking total drops the pages past the new end', async () => {
    const { pages, store } = storeOver(300);
    await pages.settle();
    store.show(150, 210);
    await pages.settle();
    expect(store.snapshot().rowAt(205)?.guid).toBe('g205');
    pages.total = 120;
    store.invalidate();
    await pages.settle();
    expect(store.snapshot().total).toBe(120);
    expect(store.snapshot().rowAt(205)).toBeUndefined();
  });

  it('keeps the last rows beside an error, and clears the error with the next good page', async () => {
    const { pages, store } = storeOver(100);
    await pages.settle();
    pages.failNext = true;
    store.invalidate();
    await pages.settle();
    expect(store.snapshot().error).toMatchObject({ code: 'Internal', channel: 'worksets.page', message: 'BaseX went away' });
    expect(store.snapshot().rowAt(10)?.guid).toBe('g10');
    store.invalidate();
    await pages.settle();
    expect(store.snapshot().error).toBeNull();
  });

  it(`forgets pages more than ${KEPT_PAGES} away from the screen as it moves`, async () => {
    const { pages, store, notified } = storeOver(100 * PAGE_SIZE);
    await pages.settle();
    // Working down the list, a screen at a time.
    for (let first = 0; first < 60 * PAGE_SIZE; first += 40) {
      store.show(first, first + 30);
      await pages.settle();
    }
    const snapshot = store.snapshot();
    const loaded = Array.from({ length: 100 }, (_, page) => page).filter((page) => snapshot.rowAt(page * PAGE_SIZE) !== undefined);
    const screen = Math.floor((60 * PAGE_SIZE - 40) / PAGE_SIZE);
    expect(loaded).toEqual([screen - 2, screen - 1, screen]);
    expect(notified()).toBeGreaterThan(0);
    // Back up a little: still there, no call.
    const asked = pages.asked.length;
    store.show((screen - 2) * PAGE_SIZE, (screen - 2) * PAGE_SIZE + 30);
    expect(pages.asked.length).toBe(asked);
  });
});
