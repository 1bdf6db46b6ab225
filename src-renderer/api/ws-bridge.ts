import type { ConnectionState, ConnectionStore } from './connection.js';
import type { ApiResult, Channel, ChannelArgs, ChannelResult, EventName, EventPayloads, RendererApi } from './contract.js';
import { EVENT_NAMES } from './contract.js';

/**
 * `window.api` for the browser host: the same RendererApi as Electron's preload, over the host's
 * WebSocket (src-main/host/wire.ts).
 *
 * Frames are JSON text: we send `{type:'call', id, channel, args}`; the host sends
 * `{type:'hello', windowId}` first, then `{type:'result', id, result}` and
 * `{type:'event', event, payload}`. A dropped socket is reopened with backoff; calls made while it
 * is down wait for it (up to QUEUE_TIMEOUT_MS), calls in flight when it dropped fail as
 * Unavailable because the host cannot answer them on a new socket.
 *
 * The socket comes from `openSocket` (the browser's WebSocket in transport.ts, the `ws`
 * package's in the tests), so nothing here needs a DOM.
 */

type ServerFrame =
  | { type: 'hello'; windowId: string }
  | { type: 'result'; id: number | null; result: ApiResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };

interface PendingCall {
  readonly id: number;
  readonly frame: string;
  readonly resolve: (result: ApiResult<unknown>) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** What the bridge uses of a WebSocket. */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
}

/** Opens a socket to `url` and reports its text frames and its closing to `on`. */
export type OpenSocket = (url: string, on: { message: (data: unknown) => void; close: () => void }) => BridgeSocket;

/**
 * Asks the host (`GET /launch`, no token needed) whether `token` is its current launch's:
 * 'earlier' when a host answers but the token is from an earlier launch, 'none' when nothing
 * answers. Only asked when a socket closes before the host said hello.
 */
export type ProbeLaunch = (token: string) => Promise<'current' | 'earlier' | 'none'>;

/** `WebSocket.OPEN`, spelled out: Node 20 has no global WebSocket to read it from. */
const OPEN = 1;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];
const QUEUE_TIMEOUT_MS = 30_000;
const EVENTS = new Set<string>(EVENT_NAMES);

const unavailable = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'Unavailable', message } });

export interface WsBridge {
  readonly api: RendererApi;
  readonly connection: ConnectionStore;
}

export function createWsBridge(
  location: { readonly host: string; readonly search: string },
  openSocket: OpenSocket,
  probeLaunch: ProbeLaunch = () => Promise.resolve('none'),
): WsBridge {
  const token = new URLSearchParams(location.search).get('token');
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const connectionListeners = new Set<() => void>();
  const inFlight = new Map<number, PendingCall>();
  const queued: PendingCall[] = [];
  let nextId = 1;
  let socket: BridgeSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let state: ConnectionState = { status: 'connecting', windowId: null, attempt: 0, retryAt: null, problem: null, generation: 0 };

  const setState = (patch: Partial<ConnectionState>): void => {
    state = { ...state, ...patch };
    for (const listener of connectionListeners) listener();
  };

  const connect = (): void => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!token) {
      setState({ status: 'failed', problem: 'this page was opened without its access token: open the address that `workset-browser serve` printed' });
      return;
    }
    const ws = openSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`, {
      message: (data) => receive(data),
      close: () => {
        if (socket !== ws) return;
        socket = null;
        dropInFlight();
        if (state.status === 'open') scheduleReconnect('the connection to Workset Browser was lost');
        else void probeLaunch(token).then((answer) => refused(answer), () => refused('none'));
      },
    });
    socket = ws;
  };

  const receive = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'hello') {
      setState({ status: 'open', windowId: frame.windowId, attempt: 0, retryAt: null, problem: null, generation: state.generation + 1 });
      for (const call of queued.splice(0)) send(call);
    } else if (frame.type === 'result' && frame.id !== null) {
      const call = inFlight.get(frame.id);
      inFlight.delete(frame.id);
      call?.resolve(frame.result);
    } else if (frame.type === 'event' && EVENTS.has(frame.event)) {
      for (const listener of [...(listeners.get(frame.event) ?? [])]) listener(frame.payload as never);
    }
  };

  const send = (call: PendingCall): void => {
    if (call.timer) clearTimeout(call.timer);
    inFlight.set(call.id, call);
    socket?.send(call.frame);
  };

  const dropInFlight = (): void => {
    for (const call of inFlight.values()) call.resolve(unavailable('the connection to Workset Browser dropped before it answered: check the result and try again'));
    inFlight.clear();
  };

  const scheduleReconnect = (problem: string): void => {
    const delay = BACKOFF_MS[Math.min(state.attempt, BACKOFF_MS.length - 1)];
    setState({ status: 'reconnecting', attempt: state.attempt + 1, retryAt: Date.now() + delay, problem });
    retryTimer = setTimeout(connect, delay);
  };

  /** A socket closed before the host said hello: an address of an earlier launch is final, the rest is retried. */
  const refused = (answer: 'current' | 'earlier' | 'none'): void => {
    if (answer === 'earlier') {
      setState({
        status: 'failed',
        retryAt: null,
        problem: `this address is from an earlier launch of Workset Browser: open the address \`workset-browser serve\` printed when it started this time (http://${location.host}/?token=…)`,
      });
      return;
    }
    scheduleReconnect(
      answer === 'none'
        ? `nothing answers at ${location.host}: start \`workset-browser serve\` again (it takes this address back when its port is free), or open the address it printed`
        : 'Workset Browser is starting up or busy',
    );
  };

  const call = <C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ApiResult<ChannelResult<C>>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const pending: PendingCall = {
        id,
        frame: JSON.stringify({ type: 'call', id, channel, args }),
        resolve: resolve as (result: ApiResult<unknown>) => void,
      };
      if (state.status === 'open' && socket?.readyState === OPEN) {
        send(pending);
        return;
      }
      if (state.status === 'failed') {
        resolve(unavailable(state.problem ?? 'not connected'));
        return;
      }
      pending.timer = setTimeout(() => {
        queued.splice(queued.indexOf(pending), 1);
        resolve(unavailable(`${channel} waited ${QUEUE_TIMEOUT_MS / 1000} s for the connection to Workset Browser: check that the app is still running, then try again`));
      }, QUEUE_TIMEOUT_MS);
      queued.push(pending);
    });

  const on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
    if (!EVENTS.has(event)) throw new Error(`unknown event ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };

  connect();

  return {
    api: { platform: 'browser', call, on },
    connection: {
      get: () => state,
      subscribe: (listener) => {
        connectionListeners.add(listener);
        return () => connectionListeners.delete(listener);
      },
      retry: () => {
        if (state.status === 'reconnecting') connect();
      },
    },
  };
}
