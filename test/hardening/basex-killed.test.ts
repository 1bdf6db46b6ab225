import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import { isAlive } from '../../src-main/basex/file-lock.js';
import { serverFiles } from '../../src-main/basex/server-files.js';
import type { ApiResult } from '../../src-main/ipc/contract.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { SHARED_LIFT } from '../helpers/shared-lift.js';

/**
 * The embedded BaseX server killed with SIGKILL under a window: the call in flight fails with a
 * clear Unavailable error, and the next one finds the server started again by itself.
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

beforeAll(async () => {
  delete process.env.BASEX_URL;
  services = await startServices({ dataFolder: folder, platform: 'browser', shell: { openWindow: async () => ({ opened: false }) } });
  const session = services.registry.open('w1');
  ctx = { windowId: 'w1', session, emit: () => undefined };
  await value('dictionaries.import', { file: join(SHARED_LIFT, 'Sena/Sena.lift') });
  worksetId = (await value<{ id: number }>('worksets.create', { dictionary: 'Sena', name: 'nouns', query: { match: 'all', filters: [{ field: 'pos', op: 'equals', value: 'Nome' }] } })).id;
});
afterAll(async () => {
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the embedded BaseX server killed under a window', () => {
  it('during a page: a clear error, then the server is back by itself', async () => {
    const pid = serverPid();
    const inFlight = call('worksets.validate', { dictionary: 'Sena', query: { match: 'all', filters: [{ field: 'gloss', op: 'matches', value: '^(a|e|i|o|u).*(a|e).*$' }] } });
    process.kill(pid, 'SIGKILL');
    const failed = await inFlight;
    if (!failed.ok) {
      expect(failed.error.code).toBe('Unavailable');
      expect(failed.error.message).toMatch(/BaseX server is not reachable/);
    }
    const page = await value<{ total: number; entries: unknown[] }>('worksets.page', { id: worksetId, offset: 0, limit: 20 });
    expect(page.total).toBe(777);
    expect(page.entries).toHaveLength(20);
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
});
