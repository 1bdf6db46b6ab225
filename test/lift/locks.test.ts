import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { countEntries, dictionaryInfo, listDictionaries } from '../../src-main/lift/dictionaries.js';
import { logDatabase } from '../../src-main/lift/database-query.js';
import { LIFT_DOC } from '../../src-main/lift/documents.js';
import { entryViews } from '../../src-main/lift/entry-view.js';
import { applyEdit, previewEdit, readEntries, reconcileEdit, restoreEntries } from '../../src-main/lift/entry-xml.js';
import { OPERATIONS_DB } from '../../src-main/lift/server-register.js';
import { exportLift } from '../../src-main/lift/export.js';
import { importLift } from '../../src-main/lift/import.js';
import { readLayout } from '../../src-main/lift/meta.js';
import { dictionaryVocabulary } from '../../src-main/lift/vocabulary.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { checkEdit } from '../../src-main/worksets/check-edit.js';
import { EntryService } from '../../src-main/worksets/entry-service.js';
import { keysOf, matchKeys } from '../../src-main/worksets/query/run.js';
import { validateQuery } from '../../src-main/worksets/query/validate.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { LockRecorder, type QueryLocks } from '../helpers/lock-recorder.js';
import { TEST_AUTHOR, TEST_CHANGE } from '../helpers/changes.js';

/**
 * Every kind of call the app makes on a dictionary locks that dictionary's database only, as
 * BaseX reports it (QUERYINFO), never the server as a whole: so a write in one dictionary
 * cannot hold up a window on another (BaseX 9.7.2 locks globally when a database name is bound).
 */

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const NOUNS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] };
const GLOSS_EDIT: FieldEdit = { action: 'append', field: 'gloss', lang: 'en', value: ' (checked)' };

describe('locks of every call on a dictionary', () => {
  let session: BaseXSession;
  let recorder: LockRecorder;
  let store: Store;
  const folder = mkdtempSync(join(tmpdir(), 'wb-locks-'));
  const a = uniqueName('locks_a');
  const b = uniqueName('locks_b');
  let guids: string[];

  beforeAll(async () => {
    session = await connectTestSession();
    for (const name of [a, b]) await importLift(session, SAMPLE, { database: name });
    recorder = new LockRecorder(session);
    await recorder.enable();
    store = openStore(folder);
    guids = (await matchKeys(session, a, querySchema.parse(NOUNS))).slice(0, 5).map((k) => k.guid);
    recorder.take();
  });
  afterAll(async () => {
    store.close();
    await session.command('SET QUERYINFO false');
    for (const name of [a, b, `${a}_copy`, logDatabase(a)]) await session.command(`DROP DB ${name}`);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Runs a call and returns the locks of its queries, after checking it made some. */
  async function locksOf(call: () => Promise<unknown>): Promise<QueryLocks[]> {
    recorder.take();
    await call();
    const locks = recorder.take();
    expect(locks.length).toBeGreaterThan(0);
    return locks;
  }

  /** Every query read-locked only `db` and its change log (or nothing) and wrote nothing. */
  async function readsOnly(db: string, call: () => Promise<unknown>): Promise<void> {
    for (const locks of await locksOf(call)) {
      expect(locks, locks.query).toMatchObject({ write: [] });
      expect(locks.read.filter((name) => name !== db && name !== logDatabase(db)), locks.query).toEqual([]);
    }
  }

  /** Every query locked only `db` and its change log, and some query write-locked both. */
  async function writes(db: string, call: () => Promise<unknown>): Promise<void> {
    const all = await locksOf(call);
    for (const locks of all) expect([...locks.read, ...locks.write].filter((name) => name !== db && name !== logDatabase(db)), locks.query).toEqual([]);
    expect(all.some((locks) => locks.write.includes(db) && locks.write.includes(logDatabase(db)))).toBe(true);
  }

  /**
   * A workset's write (it lives in the log database, lift/workset-documents.ts): every query locks
   * only `db`, its log or the server's register of ids, none writes the dictionary, and one
   * write-locks the log.
   */
  async function writesWorkset(db: string, call: () => Promise<unknown>): Promise<void> {
    const all = await locksOf(call);
    const allowed = [db, logDatabase(db), OPERATIONS_DB];
    for (const locks of all) {
      expect([...locks.read, ...locks.write].filter((name) => !allowed.includes(name)), locks.query).toEqual([]);
      expect(locks.write, locks.query).not.toContain(db);
    }
    expect(all.some((locks) => locks.write.includes(logDatabase(db)))).toBe(true);
  }

  it('worksets: create (match keys), page, curate, navigate, refresh', async () => {
    const worksets = new WorksetService(store);
    let id = 0;
    await writesWorkset(a, async () => (id = (await worksets.create(recorder, { dictionary: a, name: 'nouns', query: NOUNS })).id));
    await readsOnly(a, () => worksets.page(recorder, id, { offset: 0, limit: 50 }));
    await writesWorkset(a, () => worksets.setStatus(recorder, id, guids[0], 'done'));
    await writesWorkset(a, () => worksets.setFavourite(recorder, id, guids[0], true));
    await writesWorkset(a, () => worksets.setNotes(recorder, id, guids[0], 'a note'));
    await readsOnly(a, () => worksets.navigate(recorder, id, 'next', guids[0], {}));
    await writesWorkset(a, () => worksets.refresh(recorder, id));
  });

  it('entries: read, view, keys, and a single field edit', async () => {
    const entries = new EntryService(store, TEST_AUTHOR);
    await readsOnly(a, () => entryViews(recorder, a, guids));
    await readsOnly(a, () => readEntries(recorder, a, guids));
    await readsOnly(a, () => keysOf(recorder, a, guids));
    const detail = await entries.get(recorder, a, guids[1]);
    await writes(a, () => entries.edit(recorder, a, guids[1], detail.version, GLOSS_EDIT));
  });

  it('validate a query, with a pattern to check', async () => {
    await readsOnly(a, () => validateQuery(recorder, a, { match: 'all', filters: [{ field: 'gloss', op: 'matches', value: '^a' }, ...NOUNS.filters] }));
    // The pattern checks name no database at all.
    const checks = await locksOf(() => checkEdit(recorder, { action: 'replace', field: 'gloss', pattern: 'a', replacement: 'b' }));
    expect(checks).toEqual([expect.objectContaining({ read: [], write: [] })]);
  });

  it('bulk: preview reads, apply, reconcile and undo restore', async () => {
    const before = await readEntries(session, a, guids);
    await readsOnly(a, () => previewEdit(recorder, a, GLOSS_EDIT, guids));
    const applied = await locksOf(() => applyEdit(recorder, a, GLOSS_EDIT, before.map((e) => ({ guid: e.guid, version: e.version })), TEST_CHANGE));
    expect(applied.map((locks) => ({ read: locks.read, write: [...locks.write].sort() }))).toEqual([{ read: [], write: [a, logDatabase(a)].sort() }]);
    const after = await readEntries(session, a, guids);
    await readsOnly(a, () => reconcileEdit(recorder, a, GLOSS_EDIT, before.map((e) => ({ guid: e.guid, preImage: e.xml, previewVersion: e.version }))));
    const restored = await locksOf(() => restoreEntries(recorder, a, before.map((e, i) => ({ guid: e.guid, xml: e.xml, expectedVersion: after[i].version })), TEST_CHANGE));
    expect(restored.map((locks) => ({ read: locks.read, write: [...locks.write].sort() }))).toEqual([{ read: [], write: [a, logDatabase(a)].sort() }]);
  });

  it('bulk service: each query locks the dictionary, its log, or the register of operation ids, and batches write the first two only', async () => {
    const bulk = new BulkService(store, TEST_AUTHOR);
    const { id } = await new WorksetService(store).create(session, { dictionary: a, name: 'bulk locks', query: NOUNS });
    const all = await locksOf(async () => {
      const { operation } = await bulk.preview(recorder, id, GLOSS_EDIT);
      await bulk.run(recorder, operation.id);
      await bulk.undo(recorder, operation.id);
    });
    const allowed = [a, logDatabase(a), OPERATIONS_DB];
    for (const locks of all) expect([...locks.read, ...locks.write].filter((name) => !allowed.includes(name)), locks.query).toEqual([]);
    const batches = all.filter((locks) => locks.write.includes(a));
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const locks of batches) expect([...locks.write].sort(), locks.query).toEqual([a, logDatabase(a)].sort());
  });

  it('dictionary: count, info, vocabulary, layout, export', async () => {
    await readsOnly(a, () => countEntries(recorder, a));
    await readsOnly(a, () => dictionaryInfo(recorder, a));
    await readsOnly(a, () => dictionaryVocabulary(recorder, a));
    await readsOnly(a, () => readLayout(recorder, a, LIFT_DOC));
    await readsOnly(a, () => exportLift(recorder, a, join(folder, 'export.lift')));
  });

  it('lists the dictionaries one database at a time, never the server as a whole', async () => {
    const listed = await locksOf(async () => expect((await listDictionaries(recorder)).map((d) => d.name)).toEqual(expect.arrayContaining([a, b])));
    for (const locks of listed) {
      expect(locks.write, locks.query).toEqual([]);
      // One dictionary and its change log (its count of changes) at a time.
      expect(locks.read.length, locks.query).toBeLessThanOrEqual(2);
      if (locks.read.length === 2) expect(locks.read[0] === logDatabase(locks.read[1]) || locks.read[1] === logDatabase(locks.read[0]), locks.query).toBe(true);
      expect(locks.read, locks.query).not.toContain('(global)');
    }
    expect(listed.some((locks) => locks.read.includes(b))).toBe(true);
  });

  it('import: checks and swaps its own databases only, and makes sure of the register of operation ids', async () => {
    const copy = `${a}_copy`;
    // The register is the server's, not a dictionary's: an import (an admin's) creates it when missing.
    const own = (name: string): boolean =>
      name === copy || name === logDatabase(copy) || name.startsWith(`${copy}__import_`) || name.startsWith(`${copy}__backup_`) || name === OPERATIONS_DB;
    for (let round = 0; round < 2; round++) {
      // The second round replaces the dictionary the first one made.
      const all = await locksOf(() => importLift(recorder, SAMPLE, { database: copy, replace: round > 0 }));
      for (const locks of all) expect([...locks.read, ...locks.write].filter((name) => !own(name)), locks.query).toEqual([]);
    }
  });
});
