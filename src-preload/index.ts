/**
 * The preload: exposes `window.api` — calls on the contract's channels and subscriptions to its
 * events, nothing else. Names outside the allowlists are refused here, before any IPC.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RendererApi } from '../src-main/ipc/contract.js';
import { CHANNEL_NAMES, EVENT_NAMES, IPC_CALL, IPC_EVENT } from '../src-main/ipc/contract/names.js';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);

const api: RendererApi = {
  platform: 'electron',
  call: (channel, args) =>
    channels.has(channel)
      ? ipcRenderer.invoke(IPC_CALL, channel, args)
      : Promise.resolve({ ok: false, error: { code: 'Invalid', message: `unknown channel ${String(channel)}` } }),
  on: (event, listener) => {
    if (!events.has(event)) throw new Error(`unknown event ${String(event)}`);
    const forward = (_: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.off(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
