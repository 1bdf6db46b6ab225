import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import type { Channel, ChannelArgs, ChannelResult, EventPayloads } from '../../src-main/ipc/contract.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { changesSince } from '../../src-main/lift/change-log.js';
import { importLift } from '../../src-main/lift/import.js';
import { openStore } from '../../src-main/worksets/store/index.js';
import { WorksetService } from '../../src-main/worksets/workset-service.js';
import { connectTestSession, testServerUrl, uniqueName } from '../helpers/basex.js';
import { startBulkRunner } from '../helpers/bulk-runner.js';
import { dropDictionary } from '../helpers/dictionary-db.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { copyOf } from '../helpers/workset-copy.js';

/**
 * Changes made elsewhere reach open windows through the change log: a CLI-like bulk run in
 * another process, and a second host with its own data folder on the same BaseX server.
 */

type Changed = EventPayloads['entries-changed'];
const NOUNS = { match: 'all' as const, filters: [{ field: 'pos' as const, op: 'equals' as const, value: 'Nome' }] };

const folder = mkdtempSync(join(tmpdir(), 'wb-live-'));
const db = uniqueName('live');
let admin: BaseXSession;
let hostA: AppServices;
let hostB: AppServices;

interface TestWindow {
  readonly ctx: HandlerContext;
  /** entries-changed events for this test's dictionary (other test files write others on the same server). */
  readonly changed: Changed[];
}

function openWindow(host: AppServices, windowId: string): TestWindow {
  const changed: Changed[] = [];
  const { ctx } = host.attachWindow(windowId, (event, payload) => {
    if (event === 'entries-changed' && (payload as Changed).dictionary === db) changed.push(payload as Changed);
  });
  return { ctx, changed };
}

async function call<C extends Channel>(host: AppServices, ctx: HandlerContext, channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(host.table, ctx, channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelResult<C>;
}

const fromLog = (w: TestWindow): Changed[] => w.changed.filter((c) => c.origin === 'log');
const guidsOf = (events: readonly Changed[]): Set<string> => new Set(events.flatMap((c) => c.guids));

beforeAll(async () => {
  admin = await connectTestSession();
  await importLift(admin, join(SHARED_LIFT, 'Sena/Sena.lift'), { database: db });
  const start = (name: string) =>
    startServices({ dataFolder: join(folder, name), basexUrl: testServerUrl(), platform: 'browser', shell: { openWindow: async () => ({ opened: false }) } });
  [hostA, hostB] = await Promise.all([start('a'), start('b')]);
});
afterAll(async () => {
  await Promise.all([hostA?.close(), hostB?.close()]);
  await dropDictionary(admin, db);
  await admin.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('live changes from the log', () => {
  it('a bulk run in another process reaches a window batch by batch, naming who ran it', async () => {
    const runnerFolder = join(folder, 'runner');
    const runnerStore = openStore(runnerFolder);
    const worksetId = (await new WorksetService(runnerStore).create(admin, { dictionary: db, name: 'nouns, sorted', query: NOUNS })).id;
    runnerStore.close();
    const w = openWindow(hostA, 'live-a');

    const runner = startBulkRunner(runnerFolder, worksetId, { action: 'append', field: 'gloss', lang: 'en', value: ' ‹live›' });
    const { opId } = await runner.next();
    expect((await runner.next()).done).toBeGreaterThan(0);
    // The runner waits after its first batch: that batch reaches the window while the run is not over.
    await expect.poll(() => guidsOf(fromLog(w)).size, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(fromLog(w).every((c) => c.who === 'bulk runner')).toBe(true);
    for (;;) {
      runner.goOn();
      if ((await runner.next()).finished) break;
    }
    await runner.exited();
    const written = new Set((await changesSince(admin, db, 0, 100_000)).filter((c) => c.bulk === opId).map((c) => c.guid));
    expect(written.size).toBeGreaterThan(0);
    await expect.poll(() => guidsOf(fromLog(w)), { timeout: 20_000 }).toEqual(written);
  });

  it('an edit in a host with another data folder reaches this host, whose index follows; a host hears its own edits once', async () => {
    // Both followers done with the earlier test's records (a round runs to the log's end), then the windows open.
    await Promise.all([hostA.follower.poll(), hostB.follower.poll()]);
    const a = openWindow(hostA, 'live-a2');
    const b = openWindow(hostB, 'live-b');
    const sorted = await call(hostA, a.ctx, 'worksets.create', { dictionary: db, name: 'nouns, sorted again', query: NOUNS });
    const page = await call(hostA, a.ctx, 'worksets.page', { id: sorted.id, offset: 0, limit: 50 });
    const target = page.entries[page.entries.length - 1].guid;

    const keysBefore = hostA.store.entries.get(copyOf(hostA.store, sorted.id), target).keys;
    const entry = await call(hostB, b.ctx, 'entries.get', { dictionary: db, guid: target });
    await call(hostB, b.ctx, 'entries.edit', { dictionary: db, guid: target, version: entry.version, edit: { action: 'set', field: 'pos', value: 'Verbo (from the other desktop)' } });
    expect(b.changed).toEqual([{ dictionary: db, guids: [target], origin: 'live-b' }]);

    await expect.poll(() => fromLog(a).some((c) => c.guids.includes(target)), { timeout: 20_000 }).toBe(true);
    expect(fromLog(a).find((c) => c.guids.includes(target))?.who).toBe(hostB.services.author.who);
    // The event comes after A's index took the change in: its sort keys are the entry's as it is now.
    expect(keysBefore.pos).not.toBe('Verbo (from the other desktop)');
    expect(hostA.store.entries.get(copyOf(hostA.store, sorted.id), target).keys.pos).toBe('Verbo (from the other desktop)');

    // B's follower has read past its own record (two whole rounds) without announcing it again.
    await hostB.follower.poll();
    await hostB.follower.poll();
    expect(fromLog(b)).toEqual([]);
  });
});
