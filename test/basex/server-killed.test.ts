import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConnectionError } from '../../src-main/basex/errors.js';
import { serverFiles } from '../../src-main/basex/server-files.js';
import { useEmbeddedServer } from '../../src-main/basex/server-launcher.js';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { createGate } from '../helpers/gate.js';

const dataFolder = mkdtempSync(join(tmpdir(), 'wb-kill-'));
afterAll(() => rmSync(dataFolder, { recursive: true, force: true }));

it('rejects every pending call at once when the server is killed under a running query', async () => {
  const lease = await useEmbeddedServer(dataFolder);
  const session = await BaseXSession.connect(lease.address);
  const { pid } = JSON.parse(readFileSync(serverFiles(dataFolder).stateFile, 'utf8')) as { pid: number };
  // The first call sleeps inside BaseX far longer than the test may take: only the kill can end it.
  const gate = createGate(600_000);
  const pending = [session.query(gate.killable(), gate.bindings, { timeoutMs: 600_000 }), session.query('1'), session.command('LIST')];
  const settled = pending.map((call) => call.then(() => 'resolved', (error: unknown) => error));
  await gate.started();
  process.kill(pid, 'SIGKILL');
  const outcomes = await Promise.all(settled);
  for (const outcome of outcomes) expect(outcome).toBeInstanceOf(ConnectionError);
  await lease.release();
});
