import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { Channel, ChannelArgs, ChannelResult, EventName, EventPayloads } from '../../src-main/ipc/contract.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { importLift } from '../../src-main/lift/import.js';
import { connectTestSession, testServerUrl, uniqueName } from '../helpers/basex.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

/**
 * The events other windows refresh from, through the real handler table: every write reaches
 * every window with the guids it changed; progress goes to the window that asked only.
 */

interface Received {
  event: EventName;
  payload: EventPayloads[EventName];
}

const folder = mkdtempSync(join(tmpdir(), 'wb-events-'));
const db = uniqueName('events');
let services: AppServices;
let admin: BaseXSession;
const inbox = new Map<string, Received[]>();

function openWindow(windowId: string): HandlerContext {
  const received: Received[] = [];
  inbox.set(windowId, received);
  services.bus.subscribe(windowId, (event, payload) => received.push({ event, payload }));
  return { windowId, session: services.registry.open(windowId), emit: services.bus.emitTo.bind(services.bus, windowId) };
}

async function call<C extends Channel>(ctx: HandlerContext, channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(services.table, ctx, channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelResult<C>;
}

/** Takes what a window received since the last take. */
function take(windowId: string, event: EventName): Array<EventPayloads[EventName]> {
  const received = inbox.get(windowId) ?? [];
  // Other test files write other dictionaries on the same server; this process's follower announces those too.
  const taken = received.filter((r) => r.event === event && (!('dictionary' in r.payload) || r.payload.dictionary === db)).map((r) => r.payload);
  received.length = 0;
  return taken;
}

beforeAll(async () => {
  admin = await connectTestSession();
  await importLift(admin, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
  services = await startServices({
    dataFolder: join(folder, 'data'),
    basexUrl: testServerUrl(),
    platform: 'browser',
    shell: { openWindow: async () => ({ opened: false, url: 'http://127.0.0.1/' }) },
  });
});
afterAll(async () => {
  await services.close();
  await dropDictionary(admin, db);
  await admin.close();
  rmSync(folder, { recursive: true, force: true });
});

it('announces every write to every window with the guids it changed, and progress only to the caller', async () => {
  const a = openWindow('events-a');
  openWindow('events-b');
  const query: ChannelArgs<'worksets.create'>['query'] = { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }], sort: { by: 'headword', dir: 'asc' } };
  const workset = await call(a, 'worksets.create', { dictionary: db, name: 'nouns', query });
  expect(take('events-b', 'worksets-changed')).toEqual([{ dictionary: db, worksetId: workset.id, guids: undefined, origin: 'events-a' }]);

  const page = await call(a, 'worksets.page', { id: workset.id, offset: 0, limit: 3 });
  const [first, second] = page.entries.map((row) => row.guid);

  // An inline edit: entries-changed, to the other window too.
  const entry = await call(a, 'entries.get', { dictionary: db, guid: first });
  await call(a, 'entries.edit', { dictionary: db, guid: first, version: entry.version, edit: { action: 'set', field: 'gloss', lang: 'en', value: 'announced' } });
  expect(take('events-b', 'entries-changed')).toEqual([{ dictionary: db, guids: [first], origin: 'events-a' }]);

  // Curation: worksets-changed with the entry.
  await call(a, 'worksets.setStatus', { id: workset.id, guid: second, status: 'done' });
  expect(take('events-b', 'worksets-changed')).toEqual([{ dictionary: db, worksetId: workset.id, guids: [second], origin: 'events-a' }]);

  // A bulk run and its undo: every changed guid reaches the other window; progress does not.
  take('events-a', 'progress');
  const preview = await call(a, 'bulk.preview', { worksetId: workset.id, op: { action: 'append', field: 'gloss', lang: 'en', value: ' +' }, taskId: 'p1' });
  const run = await call(a, 'bulk.run', { operationId: preview.operation.id, taskId: 't1' });
  const progressA = (inbox.get('events-a') ?? []).filter((r) => r.event === 'progress');
  expect(progressA.length).toBeGreaterThan(0);
  expect(progressA.at(-1)?.payload).toMatchObject({ taskId: 't1', kind: 'bulk', phase: 'apply', done: preview.operation.total, total: preview.operation.total });
  expect((inbox.get('events-b') ?? []).some((r) => r.event === 'progress')).toBe(false);
  const changedByRun = take('events-b', 'entries-changed') as Array<EventPayloads['entries-changed']>;
  expect(changedByRun.every((p) => p.dictionary === db && p.origin === 'events-a')).toBe(true);
  const runGuids = new Set(changedByRun.flatMap((p) => p.guids));
  expect(runGuids.size).toBe(run.operation.changed);
  expect(runGuids.has(first)).toBe(true);

  await call(a, 'bulk.undo', { operationId: preview.operation.id, taskId: 'u1' });
  const changedByUndo = take('events-b', 'entries-changed') as Array<EventPayloads['entries-changed']>;
  expect(new Set(changedByUndo.flatMap((p) => p.guids))).toEqual(runGuids);

  // A save that changes nothing announces nothing.
  const again = await call(a, 'entries.get', { dictionary: db, guid: first });
  take('events-b', 'entries-changed');
  await call(a, 'entries.edit', { dictionary: db, guid: first, version: again.version, edit: { action: 'set', field: 'gloss', lang: 'en', value: 'announced' } });
  expect(take('events-b', 'entries-changed')).toEqual([]);
  await Promise.all([services.registry.close('events-a'), services.registry.close('events-b')]);
});
