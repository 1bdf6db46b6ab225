import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServices, type AppServices } from '../../src-main/app-services.js';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browser-host.js';
import { readSavedAddress, saveAddress, type HostAddress } from '../../src-main/host/saved-address.js';
import { testServerUrl } from '../helpers/basex.js';
import { HostWindow } from '../helpers/host-window.js';

const folder = mkdtempSync(join(tmpdir(), 'wb-host-'));
const renderer = join(folder, 'renderer');
let services: AppServices;
let host: BrowserHost;

beforeAll(async () => {
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>test</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder, 'secret.txt'), 'outside the renderer');
  services = await startServices({
    dataFolder: join(folder, 'data'),
    basexUrl: testServerUrl(),
    platform: 'browser',
    shell: { openWindow: async () => ({ opened: false, url: 'x' }) },
  });
  host = await startBrowserHost({ rendererRoot: renderer, table: services.table, attachWindow: services.attachWindow });
});
afterAll(async () => {
  await host.close();
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A window of this file's host. */
const Window = { open: () => HostWindow.open(host) };

/** Why a socket with these details is refused (the HTTP status), or 'open'. */
function tryUpgrade(path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_, response) => resolve(String(response.statusCode)));
    socket.once('error', () => resolve('error'));
  });
}

function get(path: string, hostHeader = `127.0.0.1:${host.port}`): Promise<{ status: number; body: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('prints a loopback address carrying its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('gives each socket its own window and BaseX session, released when the socket closes', async () => {
    const before = services.registry.counts.windows;
    const a = await Window.open();
    const b = await Window.open();
    expect(services.registry.counts.windows).toBe(before + 2);
    const statusA = await a.call('app.status', {});
    const statusB = await b.call('app.status', {});
    expect(statusA.ok && statusB.ok).toBe(true);
    if (!statusA.ok || !statusB.ok) return;
    const sa = statusA.value as { windowId: string; platform: string; session: { clientAddress: string | null } };
    const sb = statusB.value as { windowId: string; session: { clientAddress: string | null } };
    expect(sa.platform).toBe('browser');
    expect(sa.windowId).not.toBe(sb.windowId);
    await expect.poll(async () => ((await a.call('app.status', {})) as { value: { session: { live: boolean } } }).value.session.live).toBe(true);
    await a.close();
    await expect.poll(() => services.registry.counts.windows).toBe(before + 1);
    await b.close();
    await expect.poll(() => services.registry.counts.windows).toBe(before);
  });

  it('answers malformed frames and arguments with typed errors and keeps serving', async () => {
    const w = await Window.open();
    w.send('this is not json');
    w.send({ type: 'call', channel: 'app.status' });
    await expect.poll(() => w.messages.filter((m) => m.type === 'result' && m.id === null).length).toBe(2);
    expect(await w.call('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'Invalid' } });
    expect(await w.call('worksets.page', { id: 'one', offset: -1 })).toMatchObject({ ok: false, error: { code: 'Invalid', message: expect.stringMatching(/id/) } });
    expect(await w.call('worksets.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await w.call('dictionaries.list', {})).toMatchObject({ ok: true });
    await w.close();
  });

  it('refuses a socket without the token, with a wrong one, from a foreign Origin or Host', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    expect(await tryUpgrade(`/ws?token=${host.token}`, { origin })).toBe('open');
    expect(await tryUpgrade('/ws', { origin })).toBe('403');
    expect(await tryUpgrade('/ws?token=wrong', { origin })).toBe('403');
    expect(await tryUpgrade(`/ws?token=${host.token}`, { origin: 'http://evil.example' })).toBe('403');
    expect(await tryUpgrade(`/ws?token=${host.token}`, {})).toBe('403');
    expect(await tryUpgrade(`/ws?token=${host.token}`, { origin, host: `evil.example:${host.port}` })).toBe('403');
  });

  it('serves the renderer with a CSP, never a file outside it, and nothing to a foreign Host', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.csp).toMatch(/default-src 'self'/);
    expect((await get('/assets/app.js')).status).toBe(200);
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/%00', '/etc/passwd']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
    expect((await get('/', 'rebound.example.com')).status).toBe(403);
  });

  it('tells a page whether its token is this launch\'s, without the token and without saying which is right', async () => {
    const current = await get(`/launch?token=${host.token}`);
    expect(current).toMatchObject({ status: 200 });
    expect(JSON.parse(current.body)).toEqual({ app: 'workset-browser', token: 'current' });
    for (const path of ['/launch?token=from-an-earlier-launch', '/launch']) {
      const earlier = await get(path);
      expect(JSON.parse(earlier.body)).toEqual({ app: 'workset-browser', token: 'earlier' });
      expect(earlier.body).not.toContain(host.token);
    }
    expect((await get('/launch', 'rebound.example.com')).status).toBe(403);
  });

  it('takes back the last launch\'s port and token when the port is free, else a new address', async () => {
    const start = (previous?: HostAddress) => startBrowserHost({ previous, rendererRoot: renderer, table: services.table, attachWindow: services.attachWindow });
    const first = await start();
    const saved = { port: first.port, token: first.token };
    saveAddress(join(folder, 'data'), saved);
    expect(statSync(join(folder, 'data', 'browser-host.json')).mode & 0o777).toBe(0o600);
    await first.close();

    const again = await start(readSavedAddress(join(folder, 'data')));
    expect({ port: again.port, token: again.token }).toEqual(saved);
    // The port is held (by `again`): a new port and a new token, so the old address cannot be mistaken for it.
    const beside = await start(saved);
    expect(beside.port).not.toBe(saved.port);
    expect(beside.token).not.toBe(saved.token);
    await Promise.all([again.close(), beside.close()]);
  });
});

