import type { Queryable } from '../basex/queryable.js';
import type { SessionRegistry } from '../basex/session-registry.js';
import type { EventName, EventPayloads } from './contract.js';
import type { EventBus } from './event-bus.js';
import type { HandlerContext } from './handler-table.js';

/** How a transport delivers an event to its window (Electron's webContents.send, a WebSocket). */
export type WindowSender = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface AttachedWindow {
  /** What every call from this window is handled with. */
  readonly ctx: HandlerContext;
  /** The window went away: no more events, nothing it was granted, its BaseX session closed. */
  detach(): Promise<void>;
}

/** Something that keeps per-window state and must drop it when the window goes. */
export interface WindowForgetter {
  forget(windowId: string): void;
}

/** Attaches a window; `also` are the transport's own per-window states (the browser host's downloads). */
export type WindowAttacher = (windowId: string, send: WindowSender, also?: readonly WindowForgetter[]) => AttachedWindow;

/** Something a window leaves on the server (its presence), removed with the window's own session before it closes. */
export interface WindowLeaver {
  leave(windowId: string, session: Queryable): Promise<void>;
}

export interface WindowServices {
  readonly registry: SessionRegistry;
  readonly bus: EventBus;
  /** What else keeps per-window state (file grants, downloads): told when a window detaches. */
  readonly forgetters?: readonly WindowForgetter[];
  readonly leavers?: readonly WindowLeaver[];
}

/**
 * A window joining the app, whatever its transport: its own BaseX session, its events, and the
 * ctx its calls are handled with; and, on detach, all of that released. Electron and the browser
 * host both come through here, so a window is the same thing to the services on either.
 */
export function attachWindow(services: WindowServices, windowId: string, send: WindowSender): AttachedWindow {
  const session = services.registry.open(windowId);
  const unsubscribe = services.bus.subscribe(windowId, send);
  const ctx: HandlerContext = { windowId, session, emit: (event, payload) => services.bus.emitTo(windowId, event, payload) };
  let detached: Promise<void> | undefined;
  return {
    ctx,
    detach: () =>
      (detached ??= (async () => {
        unsubscribe();
        for (const forgetter of services.forgetters ?? []) forgetter.forget(windowId);
        // Best effort: what a window could not remove (its server gone) goes stale by itself.
        for (const leaver of services.leavers ?? []) await leaver.leave(windowId, session).catch(() => undefined);
        await services.registry.close(windowId);
      })()),
  };
}
