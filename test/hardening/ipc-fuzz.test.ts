import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { CHANNEL_NAMES } from '../../src-main/ipc/contract.js';
import { ERROR_CODES } from '../../src-main/domain/errors.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { connectTestSession, testServerUrl } from '../helpers/basex.js';

const folder = mkdtempSync(join(tmpdir(), 'wb-fuzz-'));
let services: AppServices;
let admin: BaseXSession;

beforeAll(async () => {
  services = await startServices({
    dataFolder: join(folder, 'data'),
    basexUrl: testServerUrl(),
    platform: 'browser',
    shell: { openWindow: async () => ({ opened: false, url: 'http://127.0.0.1/' }) },
  });
  admin = await connectTestSession();
});
afterAll(async () => {
  await admin.close();
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Arguments that look almost right: the right keys with wrong values, and extra keys. */
const nearMiss = fc.dictionary(
  fc.constantFrom('id', 'guid', 'dictionary', 'database', 'name', 'query', 'op', 'offset', 'limit', 'status', 'version', 'edit', 'file', 'uploadId', 'operationId', 'worksetId', 'base64', 'size', 'fileName', 'sort', 'direction', 'taskId', 'notes', 'favourite', 'extra'),
  fc.oneof(
    fc.anything(),
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.constantFrom(NaN, Infinity, -1, 0, 1e308, '', '../../etc/passwd', '\u0000', 'x'.repeat(300), null),
    fc.string({ maxLength: 40 }),
  ),
);
const payload = fc.oneof(fc.anything(), nearMiss, fc.constantFrom(undefined, null, [], '', 42, 'call', { __proto__: { id: 1 } }));

it('answers thousands of random and malformed payloads on every channel with typed errors, leaking nothing', async () => {
  const windowId = 'fuzz-window';
  const session = services.registry.open(windowId);
  await session.ready();
  const ctx: HandlerContext = { windowId, session, emit: () => undefined };
  const codes = new Map<string, number>();
  let calls = 0;
  for (const channel of [...CHANNEL_NAMES, 'no.such.channel', '__proto__', 'constructor']) {
    const samples = fc.sample(payload, { numRuns: 110, seed: channel.length * 7919 });
    for (const args of samples) {
      const result = await dispatch(services.table, ctx, channel, args);
      calls++;
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(0);
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      }
    }
  }
  expect(calls).toBeGreaterThan(3_000);
  // Garbage is refused as Invalid (or, when well-formed but pointing nowhere, NotFound): never Internal.
  expect(codes.get('Internal') ?? 0).toBe(0);
  expect(codes.get('Invalid')).toBeGreaterThan(2_000);

  // Nothing leaked: the window still has one live session, the store still answers.
  expect(services.registry.counts).toEqual({ windows: 1, live: 1 });
  expect(await dispatch(services.table, ctx, 'worksets.list', {})).toMatchObject({ ok: true });
  expect(await dispatch(services.table, ctx, 'dictionaries.list', {})).toMatchObject({ ok: true });
  const address = session.clientAddress ?? '';
  expect(await admin.command('SHOW SESSIONS')).toContain(address);
  await services.registry.close(windowId);
  await expect.poll(() => admin.command('SHOW SESSIONS')).not.toContain(address);
}, 300_000);
