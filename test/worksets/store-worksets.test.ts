import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE, openStore, type SortKeys, type Store } from '../../src-main/worksets/store/index.js';

const NO_KEYS: SortKeys = { headword: null, pos: null, gloss: null, dateCreated: null, dateModified: null };

describe('workset store: worksets', () => {
  let folder: string;
  let store: Store;
  let clock: number;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'wb-store-worksets-'));
    clock = Date.parse('2025-03-01T10:00:00.000Z');
    // A clock that ticks a second per stamp, so every change is visibly later than the last.
    store = openStore(folder, { now: () => new Date((clock += 1000)) });
  });
  afterEach(() => {
    store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const snapshot = (worksetId: number, guids: string[]): void => {
    store.entries.replaceSnapshot(worksetId, guids.map((guid) => ({ guid, keys: NO_KEYS })));
  };

  it('creates a workset and reads it back with the query stored exactly as given', () => {
    const query = '{ "all": [ { "field": "pos", "op": "equals", "value": "verb" } ] }';
    const created = store.worksets.create({ dictionary: 'fr', name: '  Verbs  ', description: 'to check', query });
    expect(created).toEqual({
      id: created.id,
      dictionary: 'fr',
      name: 'Verbs',
      description: 'to check',
      query,
      created: '2025-03-01T10:00:01.000Z',
      updated: '2025-03-01T10:00:01.000Z',
      lastChange: null,
      serverId: null,
    });
    expect(store.worksets.get(created.id)).toEqual(created);
    expect(store.worksets.findByName('fr', 'VERBS')).toEqual(created);
    expect(store.worksets.findByName('fr', 'Nouns')).toBeNull();
  });

  it('lists worksets per dictionary with counts per status and the last curation change', () => {
    const verbs = store.worksets.create({ dictionary: 'fr', name: 'Verbs', query: '{}' });
    const nouns = store.worksets.create({ dictionary: 'fr', name: 'nouns', query: '{}' });
    store.worksets.create({ dictionary: 'de', name: 'Verbs', query: '{}' });
    snapshot(verbs.id, ['a', 'b', 'c', 'd']);
    store.entries.setStatus(verbs.id, 'a', 'done');
    store.entries.setStatus(verbs.id, 'b', 'review');
    const noted = store.entries.setNotes(verbs.id, 'c', 'check the gloss');

    const listed = store.worksets.list('fr');
    expect(listed.map((workset) => workset.name)).toEqual(['nouns', 'Verbs']);
    expect(listed[1].counts).toEqual({ pending: 2, done: 1, review: 1, total: 4 });
    expect(listed[1].lastChange).toBe(noted.modified);
    expect(listed[0]).toMatchObject({ id: nouns.id, counts: { pending: 0, done: 0, review: 0, total: 0 }, lastChange: null });
    expect(store.worksets.list().map((workset) => `${workset.dictionary}/${workset.name}`)).toEqual(['de/Verbs', 'fr/nouns', 'fr/Verbs']);
    expect(store.worksets.list('none')).toEqual([]);
  });

  it('refuses a second workset with the same name in a dictionary, whatever the case, as a Conflict', () => {
    const first = store.worksets.create({ dictionary: 'fr', name: 'Ŋgoni Verbs', query: '{}' });
    expect(() => store.worksets.create({ dictionary: 'fr', name: 'ŋGONI verbs ', query: '{}' })).toThrow(
      expect.objectContaining({ code: 'Conflict', details: { id: first.id }, message: expect.stringContaining('"Ŋgoni Verbs"') }),
    );
    // Another dictionary may use the name.
    expect(store.worksets.create({ dictionary: 'de', name: 'Ŋgoni Verbs', query: '{}' }).name).toBe('Ŋgoni Verbs');
  });

  it('renames, refusing a name taken by another workset but allowing a change of case', () => {
    const verbs = store.worksets.create({ dictionary: 'fr', name: 'Verbs', query: '{}' });
    store.worksets.create({ dictionary: 'fr', name: 'Nouns', query: '{}' });
    expect(() => store.worksets.rename(verbs.id, 'nouns')).toThrow(expect.objectContaining({ code: 'Conflict' }));
    const renamed = store.worksets.rename(verbs.id, 'VERBS');
    expect(renamed.name).toBe('VERBS');
    expect(renamed.updated > verbs.updated).toBe(true);
    expect(() => store.worksets.rename(verbs.id, '   ')).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('refuses JSON that does not parse and empty names as Invalid', () => {
    expect(() => store.worksets.create({ dictionary: 'fr', name: 'x', query: '{oops' })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => store.worksets.create({ dictionary: '', name: 'x', query: '{}' })).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('answers NotFound for a workset that does not exist', () => {
    for (const call of [
      () => store.worksets.get(999),
      () => store.worksets.rename(999, 'x'),
      () => store.worksets.delete(999),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'NotFound' }));
    }
    expect(() => store.worksets.get(0)).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('deletes a workset with its entries, and never reuses its id', () => {
    const doomed = store.worksets.create({ dictionary: 'fr', name: 'Doomed', query: '{}' });
    const kept = store.worksets.create({ dictionary: 'fr', name: 'Kept', query: '{}' });
    snapshot(doomed.id, ['a', 'b', 'c']);
    snapshot(kept.id, ['a', 'x']);

    store.worksets.delete(doomed.id);

    expect(() => store.worksets.get(doomed.id)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    const raw = new Database(join(folder, STORE_FILE), { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM workset_entries').pluck().get()).toBe(2);
    raw.close();
    expect(store.entries.guids(kept.id)).toEqual(['a', 'x']);
    expect(store.worksets.create({ dictionary: 'fr', name: 'Doomed', query: '{}' }).id).toBeGreaterThan(kept.id);
  });

  it('rolls back everything in a failed store transaction', () => {
    expect(() =>
      store.transaction(() => {
        store.worksets.create({ dictionary: 'fr', name: 'One', query: '{}' });
        store.worksets.create({ dictionary: 'fr', name: 'one', query: '{}' });
      }),
    ).toThrow(expect.objectContaining({ code: 'Conflict' }));
    expect(store.worksets.list()).toEqual([]);
  });

  it('fails Unavailable after close', () => {
    store.close();
    expect(() => store.worksets.list()).toThrow(expect.objectContaining({ code: 'Unavailable', message: 'the workset store is closed' }));
    store.close();
  });
});
