import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BaseXSession } from '../../src-main/basex/client-session.js';
import { CONNECTIONS_FILE } from '../../src-main/basex/saved-connections.js';
import { connectTestSession, dropUserOnceLoggedOut, uniqueName } from '../helpers/basex.js';
import { CLI, runCliArgs } from '../helpers/cli.js';

/**
 * A team server's password never has to be on the command line: saved once per user and server
 * (checked on the server first), or read from a file or standard input. Real processes, a real
 * BaseX user of the run's server.
 */
describe('workset-browser connections and --password-file', () => {
  let admin: BaseXSession;
  const folder = mkdtempSync(join(tmpdir(), 'wb-connections-cli-'));
  const data = join(folder, 'data');
  const user = uniqueName('reader');
  const password = `pw ${user} ü`;
  const { host, port } = inject('basex');
  const server = `basex://${user}@${host}:${port}`;
  const cli = (args: string[], input?: string) => runCliArgs([...args, '--data', data], input);

  beforeAll(async () => {
    admin = await connectTestSession();
    await admin.command(`CREATE USER ${user} ${JSON.stringify(password)}`);
    await admin.command(`GRANT read TO ${user}`);
  });
  afterAll(async () => {
    await dropUserOnceLoggedOut(admin, user);
    await admin.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a command on a server with no password given or saved, saying how to give one', async () => {
    const run = await cli(['dictionaries', '--json', '--basex', server]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`workset-browser: no password for ${server}: save one with "workset-browser connections save ${server}", or give --password-file FILE\n`);
  });

  it('saves nothing when the server refuses the password', async () => {
    const wrong = join(folder, 'wrong');
    writeFileSync(wrong, 'not it\n');
    const run = await cli(['connections', 'save', server, '--password-file', wrong]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^workset-browser: BaseX at .* refused the login of user "${user}": wrong user name or password\\n$`));
    expect((await cli(['connections', 'list', '--json'])).stdout).toContain('"connections": []');
  });

  it('takes the password from standard input, checks it, saves it, and then needs it no more', async () => {
    const saved = await cli(['connections', 'save', server, '--password-file', '-', '--json'], `${password}\n`);
    expect(saved).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(saved.stdout)).toEqual({ server, saved: true });
    const listed = await cli(['connections', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual({ connections: [{ server, saved: expect.any(String), sealed: false }] });
    expect(listed.stdout).not.toContain(password);

    const dictionaries = await cli(['dictionaries', '--json', '--basex', server]);
    expect(dictionaries).toMatchObject({ code: 0, stderr: '' });
    expect(Array.isArray(JSON.parse(dictionaries.stdout))).toBe(true);
    expect(readFileSync(join(data, CONNECTIONS_FILE), 'utf8')).toContain(server);

    const forgotten = await cli(['connections', 'forget', server]);
    expect(forgotten).toMatchObject({ code: 0, stdout: `forgot the password of ${server}\n` });
    expect((await cli(['connections', 'forget', server])).stderr).toBe(`workset-browser: no password is saved for ${server}\n`);
  });

  it('asks for the password on a terminal, without echoing it, when none is given or saved', async () => {
    // `script` gives the command a terminal; the password is typed once the prompt is seen.
    const command = [process.execPath, CLI, 'dictionaries', '--json', '--basex', server, '--data', join(folder, 'asked')].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null']);
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!typed && output.includes(`Password of ${server}: `)) {
        typed = true;
        child.stdin.write(`${password}\r`);
      }
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(typed).toBe(true);
    expect(code).toBe(0);
    expect(output).not.toContain(password);
    expect(output.slice(output.indexOf('['))).toMatch(/^\[[\s\S]*\]\s*$/);
  });

  it('reads the password of any command from --password-file', async () => {
    const file = join(folder, 'pw');
    writeFileSync(file, `${password}\n`);
    const run = await cli(['dictionaries', '--json', '--basex', server, '--password-file', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });
});
