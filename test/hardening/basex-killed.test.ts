import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import { isAlive } from '../../src-main/basex/file-lock.js';
import { serverFiles } from '../../src-main/basex/server-files.js';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import type { ApiResult, EventPayloads } from '../../src-main/ipc/contract.js';
import type { BulkOperation, BulkOutcome, BulkPreview } from '../../src-main/domain/bulk-operations.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { readEntries } from '../../src-main/lift/entry-xml.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';
import { copyOf } from '../helpers/workset-copy.js';

/**
 * The embedded BaseX server killed with SIGKILL under a window: a write in flight fails with a
 * clear Unavailable error (a bulk run is left `interrupted`), a read in flight is retried on the
 * server started again, and the next call finds that server by itself.
 *
 * Each kill lands while the call is inside BaseX, not before or after it: another session holds
 * a lock on the dictionary, the call queues behind it, and the kill waits until BaseX lists the
 * call as queued.
 */
const folder = mkdtempSync(join(tmpdir(), 'wb-killed-server-'));
let services: AppServices;
let ctx: HandlerContext;
let worksetId = 0;

function serverPid(): number {
  return (JSON.parse(readFileSync(serverFiles(folder).stateFile, 'utf8')) as { pid: number }).pid;
}

async function call<T>(channel: string, args: unknown): Promise<ApiResult<T>> {
  return (await dispatch(services.table, ctx, channel, args)) as ApiResult<T>;
}

async function value<T>(channel: string, args: unknown): Promise<T> {
  const result = await call<T>(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A session beside the window's, on the server of the moment (its port changes on a restart). */
function sideSession(): Promise<BaseXSession> {
  return BaseXSession.connect(services.server.address);
}

/**
 * Holds a lock on the Sena database for up to a minute, from a session of its own, until the
 * server dies: a write lock stops every read and write of it, a read lock only the writes.
 */
async function holdLock(kind: 'read' | 'write'): Promise<{ ended: Promise<unknown> }> {
  const session = await sideSession();
  // The database is named literally so BaseX knows the lock before running the query.
  const query = kind === 'write' ? "delete node (prof:sleep(60000), db:open('Sena')/lift/no-such-node)" : "(prof:sleep(60000), count(db:open('Sena')/lift))";
  const ended = session.execute(query).catch((error: unknown) => error);
  return { ended };
}

/** Waits until BaseX lists a job matching `predicate` (an XPath over its job elements). */
async function waitForJob(predicate: string): Promise<void> {
  const session = await sideSession();
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      if ((await session.execute(`exists(jobs:list-details()${predicate})`)) === 'true') return;
    }
    throw new Error(`no BaseX job ${predicate} within 30 s`);
  } finally {
    await session.close().catch(() => undefined);
  }
}

/** Kills the server while a queued call waits for its lock; resolves once the process is gone. */
async function killWhenQueued(predicate: string): Promise<number> {
  await waitForJob(`[@state = 'queued']${predicate}`);
  const pid = serverPid();
  process.kill(pid, 'SIGKILL');
  for (const deadline = Date.now() + 10_000; isAlive(pid) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
  return pid;
}

beforeAll(async () => {
  delete process.env.BASEX_URL;
  services = await startServices({ dataFolder: folder, platform: 'browser', shell: { openWindow: async () => ({ opened: false }) } });
  const session = services.registry.open('w1');
  ctx = { windowId: 'w1', session, emit: () => undefined };
  // As if picked in the window's file dialog: imports read only files granted that way.
  const sena = join(SHARED_LIFT, 'Sena/Sena.lift');
  services.grants.grant('w1', sena, 'import');
  await value('dictionaries.import', { file: sena });
  worksetId = (await value<{ id: number }>('worksets.create', { dictionary: 'Sena', name: 'nouns', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }] } })).id;
});
afterAll(async () => {
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the embedded BaseX server killed under a window', () => {
  it('during a page: the read queued in BaseX is retried on the server started again', async () => {
    // What hits BaseX in a page is the read of the entries on it (the work list is in SQLite).
    // It is idempotent, so the window session retries it once on a new connection, and the
    // page arrives whole: the one error the user could see would be a second loss in a row.
    const lock = await holdLock('write');
    await waitForJob("[@state = 'running'][@writes = 'Sena']");
    const inFlight = call<{ total: number; entries: { guid: string; entry: { id: string } | null }[] }>('worksets.page', { id: worksetId, offset: 0, limit: 20 });
    const pid = await killWhenQueued('');
    const page = await inFlight;
    expect(page.ok ? page.value.total : page.error).toBe(777);
    expect(page.ok && page.value.entries.every((e) => e.entry !== null)).toBe(true);
    expect(page.ok && page.value.entries).toHaveLength(20);
    expect(await lock.ended).toMatchObject({ name: 'ConnectionError' });
    expect(isAlive(pid)).toBe(false);
    expect(serverPid()).not.toBe(pid);
    expect(isAlive(serverPid())).toBe(true);
  });

  it('during an edit: the edit is reported, the next edit saves', async () => {
    const { entries } = await value<{ entries: { guid: string }[] }>('worksets.page', { id: worksetId, offset: 5, limit: 1 });
    const guid = entries[0].guid;
    const seen = await value<{ version: string }>('entries.get', { dictionary: 'Sena', guid });
    process.kill(serverPid(), 'SIGKILL');
    const edit = { action: 'set', field: 'gloss', lang: 'en', value: 'after the crash' };
    const failed = await call('entries.edit', { dictionary: 'Sena', guid, version: seen.version, edit });
    expect(failed).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    const current = await value<{ version: string }>('entries.get', { dictionary: 'Sena', guid });
    expect(current.version).toBe(seen.version);
    const saved = await value<{ view: { glosses: Record<string, string[]> } }>('entries.edit', { dictionary: 'Sena', guid, version: current.version, edit });
    expect(saved.view.glosses.en).toContain('after the crash');
  });

  it('during a bulk run: the operation is interrupted, the window recovers, and undo restores every pre-image exactly', async () => {
    const op = { action: 'append', field: 'gloss', lang: 'en', value: ' ‹killed›' };
    const preview = await value<BulkPreview>('bulk.preview', { worksetId, op });
    const guids = services.store.entries.guids(copyOf(services.store, worksetId));
    const reader = await sideSession();
    const before = await readEntries(reader, 'Sena', guids);
    await reader.close();
    // After the first batch, a read lock stops the next write batch inside BaseX, where it is killed.
    let lock: Promise<{ ended: Promise<unknown> }> | undefined;
    const runCtx: HandlerContext = {
      ...ctx,
      emit: (event, payload) => {
        if (event === 'progress' && (payload as EventPayloads['progress']).phase === 'apply') lock ??= holdLock('read');
      },
    };
    const run = dispatch(services.table, runCtx, 'bulk.run', { operationId: preview.operation.id, taskId: 'run' }) as Promise<ApiResult<BulkOutcome>>;
    const pid = await killWhenQueued("[@writes != '(none)']");
    const failed = await run;
    expect(failed).toMatchObject({ ok: false, error: { code: 'Unavailable', message: expect.stringMatching(/BaseX server is not reachable/) } });
    expect(await (await lock)?.ended).toMatchObject({ name: 'ConnectionError' });

    const [interrupted] = await value<BulkOperation[]>('bulk.list', { worksetId });
    expect(interrupted).toMatchObject({ id: preview.operation.id, state: 'interrupted', error: expect.stringMatching(/.+/) });
    expect(interrupted.changed).toBeGreaterThan(0);
    expect(interrupted.changed).toBeLessThan(before.length);
    expect(serverPid()).not.toBe(pid);
    expect(isAlive(serverPid())).toBe(true);
    // The window works again without being told.
    expect(await value<{ total: number }>('worksets.page', { id: worksetId, offset: 0, limit: 5 })).toMatchObject({ total: 777 });

    const progress: EventPayloads['progress'][] = [];
    const undoCtx: HandlerContext = { ...ctx, emit: (event, payload) => event === 'progress' && progress.push(payload as EventPayloads['progress']) };
    const undone = await dispatch(services.table, undoCtx, 'bulk.undo', { operationId: preview.operation.id, taskId: 'undo' });
    expect(undone).toMatchObject({ ok: true, value: { operation: { state: 'undone' }, skipped: [] } });
    // The batch BaseX never ran left no trace: nothing to reconcile, what was written is put back.
    expect(progress.map((p) => p.phase)).toEqual(progress.map(() => 'undo'));
    expect(progress.at(-1)).toMatchObject({ taskId: 'undo', kind: 'undo', done: interrupted.changed, total: interrupted.changed });
    const after = await sideSession();
    try {
      expect((await readEntries(after, 'Sena', guids)).map((e) => e.xml)).toEqual(before.map((e) => e.xml));
    } finally {
      await after.close();
    }
  });
});
