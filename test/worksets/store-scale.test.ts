import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SORT_KEYS } from '../../src-main/domain/worksets.js';
import { openStore, type SnapshotRow, type Store } from '../../src-main/worksets/store/index.js';

/**
 * The store at the size of a large dictionary: 100,000 entries in one workset, next to another
 * workset of the same size. Timings are printed for the report, never asserted (CI machines
 * vary tenfold); what is asserted is that every answer is still right.
 */

const SIZE = 100_000;
const PAGE = 100;

function rows(): SnapshotRow[] {
  return Array.from({ length: SIZE }, (_, i) => ({
    guid: randomUUID(),
    keys: {
      headword: `${['Ŋa', 'ba', 'Da', 'é', 'ka'][i % 5]}${(i * 7919) % SIZE}`,
      pos: i % 7 === 0 ? null : ['noun', 'verb', 'adj', 'adv'][i % 4],
      gloss: i % 3 === 0 ? null : `gloss ${(i * 31) % 5000}`,
      dateCreated: `20${10 + (i % 14)}-0${1 + (i % 9)}-15T12:00:00Z`,
      dateModified: i % 11 === 0 ? null : `2024-0${1 + (i % 9)}-01`,
    },
  }));
}

function timed<T>(what: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  console.log(`${what}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

describe(`workset store at ${SIZE.toLocaleString('en')} entries`, () => {
  let folder: string;
  let store: Store;
  let id: number;
  let snapshotRows: SnapshotRow[];
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-scale-'));
    store = openStore(folder);
    const neighbour = store.worksets.create({ dictionary: 'big', name: 'Neighbour', query: '{}' }).id;
    store.entries.replaceSnapshot(neighbour, rows());
    id = store.worksets.create({ dictionary: 'big', name: 'Everything', query: '{}' }).id;
    snapshotRows = rows();
  });
  afterAll(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes a snapshot in one transaction', () => {
    const { total } = timed(`snapshot of ${SIZE} rows (second workset in the file)`, () => store.entries.replaceSnapshot(id, snapshotRows));
    expect(total).toBe(SIZE);
    store.transaction(() =>
      snapshotRows.forEach((row, i) => {
        if (i % 97 === 0) store.entries.setStatus(id, row.guid, 'review');
        else if (i % 10 === 0) store.entries.setStatus(id, row.guid, 'done');
      }),
    );
  });

  it.each(PAGE_SORT_KEYS.flatMap((by) => (['asc', 'desc'] as const).map((dir) => [by, dir] as const)))('pages by %s %s at the start, middle and end', (by, dir) => {
    for (const offset of [0, SIZE / 2, SIZE - PAGE]) {
      const page = timed(`page ${by} ${dir} @${offset}`, () => store.entries.page(id, { offset, limit: PAGE, sort: { by, dir } }));
      expect(page.total).toBe(SIZE);
      expect(page.rows).toHaveLength(PAGE);
    }
    const filtered = timed(`page ${by} ${dir} status=review @0`, () => store.entries.page(id, { offset: 0, limit: PAGE, status: ['review'], sort: { by, dir } }));
    expect(filtered.rows.every((row) => row.status === 'review')).toBe(true);
    const middle = store.entries.page(id, { offset: SIZE / 2, limit: 1, sort: { by, dir } }).rows[0];
    const next = timed(`navigate next ${by} ${dir} from the middle`, () => store.entries.navigate(id, 'next', middle.guid, { sort: { by, dir } }));
    expect(next?.guid).toBe(store.entries.page(id, { offset: SIZE / 2 + 1, limit: 1, sort: { by, dir } }).rows[0].guid);
  });

  it('counts, lists and refreshes', () => {
    expect(timed('progress', () => store.entries.progress(id)).total).toBe(SIZE);
    expect(timed('list worksets with counts (2 × 100,000 entries)', () => store.worksets.list('big'))).toHaveLength(2);
    expect(timed('guids in position order', () => store.entries.guids(id))).toHaveLength(SIZE);
    const changed = [...snapshotRows.slice(1000), ...rows().slice(0, 1000)];
    const counts = timed('refresh: 1,000 removed, 1,000 added, 99,000 kept', () => store.entries.refresh(id, changed));
    expect(counts).toEqual({ added: 1000, removed: 1000, kept: SIZE - 1000, total: SIZE });
  });

  it('deletes a workset of 100,000 entries', () => {
    timed('delete workset', () => store.worksets.delete(id));
    expect(store.worksets.list('big')).toHaveLength(1);
  });
});
