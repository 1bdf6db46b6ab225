import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { changesSince, lastChange } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { splitEvenly } from '../../src-main/worksets/assignment.js';
import { openStore, type Store } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { TEST_AUTHOR } from '../helpers/changes.js';
import { dropDictionary } from '../helpers/dictionary-db.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const NOUNS = querySchema.parse({ match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Noun' }] });

interface Desktop {
  folder: string;
  store: Store;
  worksets: WorksetService;
}

function desktop(who: string): Desktop {
  const folder = mkdtempSync(join(tmpdir(), `wb-assign-${who}-`));
  const store = openStore(folder);
  return { folder, store, worksets: new WorksetService(store, { ...TEST_AUTHOR, who, instance: who }) };
}

describe('splitting a list evenly', () => {
  it('gives each person a run of neighbours, the first ones one more when it does not divide', () => {
    const shares = splitEvenly(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['Ana', 'Ben', 'Cai']);
    expect([...shares]).toEqual([['Ana', ['a', 'b', 'c']], ['Ben', ['d', 'e']], ['Cai', ['f', 'g']]]);
    expect([...splitEvenly([], ['Ana'])]).toEqual([['Ana', []]]);
  });
});

describe('assigning a workset’s entries to people', () => {
  let session: BaseXSession;
  const db = uniqueName('wassign');
  const desktops: Desktop[] = [];

  beforeAll(async () => {
    session = await connectTestSession();
    await importLift(session, SAMPLE, { database: db });
  });
  afterAll(async () => {
    for (const d of desktops) {
      d.store.close();
      rmSync(d.folder, { recursive: true, force: true });
    }
    await dropDictionary(session, db);
    await session.close();
  });

  it('splits a workset among three people; each desktop shows a person just their share, and progress per person', async () => {
    const coordinator = desktop('coordinator');
    const ben = desktop('ben');
    desktops.push(coordinator, ben);
    const made = await coordinator.worksets.create(session, { dictionary: db, name: 'Everything', query: { match: 'all', filters: [] } });
    expect(made.total).toBe(230);
    const before = await lastChange(session, db);

    const split = await coordinator.worksets.assign(session, made.id, { to: ['Ana', 'Ben', 'Cai'], scope: { kind: 'all' } }, 'w1');
    expect(split).toEqual({ assigned: [{ who: 'Ana', count: 77 }, { who: 'Ben', count: 77 }, { who: 'Cai', count: 76 }], total: 230 });

    // Ben's desktop, with its own SQLite file, sees only Ben's run of entries as "my entries".
    const mine = await ben.worksets.page(session, made.id, { offset: 0, limit: 500, assignedTo: 'Ben' });
    expect(mine.total).toBe(77);
    expect(mine.entries.map((e) => e.position)).toEqual(Array.from({ length: 77 }, (_, i) => 77 + i));
    expect(new Set(mine.entries.map((e) => e.assignedTo))).toEqual(new Set(['Ben']));
    for (const entry of mine.entries.slice(0, 10)) await ben.worksets.setStatus(session, made.id, entry.guid, 'done', 'w2');

    const [summary] = await coordinator.worksets.list(session, db);
    expect(summary.people).toEqual([
      { who: 'Ana', counts: { pending: 77, done: 0, review: 0, total: 77 } },
      { who: 'Ben', counts: { pending: 67, done: 10, review: 0, total: 77 } },
      { who: 'Cai', counts: { pending: 76, done: 0, review: 0, total: 76 } },
    ]);

    // One record for the whole assignment, saying who got how many.
    const [record] = await changesSince(session, db, before);
    expect(record).toMatchObject({ op: 'curate', field: 'assign', who: 'coordinator', workset: made.id, guid: '', now: ['Ana: 77; Ben: 77; Cai: 76'] });
  });

  it('gives out the next entries nobody has, reassigns by a filter, and gives entries back to nobody', async () => {
    const coordinator = desktop('coordinator2');
    desktops.push(coordinator);
    const made = await coordinator.worksets.create(session, { dictionary: db, name: 'Second', query: { match: 'all', filters: [] } });

    const first = await coordinator.worksets.assign(session, made.id, { to: ['Ana'], scope: { kind: 'unassigned', count: 20 } });
    expect(first).toEqual({ assigned: [{ who: 'Ana', count: 20 }], total: 20 });
    const next = await coordinator.worksets.assign(session, made.id, { to: ['Ben'], scope: { kind: 'unassigned', count: 20 } });
    expect(next.total).toBe(20);
    const bens = await coordinator.worksets.page(session, made.id, { offset: 0, limit: 500, assignedTo: 'Ben' });
    // Ana had places 0–19: Ben's are the next twenty, not Ana's again.
    expect(bens.entries.map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => 20 + i));

    const nouns = await coordinator.worksets.assign(session, made.id, { to: ['Cai'], scope: { kind: 'filter', query: NOUNS } });
    expect(nouns.total).toBe(171);
    const cai = await coordinator.worksets.page(session, made.id, { offset: 0, limit: 500, assignedTo: 'Cai' });
    expect(cai.total).toBe(171);
    expect(cai.entries.every((e) => e.entry?.pos.includes('Noun'))).toBe(true);

    const back = await coordinator.worksets.assign(session, made.id, { to: [], scope: { kind: 'guids', guids: cai.entries.slice(0, 5).map((e) => e.guid) } });
    expect(back).toEqual({ assigned: [{ who: null, count: 5 }], total: 5 });
    expect((await coordinator.worksets.page(session, made.id, { offset: 0, limit: 0, assignedTo: 'Cai' })).total).toBe(166);
    const nobody = await coordinator.worksets.page(session, made.id, { offset: 0, limit: 0, assignedTo: null });
    const people = (await coordinator.worksets.get(session, made.id)).people;
    expect(people.find((p) => p.who === null)?.counts.total).toBe(nobody.total);
    expect(people.reduce((sum, p) => sum + p.counts.total, 0)).toBe(230);
  });

  it('refuses an empty name or a count of 0 in words, and changes nothing', async () => {
    const coordinator = desktop('coordinator3');
    desktops.push(coordinator);
    const made = await coordinator.worksets.create(session, { dictionary: db, name: 'Third', query: NOUNS });
    const before = await lastChange(session, db);
    await expect(coordinator.worksets.assign(session, made.id, { to: ['  '], scope: { kind: 'all' } })).rejects.toThrow('a person to assign to has an empty name');
    await expect(coordinator.worksets.assign(session, made.id, { to: ['Ana'], scope: { kind: 'unassigned', count: 0 } })).rejects.toThrow(
      'the number of entries to assign must be a whole number above 0',
    );
    expect(await lastChange(session, db)).toBe(before);
    expect((await coordinator.worksets.get(session, made.id)).people).toEqual([]);
  });
});
