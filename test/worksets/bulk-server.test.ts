import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdit, readEntries } from '../../src-main/lift/entry-xml.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { STORE_FILE, openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { TEST_AUTHOR, TEST_CHANGE } from '../helpers/changes.js';
import { englishGlosses, glossesMarkedOnce, senaNouns } from '../helpers/sena-nouns.js';

const MARK = ' ‹server›';
const OP = { action: 'append', field: 'gloss', lang: 'en', value: MARK } as const;
const NOUNS = { match: 'all' as const, filters: [{ field: 'pos' as const, op: 'equals' as const, value: 'Nome' }] };

/**
 * Bulk operations live on the dictionary's server: a desktop with another data folder lists,
 * resumes and undoes what the first one ran, and what a data folder's SQLite journal held
 * before is moved there with every entry's state and pre-image.
 */
describe('bulk operations on the dictionary server', () => {
  const nouns = senaNouns('bulk_server');
  const others: Store[] = [];
  const otherDesktop = (name: string): Store => {
    const store = openStore(`${nouns.folder}-${name}`);
    others.push(store);
    return store;
  };
  afterAll(() => {
    for (const store of others) {
      store.close();
      rmSync(store.folder, { recursive: true, force: true });
    }
  });

  it('are listed, resumed and undone by another desktop', async () => {
    const here = new BulkService(nouns.store, TEST_AUTHOR);
    const { operation } = await here.preview(nouns.session, nouns.worksetId, OP);
    const paused = await here.run(nouns.session, operation.id, { onWritten: async () => void (await here.pause(nouns.session, operation.id)) });
    expect(paused.operation.state).toBe('paused');

    const there = new BulkService(otherDesktop('there'), { ...TEST_AUTHOR, who: 'Ana', instance: 'there' });
    const listed = await there.list(nouns.session, { dictionary: nouns.db });
    expect(listed.find((op) => op.id === operation.id)).toMatchObject({ state: 'paused', who: TEST_AUTHOR.who, changed: paused.operation.changed });
    // Its workset is the first desktop's: the second one's work lists do not show it.
    expect(await there.list(nouns.session, { states: ['paused'] })).toEqual(expect.arrayContaining([expect.objectContaining({ id: operation.id })]));

    const done = await there.resume(nouns.session, operation.id);
    expect(done.operation).toMatchObject({ state: 'done', skipped: 0 });
    expect((await nouns.current()).map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(nouns.before, MARK));
    await there.undo(nouns.session, operation.id);
    expect((await nouns.current()).map((e) => e.xml)).toEqual(nouns.before.map((e) => e.xml));
    expect(await here.get(nouns.session, operation.id)).toMatchObject({ state: 'undone' });
  });

  it('held in a data folder from before are moved to the server, and undo exactly', async () => {
    const store = otherDesktop('legacy');
    const service = new WorksetService(store);
    const worksetId = (await service.create(nouns.session, { dictionary: nouns.db, name: 'old run', query: NOUNS })).id;
    const [g1, g2, g3, g4] = await service.members(nouns.session, worksetId);
    const before = await readEntries(nouns.session, nouns.db, [g1, g2, g3, g4]);
    // What an old release left after a crash: two entries journalled as written, a third written
    // but still pending in the journal (the kill came between BaseX and SQLite), a fourth not written.
    const written = await applyEdit(nouns.session, nouns.db, OP, before.slice(0, 3).map((e) => ({ guid: e.guid, version: e.version })), { ...TEST_CHANGE, op: 'bulk' });
    const raw = new Database(join(store.folder, STORE_FILE));
    raw.prepare('INSERT INTO legacy_bulk_ops VALUES (7, ?, ?, ?, ?, 4, 2, 0, NULL, ?, ?)').run(worksetId, nouns.db, JSON.stringify(OP), 'interrupted', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const journal = raw.prepare('INSERT INTO legacy_bulk_journal VALUES (?, 7, ?, ?, ?, ?, ?, NULL)');
    before.forEach((e, i) => journal.run(i + 1, e.guid, e.xml, e.version, i < 2 ? (written[i].version ?? null) : null, i < 2 ? 'applied' : 'pending'));
    raw.close();

    const bulk = new BulkService(store, TEST_AUTHOR);
    const [moved] = await bulk.list(nouns.session, { worksetId });
    expect(moved).toMatchObject({ state: 'interrupted', total: 4, changed: 3, skipped: 0, op: OP });
    expect(store.legacyBulk.exists()).toBe(false);

    const resumed = await bulk.resume(nouns.session, moved.id);
    expect(resumed.operation).toMatchObject({ state: 'done', changed: 4 });
    const after = await readEntries(nouns.session, nouns.db, [g1, g2, g3, g4]);
    expect(after.map((e) => englishGlosses(e.xml))).toEqual(glossesMarkedOnce(before, MARK));
    await bulk.undo(nouns.session, moved.id);
    expect((await readEntries(nouns.session, nouns.db, [g1, g2, g3, g4])).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
  });
});
