import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { FieldEdit } from '../../src-main/domain/edits.js';
import { importLift } from '../../src-main/lift/import.js';
import { readEntries } from '../../src-main/lift/entry-xml.js';
import { BulkService } from '../../src-main/worksets/bulk/bulk-service.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { TEST_AUTHOR } from '../helpers/changes.js';

const NOUNS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }], sort: { by: 'headword', dir: 'asc' } };
const changes = (row: { before: readonly string[]; after: readonly string[] }): boolean => row.before.join('\u0001') !== row.after.join('\u0001');

/** A bulk preview says up front how many entries will really change, and lists those first (Sena's nouns). */
describe('bulk preview: what will really change', () => {
  let session: BaseXSession;
  let store: Store;
  let worksets: WorksetService;
  let bulk: BulkService;
  let id = 0;
  const folder = mkdtempSync(join(tmpdir(), 'wb-bulk-preview-'));
  const db = uniqueName('sena');

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
    store = openStore(folder);
    worksets = new WorksetService(store);
    bulk = new BulkService(store, TEST_AUTHOR);
    id = (await worksets.create(session, { dictionary: db, name: 'Nouns', query: NOUNS })).id;
  });
  afterAll(async () => {
    store.close();
    await dropDictionary(session, db);
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('counts the entries that change, lists them first, and the run changes exactly those', async () => {
    const edit: FieldEdit = { action: 'replace', field: 'gloss', lang: 'pt', pattern: '^(.)', replacement: '$1', flags: '' };
    const rare: FieldEdit = { ...edit, pattern: '^ca', replacement: 'CA' };
    const preview = await bulk.preview(session, id, rare);
    expect(preview.changing).toBeGreaterThan(0);
    expect(preview.changing).toBeLessThan(preview.operation.total);
    const shown = Math.min(preview.changing, preview.rows.length);
    expect(preview.rows.slice(0, shown).every(changes)).toBe(true);
    expect(preview.rows.slice(shown).some(changes)).toBe(false);
    const outcome = await bulk.run(session, preview.operation.id);
    expect(outcome.operation.changed).toBe(preview.changing);
    // Those that already had the new value are "unchanged", not "skipped".
    expect(outcome.unchanged).toBe(preview.operation.total - preview.changing);
    expect(outcome.skipped).toEqual([]);
    await bulk.undo(session, outcome.operation.id);
    // A replace of a pattern by itself changes nothing: the preview says so.
    expect((await bulk.preview(session, id, edit)).changing).toBe(0);
  });

  it('append to a note an entry lacks creates it', async () => {
    const preview = await bulk.preview(session, id, { action: 'append', field: 'note', lang: 'en', value: 'checked in 2026' });
    expect(preview.changing).toBe(preview.operation.total);
    const outcome = await bulk.run(session, preview.operation.id);
    expect(outcome.operation.changed).toBe(preview.operation.total);
    const members = await worksets.members(session, id);
    const written = await readEntries(session, db, members.slice(0, 50));
    for (const entry of written) expect(entry.xml).toMatch(/<note>(?:(?!<\/note>).)*<form lang="en"><text>(?:(?!<\/text>).)*checked in 2026<\/text><\/form>/s);
    await bulk.undo(session, outcome.operation.id);
  });

  it('refuses to add, delete or move parts of every entry, before any operation exists', async () => {
    const before = (await bulk.list(session, { worksetId: id })).length;
    for (const op of [
      { action: 'delete', field: 'entry' },
      { action: 'add', field: 'sense', lang: 'en', value: 'x' },
      { action: 'set', field: 'example', sense: 0, example: 0, lang: 'en', value: 'x' },
      { action: 'set', field: 'pronunciation', index: 0, lang: 'en', value: 'x' },
      { action: 'add', field: 'relation', value: 'Synonyms', ref: 'x' },
    ] satisfies FieldEdit[]) {
      await expect(bulk.preview(session, id, op)).rejects.toMatchObject({ code: 'Invalid', message: expect.stringMatching(/^a bulk edit sets, clears or rewrites a field of every entry; to .+, open the entry$/) });
    }
    expect(await bulk.list(session, { worksetId: id })).toHaveLength(before);
  });
});
