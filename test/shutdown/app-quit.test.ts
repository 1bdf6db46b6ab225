import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAlive } from '../../src-main/basex/file-lock.js';
import { serverFiles } from '../../src-main/basex/server-files.js';

// Each test gets fresh copies of the launcher and the shutdown: quitting is once per process,
// and the launcher then refuses new leases.
type Launcher = typeof import('../../src-main/basex/server-launcher.js');
type AppQuit = typeof import('../../src-main/shutdown-app.js');
let launcher: Launcher;
let appQuit: AppQuit;
beforeEach(async () => {
  vi.resetModules();
  launcher = await import('../../src-main/basex/server-launcher.js');
  appQuit = await import('../../src-main/shutdown-app.js');
});

const folders: string[] = [];
function newDataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'wb-quit-'));
  folders.push(folder);
  return folder;
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function serverPid(dataFolder: string): number {
  return (JSON.parse(readFileSync(serverFiles(dataFolder).stateFile, 'utf8')) as { pid: number }).pid;
}

/** Nothing of the embedded server left: its process, server.json and every lease are gone. */
function expectStopped(dataFolder: string, pid: number): void {
  expect(isAlive(pid)).toBe(false);
  expect(existsSync(serverFiles(dataFolder).stateFile)).toBe(false);
  expect(readdirSync(serverFiles(dataFolder).leasesDir)).toEqual([]);
}

function exitRecorder(): { exit: (code: number) => void; exited: Promise<number>; codes: number[] } {
  const codes: number[] = [];
  let done: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (done = resolve));
  return { codes, exited, exit: (code) => (codes.push(code), done(code)) };
}

describe('the app quit', () => {
  it('a quit asked for while starting waits for the start, then releases every lease and stops BaseX', async () => {
    const dataFolder = newDataFolder();
    const order: string[] = [];
    // A start that is still taking its lease when the quit comes.
    const lease = launcher.useEmbeddedServer(dataFolder);
    const started = lease.then(() => ({ close: async () => void order.push('services closed') }));
    const record = exitRecorder();
    const shutdown = appQuit.createAppShutdown({ started, closeWindows: () => void order.push('windows closed'), exit: record.exit });
    void shutdown.begin('SIGINT');
    void shutdown.begin('SIGTERM');
    await lease;
    const pid = serverPid(dataFolder);
    expect(await record.exited).toBe(130);
    expect(record.codes).toEqual([130]);
    expect(order).toEqual(['windows closed', 'services closed']);
    // The lease itself was never released by the "services": the quit gave it back.
    expectStopped(dataFolder, pid);
    // And no window reconnecting now can start a new server that no one would stop.
    await expect(launcher.useEmbeddedServer(dataFolder)).rejects.toThrow(/quitting/);
  });

  it('a start that failed still has its lease released', async () => {
    const dataFolder = newDataFolder();
    const lease = await launcher.useEmbeddedServer(dataFolder);
    const pid = serverPid(dataFolder);
    const record = exitRecorder();
    const shutdown = appQuit.createAppShutdown({ started: Promise.reject(new Error('sample import failed')), exit: record.exit });
    expect(await shutdown.begin('quit')).toBe(0);
    expect(lease.embedded).toBe(true);
    expectStopped(dataFolder, pid);
  });

  it('a cleanup that hangs past the deadline still stops BaseX by its pid', async () => {
    const dataFolder = newDataFolder();
    await launcher.useEmbeddedServer(dataFolder);
    const pid = serverPid(dataFolder);
    const record = exitRecorder();
    const hanging = { close: () => new Promise<void>(() => undefined) };
    const shutdown = appQuit.createAppShutdown({ started: Promise.resolve(hanging), exit: record.exit, deadlineMs: 500 });
    void shutdown.begin('SIGHUP');
    expect(await record.exited).toBe(1);
    expectStopped(dataFolder, pid);
  });

  it('Electron: the last window closing quits (not on macOS); will-quit is held until the release is done', async () => {
    const dataFolder = newDataFolder();
    await launcher.useEmbeddedServer(dataFolder);
    const pid = serverPid(dataFolder);
    const record = exitRecorder();
    const shutdown = appQuit.createAppShutdown({ started: Promise.resolve(undefined), exit: record.exit });
    let quits = 0;
    const onLinux = appQuit.electronQuitHandlers(shutdown, { quit: () => quits++, platform: 'linux' });
    const onMac = appQuit.electronQuitHandlers(shutdown, { quit: () => quits++, platform: 'darwin' });
    onMac.windowAllClosed();
    expect(quits).toBe(0);
    onLinux.windowAllClosed();
    expect(quits).toBe(1);
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    onLinux.willQuit(event);
    onLinux.willQuit(event);
    expect(prevented).toBe(2);
    expect(record.codes).toEqual([]);
    expect(await record.exited).toBe(0);
    expect(record.codes).toEqual([0]);
    expectStopped(dataFolder, pid);
  });
});
