import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { changesSince, lastChange } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService, type WorksetQueryInput } from '../../src-main/worksets/workset-service.js';
import type { WorksetEntry } from '../../src-main/domain/worksets.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const NOUNS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] };
const VERBS: WorksetQueryInput = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Verb' }] };
const NOUNS_OR_VERBS: WorksetQueryInput = { match: 'any', filters: [...NOUNS.filters, ...VERBS.filters] };

/**
 * Editing a workset's query keeps the work done on the entries that still match; duplicating
 * copies the work list. Two desktops (data folders) on one server: the other follows.
 */
describe('editing and duplicating a workset', () => {
  let session: BaseXSession;
  const db = uniqueName('wsedit');
  const folders: string[] = [];
  const stores: Store[] = [];

  function desktop(who: string): WorksetService {
    const folder = mkdtempSync(join(tmpdir(), `wb-edit-${who}-`));
    folders.push(folder);
    const store = openStore(folder);
    stores.push(store);
    return new WorksetService(store, { ...TEST_AUTHOR, who, instance: who });
  }

  async function everyMember(worksets: WorksetService, id: number): Promise<readonly WorksetEntry[]> {
    return (await worksets.page(session, id, { offset: 0, limit: 500 })).entries;
  }

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
  });
  afterAll(async () => {
    stores.forEach((store) => store.close());
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
    await dropDictionary(session, db);
    await session.close();
  });

  it('a new query keeps the status, favourite and notes of the entries that still match, and another desktop follows', async () => {
    const ana = desktop('ana');
    const ben = desktop('ben');
    const made = await ana.create(session, { dictionary: db, name: 'Nouns', query: NOUNS });
    const nouns = await everyMember(ana, made.id);
    expect(nouns.length).toBe(made.total);
    expect(nouns.every((m) => m.entry?.pos.includes('Noun'))).toBe(true);
    const [first, second] = nouns;
    await ana.setStatus(session, made.id, first.guid, 'done');
    await ana.setNotes(session, made.id, second.guid, 'tone?');
    await ana.setFavourite(session, made.id, second.guid, true);
    await ben.page(session, made.id, { offset: 0, limit: 1 });
    const before = await lastChange(session, db);

    const widened = await ana.setQuery(session, made.id, NOUNS_OR_VERBS);
    const verbs = await ana.create(session, { dictionary: db, name: 'Verbs', query: VERBS });
    expect(widened).toEqual({ added: verbs.total, removed: 0, total: made.total + verbs.total });
    const [record] = await changesSince(session, db, before);
    expect(record).toMatchObject({ op: 'workset', field: 'query', who: 'ana', workset: made.id });

    // Ben's desktop holds the old membership: it takes the new one in at its next look.
    expect((await ben.get(session, made.id)).query).toMatchObject({ match: 'any' });
    const widenedMembers = await everyMember(ben, made.id);
    expect(widenedMembers.length).toBe(widened.total);
    expect(widenedMembers.find((m) => m.guid === first.guid)).toMatchObject({ status: 'done' });
    expect(widenedMembers.find((m) => m.guid === second.guid)).toMatchObject({ notes: 'tone?', favourite: true });
    expect(widenedMembers.slice(0, nouns.length).map((m) => m.guid)).toEqual(nouns.map((m) => m.guid));
    expect(widenedMembers.slice(nouns.length).every((m) => m.status === 'pending')).toBe(true);

    const narrowed = await ben.setQuery(session, made.id, VERBS);
    expect(narrowed).toEqual({ added: 0, removed: nouns.length, total: verbs.total });
    expect((await ana.progress(session, made.id))).toMatchObject({ done: 0, total: verbs.total });
  });

  it('a query that is not valid is refused and the workset is as it was', async () => {
    const ana = desktop('ana2');
    const made = await ana.create(session, { dictionary: db, name: 'Kept as is', query: NOUNS });
    await expect(ana.setQuery(session, made.id, { match: 'all', filters: [{ field: 'pos', op: 'no-such-op', value: 'x' }] } as unknown as WorksetQueryInput)).rejects.toThrow();
    expect((await ana.get(session, made.id)).query).toMatchObject(NOUNS);
    expect((await ana.progress(session, made.id)).total).toBe(made.total);
  });

  it('a duplicate has the query and the work list, and curating it leaves the original alone', async () => {
    const ana = desktop('ana3');
    const ben = desktop('ben3');
    const made = await ana.create(session, { dictionary: db, name: 'Original', query: NOUNS });
    const members = await everyMember(ana, made.id);
    await ana.setStatus(session, made.id, members[2].guid, 'review');
    await ana.setNotes(session, made.id, members[3].guid, 'see Sena');
    await ana.assign(session, made.id, { to: ['Carla'], scope: { kind: 'guids', guids: [members[4].guid] } });

    await expect(ben.duplicate(session, made.id, ' original ')).rejects.toMatchObject({ code: 'Conflict' });
    await expect(ben.duplicate(session, made.id, '  ')).rejects.toThrow(/name/);
    const copy = await ben.duplicate(session, made.id, 'Original (copy)');
    expect(copy).toMatchObject({ name: 'Original (copy)', total: made.total });
    expect(copy.id).not.toBe(made.id);
    const copied = await everyMember(ana, copy.id);
    expect(copied.map((m) => [m.guid, m.status, m.notes, m.assignedTo ?? null])).toEqual(members.map((m, i) =>
      [m.guid, i === 2 ? 'review' : 'pending', i === 3 ? 'see Sena' : '', i === 4 ? 'Carla' : null]));
    expect((await ana.get(session, copy.id)).query).toMatchObject(NOUNS);

    await ben.setStatus(session, copy.id, members[0].guid, 'done');
    expect((await ana.progress(session, made.id)).done).toBe(0);
    expect((await ana.progress(session, copy.id)).done).toBe(1);
  });
});
