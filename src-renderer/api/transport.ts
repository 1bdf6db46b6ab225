import { ALWAYS_OPEN, type ConnectionStore } from './connection.js';
import type { RendererApi } from './contract.js';
import { createWsBridge, type OpenSocket, type ProbeLaunch } from './ws-bridge.js';

declare global {
  interface Window {
    /** Electron's preload sets this; in a browser it is absent and we bridge over WebSocket. */
    readonly api?: RendererApi;
  }
}

export interface Transport {
  readonly api: RendererApi;
  readonly connection: ConnectionStore;
}

/** The preload's `window.api` in Electron, otherwise the WebSocket bridge to the browser host. */
export function resolveTransport(): Transport {
  if (window.api) return { api: window.api, connection: ALWAYS_OPEN };
  const bridge = createWsBridge(window.location, openBrowserSocket, probeBrowserLaunch);
  // The same `window.api` Electron's preload gives, so both platforms expose one API.
  Object.defineProperty(window, 'api', { value: bridge.api, writable: false, configurable: false });
  return bridge;
}

const openBrowserSocket: OpenSocket = (url, on) => {
  const socket = new WebSocket(url);
  socket.onmessage = (message) => on.message(message.data);
  socket.onclose = () => on.close();
  return socket;
};

const probeBrowserLaunch: ProbeLaunch = async (token) => {
  try {
    const response = await fetch(`/launch?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
    const body = (await response.json()) as { app?: unknown; token?: unknown };
    if (body.app !== 'workset-browser') return 'none';
    return body.token === 'current' ? 'current' : 'earlier';
  } catch {
    return 'none';
  }
};
