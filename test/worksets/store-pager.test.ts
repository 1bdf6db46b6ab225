import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src-main/domain/statuses.js';
import { PAGE_SORT_KEYS } from '../../src-main/domain/worksets.js';
import { openStore, type EntryRow, type PageFilter, type SortKeys, type Store } from '../../src-main/worksets/store/index.js';

/**
 * Every sort, direction and filter of the work list against a plain JavaScript model of the
 * documented order: key folded (trim, NFC, lower case), empty keys last, ties by position.
 */

const HEADWORDS = ['Ŋaga', 'aba', 'ABA', '', 'Éclat', 'éclair', null, 'zèbre', 'Zebra', 'abandon', '  ', 'жук', 'Жар', 'abba'];
const POS = ['noun', 'Verb', null, 'verb', 'adj'];
const STATUS_CYCLE: Status[] = ['pending', 'done', 'review', 'done', 'pending', 'pending', 'review'];
const COUNT = 97;

function fixtureKeys(i: number): SortKeys {
  return {
    headword: HEADWORDS[i % HEADWORDS.length],
    pos: POS[i % POS.length],
    gloss: i % 4 === 0 ? null : `gloss ${(i * 37) % 11}`,
    dateCreated: i % 6 === 0 ? null : `2020-0${1 + (i % 5)}-01T00:00:00Z`,
    dateModified: i % 9 === 0 ? '' : `2021-01-${String(10 + (i % 3)).padStart(2, '0')}`,
  };
}

const KEY_OF: Record<(typeof PAGE_SORT_KEYS)[number], (row: EntryRow) => string | null> = {
  position: () => null,
  headword: (row) => row.keys.headword,
  pos: (row) => row.keys.pos,
  gloss: (row) => row.keys.gloss,
  'date-created': (row) => row.keys.dateCreated,
  'date-modified': (row) => row.keys.dateModified,
  status: (row) => row.status,
};

function expectedOrder(rows: EntryRow[], view: Required<Pick<PageFilter, 'sort'>> & PageFilter): string[] {
  const matching = rows.filter((row) => (!view.status || view.status.includes(row.status)) && (view.favourite === undefined || row.favourite === view.favourite));
  const byPosition = (a: EntryRow, b: EntryRow): number => a.position - b.position;
  const { by, dir } = view.sort;
  const flip = <T>(list: T[]): T[] => (dir === 'desc' ? list.reverse() : list);
  if (by === 'position') return flip(matching.sort(byPosition)).map((row) => row.guid);
  const fold = (row: EntryRow): string | null => KEY_OF[by](row)?.trim().normalize('NFC').toLowerCase() || null;
  const keyed = matching.filter((row) => fold(row) !== null);
  const empty = matching.filter((row) => fold(row) === null);
  keyed.sort((a, b) => (fold(a)! < fold(b)! ? -1 : fold(a)! > fold(b)! ? 1 : byPosition(a, b)));
  return [...flip(keyed), ...flip(empty.sort(byPosition))].map((row) => row.guid);
}

const FILTERS: Omit<PageFilter, 'sort'>[] = [
  {},
  { status: ['done'] },
  { status: ['pending', 'review'] },
  { favourite: true },
  { status: ['review'], favourite: false },
  { status: [] },
];
const VIEWS = PAGE_SORT_KEYS.flatMap((by) => (['asc', 'desc'] as const).flatMap((dir) => FILTERS.map((filter) => ({ ...filter, sort: { by, dir } }))));
const label = (view: PageFilter): string => JSON.stringify(view);

describe('workset store: pages and navigation in every order', () => {
  let folder: string;
  let store: Store;
  let id: number;
  let all: EntryRow[];

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-view-'));
    store = openStore(folder);
    id = store.worksets.create({ dictionary: 'fr', name: 'All', query: '{}' }).id;
    // Guids descend while positions ascend, so a tie broken by guid would show.
    store.entries.replaceSnapshot(id, Array.from({ length: COUNT }, (_, i) => ({ guid: `g${String(COUNT - i).padStart(3, '0')}`, keys: fixtureKeys(i) })));
    store.entries.guids(id).forEach((guid, i) => {
      store.entries.setStatus(id, guid, STATUS_CYCLE[i % STATUS_CYCLE.length]);
      if (i % 5 === 0) store.entries.setFavourite(id, guid, true);
    });
    all = store.entries.page(id, { offset: 0, limit: 500 }).rows;
  });
  afterAll(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(VIEWS.map((view) => [label(view), view] as const))('pages %s in order, page after page', (_, view) => {
    const expected = expectedOrder(all, view);
    const seen: string[] = [];
    for (let offset = 0; offset < COUNT + 10; offset += 10) {
      const page = store.entries.page(id, { ...view, offset, limit: 10 });
      expect(page.total).toBe(expected.length);
      seen.push(...page.rows.map((row) => row.guid));
    }
    expect(seen).toEqual(expected);
  });

  it.each(VIEWS.map((view) => [label(view), view] as const))('steps through %s with next and previous, stopping at both ends', (_, view) => {
    const expected = expectedOrder(all, view);
    expect(store.entries.navigate(id, 'first', null, view)?.guid ?? null).toBe(expected[0] ?? null);
    expect(store.entries.navigate(id, 'last', expected[0] ?? null, view)?.guid ?? null).toBe(expected.at(-1) ?? null);
    const forward: string[] = [];
    for (let row = store.entries.navigate(id, 'next', null, view); row; row = store.entries.navigate(id, 'next', row.guid, view)) forward.push(row.guid);
    expect(forward).toEqual(expected);
    const backward: string[] = [];
    for (let row = store.entries.navigate(id, 'previous', null, view); row; row = store.entries.navigate(id, 'previous', row.guid, view)) backward.push(row.guid);
    expect(backward).toEqual([...expected].reverse());
  });

  it('steps from an entry the filter no longer shows to the one that followed it', () => {
    const view: PageFilter = { status: ['done'], sort: { by: 'headword', dir: 'asc' } };
    const everything = expectedOrder(all, { sort: view.sort! });
    const done = new Set(expectedOrder(all, { ...view, sort: view.sort! }));
    const index = everything.findIndex((guid, i) => !done.has(guid) && i > 0 && i < everything.length - 1);
    const hidden = everything[index];
    expect(store.entries.page(id, { ...view, offset: 0, limit: 500 }).rows.map((row) => row.guid)).not.toContain(hidden);
    expect(store.entries.navigate(id, 'next', hidden, view)?.guid).toBe(everything.slice(index + 1).find((guid) => done.has(guid)));
    expect(store.entries.navigate(id, 'previous', hidden, view)?.guid).toBe(everything.slice(0, index).reverse().find((guid) => done.has(guid)));
  });

  it('answers NotFound when stepping from an entry not in the workset, Invalid for an unknown sort', () => {
    expect(() => store.entries.navigate(id, 'next', 'nope')).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => store.entries.page(id, { offset: 0, limit: 1, sort: { by: 'colour' as 'pos', dir: 'asc' } })).toThrow(
      expect.objectContaining({ code: 'Invalid' }),
    );
    expect(() => store.entries.page(id, { offset: 0, limit: 1, status: ['finished' as Status] })).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });
});
