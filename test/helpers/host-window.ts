import WebSocket from 'ws';
import type { ServerMessage } from '../../src-main/host/wire.js';

type Result = Extract<ServerMessage, { type: 'result' }>['result'];

/**
 * A window of a browser host under test: a socket opened as our page would open it, with its
 * messages collected. Waits are on the messages themselves (bounded by the test's timeout), so
 * a slow machine only makes a test slower.
 */
export class HostWindow {
  readonly messages: ServerMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters) wake();
    });
  }
  static async open(host: { readonly port: number; readonly token: string }): Promise<HostWindow> {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    const window = new HostWindow(socket);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    await window.waitFor((m) => m.type === 'hello');
    return window;
  }
  /** The first message (already here or yet to come) that `matches`. */
  waitFor<M extends ServerMessage>(matches: (message: ServerMessage) => message is M): Promise<M>;
  waitFor(matches: (message: ServerMessage) => boolean): Promise<ServerMessage>;
  waitFor(matches: (message: ServerMessage) => boolean): Promise<ServerMessage> {
    return new Promise((resolve) => {
      const look = (): void => {
        const found = this.messages.find(matches);
        if (!found) return;
        this.waiters.delete(look);
        resolve(found);
      };
      this.waiters.add(look);
      look();
    });
  }
  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  async call(channel: unknown, args: unknown): Promise<Result> {
    const id = this.nextId++;
    this.send({ type: 'call', id, channel, args });
    const answer = await this.waitFor((m): m is Extract<ServerMessage, { type: 'result' }> => m.type === 'result' && m.id === id);
    return answer.result;
  }
  async close(): Promise<void> {
    this.socket.close();
    await new Promise((resolve) => this.socket.once('close', resolve));
  }
}
