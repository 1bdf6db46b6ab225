import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SnapshotRow, type SortKeys, type Store } from '../../src-main/worksets/store/index.js';

const keys = (headword: string | null, more: Partial<SortKeys> = {}): SortKeys => ({
  headword, pos: null, gloss: null, dateCreated: null, dateModified: null, ...more,
});

describe('workset store: entries', () => {
  let folder: string;
  let store: Store;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-entries-'));
    store = openStore(folder);
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const workset = (rows: SnapshotRow[], dictionary = 'fr', name = 'W'): number => {
    const { id } = store.worksets.create({ dictionary, name, query: '{}' });
    store.entries.replaceSnapshot(id, rows);
    return id;
  };

  it('takes a snapshot in the given order, trimming keys, blank as null, a repeated guid once', () => {
    const id = workset([
      { guid: 'b', keys: keys('  Walk ', { pos: '', gloss: '   ', dateCreated: '2020-01-01' }) },
      { guid: 'a', keys: keys('run') },
      { guid: 'b', keys: keys('duplicate') },
    ]);
    expect(store.entries.guids(id)).toEqual(['b', 'a']);
    expect(store.entries.get(id, 'b')).toEqual({
      worksetId: id, guid: 'b', position: 0, status: 'pending', favourite: false, notes: '', modified: null, assignedTo: null,
      keys: { headword: 'Walk', pos: null, gloss: null, dateCreated: '2020-01-01', dateModified: null },
    });
    expect(store.entries.progress(id)).toEqual({ pending: 2, done: 0, review: 0, total: 2 });
    // A second snapshot replaces the first.
    expect(store.entries.replaceSnapshot(id, [{ guid: 'c', keys: keys('x') }])).toEqual({ total: 1 });
    expect(store.entries.guids(id)).toEqual(['c']);
  });

  it('refuses a row without a guid as Invalid and keeps the old snapshot', () => {
    const id = workset([{ guid: 'a', keys: keys('a') }]);
    expect(() => store.entries.replaceSnapshot(id, [{ guid: 'b', keys: keys('b') }, { guid: '', keys: keys('c') }])).toThrow(
      expect.objectContaining({ code: 'Invalid' }),
    );
    expect(store.entries.guids(id)).toEqual(['a']);
  });

  it('pages an empty workset and answers NotFound for a missing one', () => {
    const id = workset([]);
    expect(store.entries.page(id, { offset: 0, limit: 50 })).toEqual({ total: 0, offset: 0, rows: [] });
    expect(store.entries.navigate(id, 'first', null)).toBeNull();
    expect(store.entries.navigate(id, 'last', null)).toBeNull();
    expect(store.entries.progress(id)).toEqual({ pending: 0, done: 0, review: 0, total: 0 });
    expect(() => store.entries.page(999, { offset: 0, limit: 50 })).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => store.entries.get(id, 'nope')).toThrow(expect.objectContaining({ code: 'NotFound' }));
  });

  it('pages to a partial last page, and past the end to no rows with the right total', () => {
    const id = workset(Array.from({ length: 61 }, (_, i) => ({ guid: `g${String(i).padStart(2, '0')}`, keys: keys(`w${i}`) })));
    const page = (offset: number, limit = 25) => store.entries.page(id, { offset, limit });
    expect(page(0).rows.map((row) => row.position)).toEqual([...Array(25).keys()]);
    expect(page(50)).toMatchObject({ total: 61, offset: 50 });
    expect(page(50).rows.map((row) => row.guid)).toEqual(Array.from({ length: 11 }, (_, i) => `g${50 + i}`));
    expect(page(61)).toEqual({ total: 61, offset: 61, rows: [] });
    expect(page(10_000)).toEqual({ total: 61, offset: 10_000, rows: [] });
    expect(page(0, 0)).toEqual({ total: 61, offset: 0, rows: [] });
    expect(page(0, 500).rows).toHaveLength(61);
  });

  it('refuses a limit over 500, a negative offset and fractions as Invalid', () => {
    const id = workset([]);
    for (const [offset, limit] of [[0, 501], [-1, 10], [0.5, 10], [0, 2.5], [0, -1]]) {
      expect(() => store.entries.page(id, { offset, limit })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    }
  });

  it('sorts case-insensitively in every script, empties last in both directions, ties by position', () => {
    const id = workset([
      { guid: 'p0', keys: keys('same') },
      { guid: 'p1', keys: keys(null) },
      { guid: 'p2', keys: keys('Ŋa') },
      { guid: 'p3', keys: keys('SAME') },
      { guid: 'p4', keys: keys('ŋb') },
      { guid: 'p5', keys: keys('  ') },
      { guid: 'p6', keys: keys('Same') },
      { guid: 'p7', keys: keys('apple') },
      { guid: 'p8', keys: keys('Banana') },
    ]);
    const order = (dir: 'asc' | 'desc') =>
      store.entries.page(id, { offset: 0, limit: 50, sort: { by: 'headword', dir } }).rows.map((row) => row.guid);
    expect(order('asc')).toEqual(['p7', 'p8', 'p0', 'p3', 'p6', 'p2', 'p4', 'p1', 'p5']);
    expect(order('desc')).toEqual(['p4', 'p2', 'p6', 'p3', 'p0', 'p8', 'p7', 'p5', 'p1']);
  });

  it('updates curation, stamping the entry and the workset’s last change', () => {
    const id = workset([{ guid: 'a', keys: keys('a') }, { guid: 'b', keys: keys('b') }]);
    const done = store.entries.setStatus(id, 'a', 'done');
    expect(done).toMatchObject({ guid: 'a', status: 'done', favourite: false });
    expect(done.modified).not.toBeNull();
    expect(store.entries.setFavourite(id, 'a', true)).toMatchObject({ status: 'done', favourite: true });
    const noted = store.entries.setNotes(id, 'a', 'gloss is wrong');
    expect(noted).toMatchObject({ status: 'done', favourite: true, notes: 'gloss is wrong' });
    expect(store.worksets.get(id).lastChange).toBe(noted.modified);
    expect(store.entries.progress(id)).toEqual({ pending: 1, done: 1, review: 0, total: 2 });
    store.entries.setStatus(id, 'b', 'review');
    expect(store.entries.progress(id)).toEqual({ pending: 0, done: 1, review: 1, total: 2 });

    expect(() => store.entries.setStatus(id, 'a', 'finished' as 'done')).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => store.entries.setStatus(id, 'zzz', 'done')).toThrow(expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('entry zzz') }));
    expect(() => store.entries.setNotes(999, 'a', 'x')).toThrow(expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('workset 999') }));
  });

  it('refreshes membership, keeping curation and positions, appending new entries and reporting counts', () => {
    const id = workset(['a', 'b', 'c', 'd'].map((guid) => ({ guid, keys: keys(guid) })));
    store.entries.setStatus(id, 'b', 'done');
    store.entries.setNotes(id, 'b', 'ok');
    store.entries.setFavourite(id, 'd', true);
    store.entries.setStatus(id, 'c', 'review');

    const counts = store.entries.refresh(id, [
      { guid: 'e', keys: keys('e') },
      { guid: 'd', keys: keys('D changed', { pos: 'verb' }) },
      { guid: 'b', keys: keys('b') },
      { guid: 'f', keys: keys('f') },
    ]);

    expect(counts).toEqual({ added: 2, removed: 2, kept: 2, total: 4 });
    const rows = store.entries.page(id, { offset: 0, limit: 10 }).rows;
    expect(rows.map((row) => [row.guid, row.position, row.status])).toEqual([
      ['b', 1, 'done'], ['d', 3, 'pending'], ['e', 4, 'pending'], ['f', 5, 'pending'],
    ]);
    expect(rows[0].notes).toBe('ok');
    expect(rows[1]).toMatchObject({ favourite: true, keys: { headword: 'D changed', pos: 'verb' } });
    // A removed entry that matches again comes back as new.
    expect(store.entries.refresh(id, [{ guid: 'c', keys: keys('c') }])).toEqual({ added: 1, removed: 4, kept: 0, total: 1 });
    expect(store.entries.get(id, 'c')).toMatchObject({ status: 'pending', position: 6 });
  });

  it('updates sort keys after an edit in every workset of that dictionary only', () => {
    const one = workset([{ guid: 'a', keys: keys('old') }, { guid: 'b', keys: keys('b') }], 'fr', 'one');
    const two = workset([{ guid: 'a', keys: keys('old') }], 'fr', 'two');
    const other = workset([{ guid: 'a', keys: keys('old') }], 'de', 'other');
    expect(store.entries.updateKeys('fr', [{ guid: 'a', keys: keys('New', { gloss: 'fresh' }) }])).toBe(2);
    expect(store.entries.get(one, 'a').keys).toMatchObject({ headword: 'New', gloss: 'fresh' });
    expect(store.entries.get(two, 'a').keys.headword).toBe('New');
    expect(store.entries.get(other, 'a').keys.headword).toBe('old');
    const sorted = store.entries.page(one, { offset: 0, limit: 5, sort: { by: 'headword', dir: 'asc' } }).rows.map((row) => row.guid);
    expect(sorted).toEqual(['b', 'a']);
  });
});
