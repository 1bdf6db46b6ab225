import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import { FileGrants } from '../../src-main/file-grants.js';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browser-host.js';
import type { ServerMessage } from '../../src-main/host/wire.js';
import type { ApiResult } from '../../src-main/ipc/contract.js';
import type { ExportResult } from '../../src-main/domain/dictionaries.js';
import { dispatch, type HandlerContext } from '../../src-main/ipc/handler-table.js';
import { connectTestSession, testServerUrl, uniqueName } from '../helpers/basex.js';

/**
 * No page chooses a local path: `dictionaries.import` reads, and `dictionaries.export` writes,
 * only a path main's own file dialog gave that window (once), over the real handler table and
 * the browser host's WebSocket. On the browser host, exports land in the data folder's exports/
 * and reach the browser as downloads; nothing outside the data folder is written.
 */
const SAMPLE = resolve(import.meta.dirname, '../../resources/sample/sample.lift');
const folder = mkdtempSync(join(tmpdir(), 'wb-file-access-'));
const data = join(folder, 'data');
/** Files a hostile page would like to read or overwrite. */
const outside = join(folder, 'outside');
const victim = join(outside, 'victim.txt');
const theirs = join(outside, 'theirs.lift');
/** Where the desktop user saves an export in the (faked) save dialog. */
const chosen = join(folder, 'chosen');
const db = uniqueName('files');
const desktopDb = uniqueName('files_desktop');
let services: AppServices;
let desktop: AppServices;
let host: BrowserHost;
let before: Map<string, string>;

/** Every file under a folder with its content, to show nothing was added or changed. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

beforeAll(async () => {
  mkdirSync(join(folder, 'renderer'), { recursive: true });
  writeFileSync(join(folder, 'renderer', 'index.html'), '<!doctype html><title>test</title>');
  mkdirSync(outside, { recursive: true });
  mkdirSync(chosen, { recursive: true });
  writeFileSync(victim, 'export PATH=/usr/bin\n');
  copyFileSync(SAMPLE, theirs);
  before = snapshot(outside);
  services = await startServices({ dataFolder: data, basexUrl: testServerUrl(), platform: 'browser', shell: { openWindow: async () => ({ opened: false }) } });
  host = await startBrowserHost({ rendererRoot: join(folder, 'renderer'), table: services.table, attachWindow: services.attachWindow });
  // The desktop app's dialogs, answered as a user would: the sample to import, a file in chosen/ to export to.
  desktop = await startServices({
    dataFolder: join(folder, 'desktop-data'),
    basexUrl: testServerUrl(),
    platform: 'electron',
    shell: {
      openWindow: async () => ({ opened: true }),
      openLiftDialog: async () => theirs,
      saveLiftDialog: async (_, name) => join(chosen, name),
    },
  });
});
afterAll(async () => {
  await host?.close();
  await services?.close();
  await desktop?.close();
  const admin = await connectTestSession();
  await admin.command(`DROP DB ${db}`).catch(() => undefined);
  await admin.command(`DROP DB ${desktopDb}`).catch(() => undefined);
  await admin.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Resolves once `done()` holds (expect.poll is not allowed in hooks, where windows open too). */
async function until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  for (const start = Date.now(); !done(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the host');
  }
}

/** A browser window: a socket opened as our page opens it. */
class Window {
  readonly messages: ServerMessage[] = [];
  private nextId = 1;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (frame) => this.messages.push(JSON.parse(String(frame)) as ServerMessage));
  }
  static async open(): Promise<Window> {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    const window = new Window(socket);
    await new Promise((done, fail) => socket.once('open', done).once('error', fail));
    await until(() => window.messages[0]?.type === 'hello');
    return window;
  }
  async call<T>(channel: string, args: unknown): Promise<ApiResult<T>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'call', id, channel, args }));
    await until(() => this.messages.some((m) => m.type === 'result' && m.id === id));
    return (this.messages.find((m) => m.type === 'result' && m.id === id) as Extract<ServerMessage, { type: 'result' }>).result as ApiResult<T>;
  }
  async close(): Promise<void> {
    this.socket.close();
    await new Promise((done) => this.socket.once('close', done));
  }
}

function get(path: string): Promise<{ status: number; body: string; disposition?: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, disposition: res.headers['content-disposition'] }));
    });
    req.on('error', fail).end();
  });
}

const refused = { ok: false, error: { code: 'Invalid', message: expect.stringMatching(/did not choose that file in a file dialog/) } };

describe('browser host: no local paths from the page', () => {
  let window: Window;
  beforeAll(async () => {
    window = await Window.open();
    // The one way in: the file's bytes, uploaded.
    const bytes = readFileSync(SAMPLE);
    const begun = await window.call<{ uploadId: string }>('uploads.begin', { fileName: 'sample.lift', size: bytes.length });
    if (!begun.ok) throw new Error(begun.error.message);
    await window.call('uploads.chunk', { uploadId: begun.value.uploadId, base64: bytes.toString('base64') });
    expect(await window.call('dictionaries.import', { uploadId: begun.value.uploadId, database: db })).toMatchObject({ ok: true, value: { database: db, entries: 234 } });
  });
  afterAll(() => window?.close());

  it('has no file dialogs to grant a path with', async () => {
    expect(await window.call('dialogs.openLift', {})).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    expect(await window.call('dialogs.saveLift', { defaultName: 'x.lift' })).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
  });

  it('refuses to import any path, even a real LIFT file', async () => {
    const other = uniqueName('files_refused');
    for (const file of [theirs, '/etc/passwd', join(data, 'uploads', '..', '..', 'outside', 'theirs.lift'), 'theirs.lift']) {
      expect(await window.call('dictionaries.import', { file, database: other }), file).toMatchObject(refused);
    }
    const list = await window.call<{ name: string }[]>('dictionaries.list', {});
    expect(list.ok && list.value.map((d) => d.name)).not.toContain(other);
  });

  it('refuses to export to any path, leaving the files there as they were', async () => {
    for (const file of [victim, join(outside, 'new.lift'), join(data, 'exports', '..', '..', 'outside', 'victim.txt'), '/tmp/x.lift']) {
      expect(await window.call('dictionaries.export', { database: db, file }), file).toMatchObject(refused);
    }
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it('exports into the data folder and offers the file as a download to the browser', async () => {
    const exported = await window.call<ExportResult>('dictionaries.export', { database: db });
    if (!exported.ok) throw new Error(exported.error.message);
    const { file, rangesFile, download, entries } = exported.value;
    expect(entries).toBe(234);
    expect(relative(join(data, 'exports'), file)).toMatch(/^[^./][^/]*\.lift$/);
    expect(rangesFile).toBeUndefined(); // an upload carries the .lift only
    expect(download).toMatch(/^\/downloads\/[\w-]{32}\/.+\.lift$/);
    const fetched = await get(download!);
    expect(fetched.status).toBe(200);
    expect(fetched.disposition).toMatch(/^attachment; filename=".+\.lift"/);
    expect(fetched.body).toBe(readFileSync(file, 'utf8'));
    expect(fetched.body).toContain('<lift');
    expect((await get('/downloads/not-an-offer/x.lift')).status).toBe(404);
    expect((await get(download!.replace(/(\/downloads\/[\w-]+)/, '$1x'))).status).toBe(404);
  });

  it('stops offering a window’s downloads when it closes', async () => {
    const other = await Window.open();
    const exported = await other.call<ExportResult>('dictionaries.export', { database: db });
    if (!exported.ok) throw new Error(exported.error.message);
    expect((await get(exported.value.download!)).status).toBe(200);
    await other.close();
    await expect.poll(async () => (await get(exported.value.download!)).status).toBe(404);
  });

  it('wrote nothing outside the data folder', () => {
    expect(snapshot(outside)).toEqual(before);
  });
});

describe('desktop: a path only from this window’s own dialog, used once', () => {
  const ctx = (windowId: string): HandlerContext => ({ windowId, session: desktop.registry.get(windowId), emit: () => undefined });
  const call = <T,>(windowId: string, channel: string, args: unknown) => dispatch(desktop.table, ctx(windowId), channel, args) as Promise<ApiResult<T>>;
  beforeAll(() => {
    desktop.registry.open('electron-1');
    desktop.registry.open('electron-2');
  });

  it('imports the file the open dialog gave this window, once, and no other window may use it', async () => {
    expect(await call('electron-1', 'dictionaries.import', { file: theirs, database: desktopDb })).toMatchObject(refused);
    expect(await call('electron-1', 'dialogs.openLift', {})).toEqual({ ok: true, value: { file: theirs } });
    expect(await call('electron-2', 'dictionaries.import', { file: theirs, database: desktopDb })).toMatchObject(refused);
    // Picked to be read, so it may not be written.
    expect(await call('electron-1', 'dictionaries.export', { database: desktopDb, file: theirs })).toMatchObject(refused);
    expect(await call('electron-1', 'dictionaries.import', { file: theirs, database: desktopDb })).toMatchObject({ ok: true, value: { database: desktopDb, entries: 234 } });
    expect(await call('electron-1', 'dictionaries.import', { file: theirs, database: desktopDb })).toMatchObject(refused);
  });

  it('exports to the file the save dialog gave this window, once', async () => {
    const target = join(chosen, `${desktopDb}.lift`);
    expect(await call('electron-1', 'dialogs.saveLift', { defaultName: `${desktopDb}.lift` })).toEqual({ ok: true, value: { file: target } });
    expect(await call('electron-2', 'dictionaries.export', { database: desktopDb, file: target })).toMatchObject(refused);
    expect(await call('electron-1', 'dictionaries.import', { file: target, database: desktopDb })).toMatchObject(refused);
    expect(await call('electron-1', 'dictionaries.export', { database: desktopDb, file: target })).toMatchObject({ ok: true, value: { file: target, entries: 234 } });
    expect(readFileSync(target, 'utf8')).toContain('<lift');
    expect(await call('electron-1', 'dictionaries.export', { database: desktopDb, file: target })).toMatchObject(refused);
  });

  it('forgets a closed window’s grants', async () => {
    await call('electron-2', 'dialogs.openLift', {});
    desktop.grants.forget('electron-2');
    expect(await call('electron-2', 'dictionaries.import', { file: theirs, database: desktopDb })).toMatchObject(refused);
    expect(snapshot(outside)).toEqual(before);
  });
});

describe('FileGrants', () => {
  it('matches the resolved path and purpose, expires unused grants and keeps only the last few', () => {
    let now = 0;
    const grants = new FileGrants(() => now);
    grants.grant('w', '/home/u/a.lift', 'import');
    expect(grants.take('w', '/home/u/x/../a.lift', 'import')).toBe(true);
    grants.grant('w', '/home/u/a.lift', 'import');
    now += 16 * 60_000;
    expect(grants.take('w', '/home/u/a.lift', 'import')).toBe(false);
    for (let i = 0; i < 6; i++) grants.grant('w', `/home/u/${i}.lift`, 'export');
    expect(grants.take('w', '/home/u/0.lift', 'export')).toBe(false);
    expect(grants.take('w', '/home/u/5.lift', 'export')).toBe(true);
  });
});
