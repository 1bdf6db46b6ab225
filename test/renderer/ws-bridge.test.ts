import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ConnectionState } from '../../src-renderer/api/connection.js';
import { createWsBridge, type OpenSocket, type WsBridge } from '../../src-renderer/api/ws-bridge.js';

/**
 * The browser host's bridge against a real WebSocket server (the `ws` package's, as the host
 * uses) that speaks the host's frames: hello first, then results and events. The server can hold
 * calls unanswered, drop a socket, or go away and come back on the same port.
 */

const openWs: OpenSocket = (url, on) => {
  const socket = new WebSocket(url);
  socket.onmessage = (message) => on.message(message.data);
  socket.onclose = () => on.close();
  // A refused connection is an 'error' event too; without a listener `ws` would throw it.
  socket.onerror = () => undefined;
  return socket;
};

interface CallFrame {
  readonly type: 'call';
  readonly id: number;
  readonly channel: string;
  readonly args: unknown;
}

class FakeHost {
  readonly calls: CallFrame[] = [];
  readonly urls: string[] = [];
  /** Whether calls are answered ({ ok: true, value: channel }) or held. */
  answering = true;
  private server: WebSocketServer;
  private connections = 0;

  private constructor(server: WebSocketServer) {
    this.server = server;
    this.serve();
  }

  static async start(port = 0): Promise<FakeHost> {
    const server = new WebSocketServer({ host: '127.0.0.1', port });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FakeHost(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get sockets(): WebSocket[] {
    return [...this.server.clients];
  }

  /** Sends a frame to every open socket. */
  send(frame: unknown): void {
    for (const socket of this.server.clients) socket.send(JSON.stringify(frame));
  }

  dropAll(): void {
    for (const socket of this.server.clients) socket.terminate();
  }

  /** Stops listening and drops every socket; `start(port)` brings it back. */
  async stop(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(): void {
    this.server.on('connection', (socket, request) => {
      this.urls.push(request.url ?? '');
      this.connections += 1;
      socket.send(JSON.stringify({ type: 'hello', windowId: `browser-${this.connections}` }));
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as CallFrame;
        this.calls.push(frame);
        if (this.answering) socket.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: frame.channel } }));
      });
    });
  }
}

/** Resolves once the bridge's connection state satisfies `test` (now or later). */
function until(bridge: WsBridge, test: (state: ConnectionState) => boolean): Promise<ConnectionState> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const state = bridge.connection.get();
      if (!test(state)) return false;
      resolve(state);
      return true;
    };
    if (check()) return;
    const stop = bridge.connection.subscribe(() => {
      if (check()) stop();
    });
  });
}

async function eventually(test: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(test()).toBe(true), { timeout: 5_000, interval: 5 });
}

const hosts: FakeHost[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const host of hosts.splice(0)) await host.stop();
});

async function connected(): Promise<{ host: FakeHost; bridge: WsBridge }> {
  const host = await FakeHost.start();
  hosts.push(host);
  const bridge = createWsBridge({ host: `127.0.0.1:${host.port}`, search: '?token=secret%20t' }, openWs);
  await until(bridge, (s) => s.status === 'open');
  return { host, bridge };
}

describe('the WebSocket bridge', () => {
  it('opens with the page token, takes the window id from hello, and answers calls', async () => {
    const { host, bridge } = await connected();
    expect(host.urls).toEqual(['/ws?token=secret%20t']);
    expect(bridge.connection.get()).toMatchObject({ status: 'open', windowId: 'browser-1', attempt: 0, problem: null, generation: 1 });
    await expect(bridge.api.call('app.status', {})).resolves.toEqual({ ok: true, value: 'app.status' });
    expect(host.calls).toMatchObject([{ type: 'call', channel: 'app.status', args: {} }]);
  });

  it('hands events to their listeners, until they unsubscribe; ignores events it does not know', async () => {
    const { host, bridge } = await connected();
    const seen: unknown[] = [];
    const stop = bridge.api.on('sessions', (payload) => seen.push(payload));
    host.send({ type: 'event', event: 'not-an-event', payload: 1 });
    host.send({ type: 'event', event: 'sessions', payload: { windows: 2, live: 1 } });
    await eventually(() => seen.length === 1);
    stop();
    host.send({ type: 'event', event: 'sessions', payload: { windows: 3, live: 1 } });
    // A round trip after the event: had the listener still been there, it would have fired by now.
    await bridge.api.call('app.status', {});
    expect(seen).toEqual([{ windows: 2, live: 1 }]);
    expect(() => bridge.api.on('nonsense' as 'sessions', () => undefined)).toThrow('unknown event');
  });

  it('after a drop: a call in flight fails as Unavailable, a call made meanwhile waits and goes out on the new socket', async () => {
    const { host, bridge } = await connected();
    host.answering = false;
    const inFlight = bridge.api.call('worksets.list', {});
    await eventually(() => host.calls.length === 1);

    host.dropAll();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable', message: expect.stringContaining('dropped before it answered') } });
    const down = await until(bridge, (s) => s.status === 'reconnecting');
    expect(down).toMatchObject({ attempt: 1, problem: 'the connection to Workset Browser was lost' });
    expect(down.retryAt).toBeGreaterThan(Date.now() - 1_000);

    host.answering = true;
    const waiting = bridge.api.call('dictionaries.list', {});
    // Reconnected by the backoff timer alone: a new hello, a new generation, the queued call sent.
    await expect(waiting).resolves.toEqual({ ok: true, value: 'dictionaries.list' });
    expect(bridge.connection.get()).toMatchObject({ status: 'open', windowId: 'browser-2', attempt: 0, problem: null, generation: 2 });
    expect(host.calls.map((c) => c.channel)).toEqual(['worksets.list', 'dictionaries.list']);
  });

  it('while the host is away it keeps trying with a growing backoff; retry() tries at once', async () => {
    const { host, bridge } = await connected();
    const port = host.port;
    await host.stop();
    hosts.splice(hosts.indexOf(host), 1);

    // Each failed attempt waits longer before the next: 250 ms, then 500 ms, …
    const second = await until(bridge, (s) => s.status === 'reconnecting' && s.attempt === 2);
    expect(second.problem).toBe(`nothing answers at 127.0.0.1:${port}: start \`workset-browser serve\` again (it takes this address back when its port is free), or open the address it printed`);
    expect(second.retryAt! - Date.now()).toBeLessThanOrEqual(500);
    const third = await until(bridge, (s) => s.attempt === 3);
    expect(third.retryAt! - Date.now()).toBeGreaterThan(500);

    const back = await FakeHost.start(port);
    hosts.push(back);
    bridge.connection.retry();
    await until(bridge, (s) => s.status === 'open');
    expect(bridge.connection.get()).toMatchObject({ attempt: 0, generation: 2, problem: null });
    await expect(bridge.api.call('app.status', {})).resolves.toEqual({ ok: true, value: 'app.status' });
  });

  it('refused by a host that answers: an address of an earlier launch says so and is not retried', async () => {
    const probed: string[] = [];
    const open = vi.fn<OpenSocket>((_, on) => {
      setTimeout(on.close, 0);
      return { readyState: 0, send: () => undefined };
    });
    const bridge = createWsBridge({ host: '127.0.0.1:4321', search: '?token=old' }, open, (token) => {
      probed.push(token);
      return Promise.resolve('earlier');
    });
    const failed = await until(bridge, (s) => s.status === 'failed');
    expect(failed.problem).toBe('this address is from an earlier launch of Workset Browser: open the address `workset-browser serve` printed when it started this time (http://127.0.0.1:4321/?token=…)');
    expect(probed).toEqual(['old']);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('without a token it fails at once, and so does every call', async () => {
    const open = vi.fn<OpenSocket>();
    const bridge = createWsBridge({ host: '127.0.0.1:1', search: '' }, open);
    expect(open).not.toHaveBeenCalled();
    expect(bridge.connection.get()).toMatchObject({ status: 'failed', problem: expect.stringContaining('without its access token') });
    await expect(bridge.api.call('app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable' } });
  });

  it('a call waits at most 30 s for the link, then says so', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    // A socket that never opens: no hello ever comes.
    const bridge = createWsBridge({ host: 'h', search: '?token=t' }, () => ({ readyState: 0, send: (frame) => sent.push(frame) }));
    const call = bridge.api.call('worksets.get', { id: 1 });
    await vi.advanceTimersByTimeAsync(29_999);
    let settled = false;
    void call.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'Unavailable', message: expect.stringContaining('worksets.get waited 30 s') } });
    expect(sent).toEqual([]);
  });
});
