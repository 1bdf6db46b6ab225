import type { EventName, EventPayloads } from './contract.js';

type Sender = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/**
 * Events from services to windows, whatever the transport: each window's transport subscribes
 * with a sender; services emit to one window (progress) or to all (entries changed).
 */
export class EventBus {
  private readonly senders = new Map<string, Sender>();

  subscribe(windowId: string, send: Sender): () => void {
    this.senders.set(windowId, send);
    return () => {
      if (this.senders.get(windowId) === send) this.senders.delete(windowId);
    };
  }

  emitTo<E extends EventName>(windowId: string, event: E, payload: EventPayloads[E]): void {
    this.deliver(this.senders.get(windowId), event, payload);
  }

  broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const send of this.senders.values()) this.deliver(send, event, payload);
  }

  /** A window that went away mid-send must not break the others. */
  private deliver<E extends EventName>(send: Sender | undefined, event: E, payload: EventPayloads[E]): void {
    try {
      send?.(event, payload);
    } catch {
      // the transport reports its own failures; events are best effort
    }
  }
}
