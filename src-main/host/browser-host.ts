import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { dispatch, type HandlerTable } from '../ipc/handler-table.js';
import type { WindowAttacher } from '../ipc/window-attachment.js';
import { Downloads } from './downloads.js';
import { HostGuard } from './origin-check.js';
import type { HostAddress } from './saved-address.js';
import { serveStatic } from './static-files.js';
import { parseClientMessage, type ServerMessage } from './wire.js';

export interface BrowserHostOptions {
  /** 0 (default) takes back the previous launch's port when it is free, else picks a free one. */
  readonly port?: number;
  /** The last launch's address (saved-address.ts): its port and token are taken back when the port is free. */
  readonly previous?: HostAddress;
  /** The built renderer (out/renderer). */
  readonly rendererRoot: string;
  readonly table: HandlerTable;
  /** The app's (AppServices.attachWindow): one socket is one window. */
  readonly attachWindow: WindowAttacher;
}

export interface BrowserHost {
  /** The address to open, with this launch's token. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Upload chunks are 4 MB of base64; anything far beyond that is not ours. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * The renderer and the same handler table, over HTTP and WebSocket on 127.0.0.1. One socket
 * is one window with its own BaseX session, released when the socket closes. There are no
 * native dialogs here: files come in as uploads and exports go out as downloads.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const server = createServer();
  const { port, token } = await claimAddress(server, options.port ?? 0, options.previous);
  const guard = new HostGuard(token, port);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const downloads = new Downloads();
  let windows = 0;

  server.on('request', (request, response) => {
    if (!guard.hostAllowed(request)) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden\n');
      return;
    }
    if (answerLaunchProbe(guard, request, response)) return;
    if (!downloads.serve(request, response)) serveStatic(options.rendererRoot, request, response);
  });

  server.on('upgrade', (request, socket, head) => {
    const refusal = new URL(request.url ?? '/', 'http://host').pathname === '/ws' ? guard.refuseUpgrade(request) : 'unknown path';
    if (refusal) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${refusal}\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveWindow(ws, `browser-${++windows}`, options, downloads));
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveWindow(ws: WebSocket, windowId: string, options: BrowserHostOptions, downloads: Downloads): void {
  const send = (message: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const { ctx, detach } = options.attachWindow(windowId, (event, payload) => send({ type: 'event', event, payload }), [downloads]);
  send({ type: 'hello', windowId });

  ws.on('message', (data: RawData, isBinary: boolean) => {
    const message = parseClientMessage(data, isBinary);
    if (!message.ok) {
      send({ type: 'result', id: message.id, result: { ok: false, error: { code: 'Invalid', message: message.problem } } });
      return;
    }
    void dispatch(options.table, ctx, message.channel, message.args).then((result) =>
      send({ type: 'result', id: message.id, result: downloads.offerExport(windowId, message.channel, result) }),
    );
  });
  ws.on('close', () => void detach());
  ws.on('error', () => ws.terminate());
}

/**
 * The previous launch's port and token when that port is free (or is the one asked for), else
 * the port asked for (0: any free one) with a new token.
 */
async function claimAddress(server: Server, wanted: number, previous: HostAddress | undefined): Promise<HostAddress> {
  if (previous && (wanted === 0 || wanted === previous.port)) {
    try {
      await listen(server, previous.port);
      return previous;
    } catch (error) {
      if (wanted !== 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  await listen(server, wanted);
  return { port: (server.address() as AddressInfo).port, token: randomBytes(24).toString('base64url') };
}

/**
 * `GET /launch?token=…`, open to our own page without the token: whether the token it holds is
 * this launch's. A page whose socket is refused asks, so it can tell an address from an earlier
 * launch (open the new one) from a host that is not running (start it), and never says which
 * token is right.
 */
function answerLaunchProbe(guard: HostGuard, request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://host');
  if (url.pathname !== '/launch') return false;
  const body = { app: 'workset-browser', token: guard.tokenAllowed(url.searchParams.get('token')) ? 'current' : 'earlier' };
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  return true;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
