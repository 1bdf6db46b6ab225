import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { changesSince, lastChange, entryHistory } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { openStore, STORE_FILE, type Store } from '../../src-main/worksets/store/index.js';
import { snapshotRow } from '../../src-main/worksets/sort-keys.js';
import { keysOf } from '../../src-main/worksets/query/run.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const EVERY_ENTRY: WorksetQueryInput = { match: 'all', filters: [] };

/** A desktop: its own data folder and services, on the one test server. */
interface Desktop {
  folder: string;
  store: Store;
  worksets: WorksetService;
}

function desktop(who: string): Desktop {
  const folder = mkdtempSync(join(tmpdir(), `wb-desk-${who}-`));
  const store = openStore(folder);
  return { folder, store, worksets: new WorksetService(store, { ...TEST_AUTHOR, who, instance: who }) };
}

function close(d: Desktop): void {
  d.store.close();
  rmSync(d.folder, { recursive: true, force: true });
}

describe('worksets live on the dictionary server', () => {
  let session: BaseXSession;
  const db = uniqueName('wsrv');
  const desktops: Desktop[] = [];

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
  });
  afterAll(async () => {
    desktops.forEach(close);
    await dropDictionary(session, db);
    await session.close();
  });

  it('shows a workset made on one desktop on another, by the same id, with its curation and who set it in the log', async () => {
    const ana = desktop('ana');
    const ben = desktop('ben');
    desktops.push(ana, ben);
    const before = await lastChange(session, db);
    const made = await ana.worksets.create(session, { dictionary: db, name: 'Everything', query: EVERY_ENTRY });
    const listed = await ben.worksets.list(session, db);
    expect(listed.map((w) => [w.id, w.name, w.counts.total])).toEqual([[made.id, 'Everything', made.total]]);

    const [first, second] = (await ben.worksets.page(session, made.id, { offset: 0, limit: 2 })).entries;
    await ben.worksets.setStatus(session, made.id, first.guid, 'done', 'w1');
    await ben.worksets.setNotes(session, made.id, second.guid, 'tone?\nask Ana', 'w1');
    await ben.worksets.setFavourite(session, made.id, second.guid, true, 'w1');

    // Ana's desktop has its own SQLite file: it takes Ben's changes in at its next look.
    expect(await ana.worksets.progress(session, made.id)).toMatchObject({ done: 1, total: made.total });
    const page = await ana.worksets.page(session, made.id, { offset: 0, limit: 2 });
    expect(page.entries.map((e) => [e.status, e.favourite, e.notes])).toEqual([['done', false, ''], ['pending', true, 'tone?\nask Ana']]);

    const records = await changesSince(session, db, before);
    expect(records.map((r) => [r.op, r.field, r.who, r.workset, r.guid])).toEqual([
      ['workset', 'create', 'ana', made.id, ''],
      ['curate', 'status', 'ben', made.id, first.guid],
      ['curate', 'notes', 'ben', made.id, second.guid],
      ['curate', 'favourite', 'ben', made.id, second.guid],
    ]);
    expect(records[1]).toMatchObject({ was: ['pending'], now: ['done'], window: 'w1' });
    // Curation is not a change to the entry: its history does not list it.
    expect(await entryHistory(session, db, first.guid)).toEqual([]);
  });

  it('loses nothing when a desktop deletes its SQLite file: worksets, statuses and notes come back from the server', async () => {
    const ana = desktop('ana2');
    desktops.push(ana);
    const made = await ana.worksets.create(session, { dictionary: db, name: 'Rebuilt', query: EVERY_ENTRY });
    const [first] = (await ana.worksets.page(session, made.id, { offset: 0, limit: 1, sort: { by: 'headword', dir: 'asc' } })).entries;
    await ana.worksets.setStatus(session, made.id, first.guid, 'review');
    await ana.worksets.setNotes(session, made.id, first.guid, 'check');

    ana.store.close();
    rmSync(join(ana.folder, STORE_FILE));
    ana.store = openStore(ana.folder);
    ana.worksets = new WorksetService(ana.store, { ...TEST_AUTHOR, who: 'ana2', instance: 'ana2-again' });

    expect((await ana.worksets.list(session, db)).find((w) => w.id === made.id)).toMatchObject({ name: 'Rebuilt', counts: { review: 1, total: made.total } });
    const [again] = (await ana.worksets.page(session, made.id, { offset: 0, limit: 1, sort: { by: 'headword', dir: 'asc' } })).entries;
    expect(again).toMatchObject({ guid: first.guid, status: 'review', notes: 'check' });
    // The sort keys were rebuilt from the dictionary too: the headword order is the same.
    expect(again.entry?.headword).toEqual(first.entry?.headword);
  });

  it('renames and deletes on the server: another desktop follows, and a deleted workset is NotFound there', async () => {
    const ana = desktop('ana3');
    const ben = desktop('ben3');
    desktops.push(ana, ben);
    const made = await ana.worksets.create(session, { dictionary: db, name: 'Temp', query: EVERY_ENTRY });
    await ben.worksets.page(session, made.id, { offset: 0, limit: 1 });
    await expect(ben.worksets.create(session, { dictionary: db, name: ' temp ', query: EVERY_ENTRY })).rejects.toMatchObject({ code: 'Conflict' });
    await ana.worksets.rename(session, made.id, 'Kept');
    expect((await ben.worksets.get(session, made.id)).name).toBe('Kept');
    await ana.worksets.delete(session, made.id);
    await expect(ben.worksets.page(session, made.id, { offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'NotFound' });
    expect((await ben.worksets.list(session, db)).some((w) => w.id === made.id)).toBe(false);
  });

  it('moves the worksets a data folder of the previous release holds to the server, with every status and note', async () => {
    const old = desktop('old');
    desktops.push(old);
    // What the previous release wrote: the workset and its curation in SQLite only.
    const guids = await session.query(`declare variable $db external; db:open($db, 'dictionary.lift')/lift/entry[empty(@dateDeleted)][position() <= 5]/@guid/string()`, { db });
    const keys = await keysOf(session, db, guids);
    const row = old.store.worksets.create({ dictionary: db, name: 'Everything', query: JSON.stringify({ match: 'all', filters: [] }) });
    old.store.entries.replaceSnapshot(row.id, keys.map(snapshotRow));
    const order = keys.map((k) => k.guid);
    expect([...order].sort()).toEqual([...guids].sort());
    old.store.entries.setStatus(row.id, order[1], 'done');
    old.store.entries.setNotes(row.id, order[2], 'from the old release');

    const listed = await old.worksets.list(session, db);
    // "Everything" was taken on the server by the first test's workset: the moved one says so.
    const moved = listed.find((w) => w.name === 'Everything (moved)');
    expect(moved).toMatchObject({ counts: { done: 1, total: 5 } });
    const other = desktop('other');
    desktops.push(other);
    const page = await other.worksets.page(session, moved?.id ?? 0, { offset: 0, limit: 5 });
    expect(page.entries.map((e) => [e.guid, e.status, e.notes])).toEqual(order.map((g, i) => [g, i === 1 ? 'done' : 'pending', i === 2 ? 'from the old release' : '']));
    // Moved once: a second look moves nothing again.
    expect((await new WorksetService(old.store, TEST_AUTHOR).list(session, db)).filter((w) => w.name.startsWith('Everything'))).toHaveLength(2);
  });
});
