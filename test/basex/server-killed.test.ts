import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConnectionError } from '../../src-main/basex/errors.js';
import { serverFiles } from '../../src-main/basex/server-files.js';
import { useEmbeddedServer } from '../../src-main/basex/server-launcher.js';
import { BaseXSession } from '../../src-main/basex/session.js';

const dataFolder = mkdtempSync(join(tmpdir(), 'wb-kill-'));
afterAll(() => rmSync(dataFolder, { recursive: true, force: true }));

it('rejects every pending call within a second when the server is killed', async () => {
  const lease = await useEmbeddedServer(dataFolder);
  const session = await BaseXSession.connect(lease.address);
  const { pid } = JSON.parse(readFileSync(serverFiles(dataFolder).stateFile, 'utf8')) as { pid: number };
  const pending = [session.query('prof:sleep(20000)'), session.query('1'), session.command('LIST')];
  const settled = pending.map((call) => call.then(() => 'resolved', (error: unknown) => error));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  const outcomes = await Promise.all(settled);
  expect(Date.now() - killedAt).toBeLessThan(1_000);
  for (const outcome of outcomes) expect(outcome).toBeInstanceOf(ConnectionError);
  await lease.release();
});
