import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { connectTestSession, uniqueName } from '../helpers/basex.js';
import { runCli, runCliArgs } from '../helpers/cli.js';

/** An admin sets up a team's accounts with `team add-user`, on the run's real BaseX server. */
describe('workset-browser team', () => {
  let admin: BaseXSession;
  const folder = mkdtempSync(join(tmpdir(), 'wb-team-'));
  const writer = uniqueName('writer');
  const reader = uniqueName('reader');
  const { host, port } = inject('basex');

  beforeAll(async () => {
    admin = await connectTestSession();
  });
  afterAll(async () => {
    for (const name of [writer, reader]) await admin.query('declare variable $n external; if (user:exists($n)) then user:drop($n) else ()', { n: name });
    await admin.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds a writer with a generated password, printed once, that logs in with write rights', async () => {
    const run = await runCli(folder, 'team', 'add-user', writer, '--write', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const added = JSON.parse(run.stdout) as { user: string; right: string; password: string };
    expect(added).toMatchObject({ user: writer, right: 'write' });
    expect(added.password).toMatch(/^[\w-]{24}$/);
    const session = await BaseXSession.connect({ host, port, user: writer, password: added.password });
    await session.close();
    const users = JSON.parse((await runCli(folder, 'team', 'users', '--json')).stdout) as { users: { name: string; right: string }[] };
    expect(users.users).toContainEqual({ name: writer, right: 'write' });
  });

  it('adds a reader with the password given, and refuses the same name twice', async () => {
    expect(await runCli(folder, 'team', 'add-user', reader, '--read', '--password', 'given pw')).toMatchObject({ code: 0, stdout: `added ${reader} with read rights\n` });
    const session = await BaseXSession.connect({ host, port, user: reader, password: 'given pw' });
    await session.close();
    const again = await runCli(folder, 'team', 'add-user', reader, '--write');
    expect(again).toMatchObject({ code: 1, stderr: `workset-browser: user "${reader}" already exists on this server: choose another name\n` });
  });

  it('says what is wrong with a bad request, and that only an admin may add accounts', async () => {
    expect((await runCli(folder, 'team', 'add-user', 'no spaces', '--read')).stderr).toBe(
      'workset-browser: "no spaces" cannot be a user name: use letters, digits, "_", "-" and "." only\n',
    );
    expect((await runCli(folder, 'team', 'add-user', 'x', '--read', '--write')).stderr).toBe('workset-browser: say which rights the account gets: --read or --write\n');
    const asReader = await runCliArgs(['team', 'add-user', uniqueName('nope'), '--read', '--data', folder, '--basex', `basex://${reader}:${encodeURIComponent('given pw')}@${host}:${port}`]);
    expect(asReader).toMatchObject({ code: 1, stderr: `workset-browser: only an admin of this server can do this: BaseX user "${reader}" is not one\n` });
  });
});
