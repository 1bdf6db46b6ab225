/**
 * The state of this window's link to the app, for the status bar and the reconnect banner.
 * Electron's IPC never drops, so there it is always `open`; the WebSocket bridge moves it.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'failed';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** The window id the host gave this connection (browser host: `browser-N`). */
  readonly windowId: string | null;
  /** Reconnect attempts since the link was last open. */
  readonly attempt: number;
  /** When the next attempt starts (ms since epoch), while reconnecting. */
  readonly retryAt: number | null;
  /** Why the link is down, in words for people. */
  readonly problem: string | null;
  /** Increments every time the link opens; a change after the first means "refetch everything". */
  readonly generation: number;
}

export interface ConnectionStore {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Retry now instead of waiting for the backoff. */
  retry(): void;
}

export const ALWAYS_OPEN: ConnectionStore = {
  get: () => OPEN_STATE,
  subscribe: () => () => undefined,
  retry: () => undefined,
};

const OPEN_STATE: ConnectionState = { status: 'open', windowId: null, attempt: 0, retryAt: null, problem: null, generation: 1 };
