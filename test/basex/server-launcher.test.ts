import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AuthError } from '../../src-main/basex/errors.js';
import { isAlive } from '../../src-main/basex/file-lock.js';
import { serverFiles } from '../../src-main/basex/server-files.js';
import { useEmbeddedServer, useServer } from '../../src-main/basex/server-launcher.js';
import { describeAddress, parseBaseXUrl } from '../../src-main/basex/server-url.js';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { resolveDataFolder } from '../../src-main/data-folder.js';

const folders: string[] = [];
function newDataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wb-launch-'));
  folders.push(folder);
  return folder;
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Another process holding a lease on the data folder's server. */
async function holder(dataFolder: string): Promise<{ port: number; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/hold-server.ts'), dataFolder]);
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { port: (JSON.parse(first) as { port: number }).port, child };
}

function serverPid(dataFolder: string): number {
  return (JSON.parse(readFileSync(serverFiles(dataFolder).stateFile, 'utf8')) as { pid: number }).pid;
}

describe('embedded BaseX server', () => {
  it('runs on loopback with a random admin password in a 0600 file, never admin/admin', async () => {
    const dataFolder = newDataFolder();
    const lease = await useEmbeddedServer(dataFolder);
    try {
      const files = serverFiles(dataFolder);
      expect(statSync(files.passwordFile).mode & 0o777).toBe(0o600);
      const password = readFileSync(files.passwordFile, 'utf8').trim();
      expect(password).toBe(lease.address.password);
      expect(password.length).toBeGreaterThanOrEqual(24);
      expect(lease.address.host).toBe('127.0.0.1');
      await expect(BaseXSession.connect({ ...lease.address, password: 'admin' })).rejects.toBeInstanceOf(AuthError);
      const session = await BaseXSession.connect(lease.address);
      const info = await session.command('INFO');
      await session.close();
      expect(info).toMatch(/SERVERHOST: 127\.0\.0\.1/);
      expect(info).toContain(`DBPATH: ${files.dbPath}`);
      const outside = Object.values(networkInterfaces()).flat().filter((nic) => nic && !nic.internal && nic.family === 'IPv4');
      for (const nic of outside) {
        await expect(BaseXSession.connect({ ...lease.address, host: nic!.address }, { connectTimeoutMs: 1_000 })).rejects.toThrow();
      }
    } finally {
      await lease.release();
    }
  });

  it('is reused by a second process and stops when its last user quits', async () => {
    const dataFolder = newDataFolder();
    const first = await useEmbeddedServer(dataFolder);
    const pid = serverPid(dataFolder);
    const second = await holder(dataFolder);
    expect(second.port).toBe(first.address.port);
    expect(serverPid(dataFolder)).toBe(pid);
    await first.release();
    expect(isAlive(pid)).toBe(true);
    const session = await BaseXSession.connect(first.address);
    await session.close();
    second.child.stdin.write('release\n');
    await new Promise((resolve) => second.child.once('exit', resolve));
    expect(isAlive(pid)).toBe(false);
  });

  it('treats the lease of a crashed process as gone', async () => {
    const dataFolder = newDataFolder();
    const crashed = await holder(dataFolder);
    const pid = serverPid(dataFolder);
    crashed.child.stdin.write('crash\n');
    await new Promise((resolve) => crashed.child.once('exit', resolve));
    const lease = await useEmbeddedServer(dataFolder);
    expect(lease.address.port).toBe(crashed.port);
    await lease.release();
    expect(isAlive(pid)).toBe(false);
  });

  it('starts again in the same data folder with the same password', async () => {
    const dataFolder = newDataFolder();
    const first = await useEmbeddedServer(dataFolder);
    await first.release();
    const again = await useEmbeddedServer(dataFolder);
    expect(again.address.password).toBe(first.address.password);
    const session = await BaseXSession.connect(again.address);
    await session.close();
    await again.release();
  });
});

describe('server configuration', () => {
  it('connects to an existing server named by a basex:// URL instead of starting one', async () => {
    const address = inject('basex');
    const url = `basex://${address.user}:${encodeURIComponent(address.password)}@${address.host}:${address.port}`;
    const lease = await useServer({ dataFolder: newDataFolder(), basexUrl: url });
    expect(lease.embedded).toBe(false);
    expect(lease.address).toEqual(address);
    const session = await BaseXSession.connect(lease.address);
    await session.close();
    await lease.release();
  });

  it('parses and describes BaseX URLs, and names what is wrong with a bad one', () => {
    expect(parseBaseXUrl('basex://ann:p%40ss@db.example:1985')).toEqual({ host: 'db.example', port: 1985, user: 'ann', password: 'p@ss' });
    expect(parseBaseXUrl('basex://ann:x@localhost').port).toBe(1984);
    expect(describeAddress({ host: 'h', port: 1, user: 'u', password: 'secret' })).not.toContain('secret');
    expect(() => parseBaseXUrl('http://a:b@c:1')).toThrow(/basex:\/\//);
    expect(() => parseBaseXUrl('not a url')).toThrow(/not a URL/);
    expect(() => parseBaseXUrl('basex://host:1984')).toThrow(/no user name/);
    // A bad URL's error names it, but not the password written in it.
    expect(() => parseBaseXUrl('basex://ann:hunter2@db.example:port')).toThrow('BaseX URL "basex://ann:***@db.example:port" is not a URL');
    expect(() => parseBaseXUrl('http://ann:hunter2@db.example')).toThrow('BaseX URL "http://ann:***@db.example" must start with basex://');
  });

  it('shares one data folder between app and CLI: explicit, then $WORKSET_BROWSER_DATA, then the platform folder', () => {
    expect(resolveDataFolder('/tmp/explicit', { WORKSET_BROWSER_DATA: '/tmp/env' })).toBe('/tmp/explicit');
    expect(resolveDataFolder(undefined, { WORKSET_BROWSER_DATA: '/tmp/env' })).toBe('/tmp/env');
    expect(resolveDataFolder(undefined, { XDG_CONFIG_HOME: '/tmp/xdg' })).toBe(
      process.platform === 'linux' ? '/tmp/xdg/Workset Browser' : resolveDataFolder(undefined, {}),
    );
  });
});
