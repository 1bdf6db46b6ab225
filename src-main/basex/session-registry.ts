import type { BaseXSession } from './client-session.js';
import { WindowSession } from './window-session.js';

export interface SessionCounts {
  /** Windows holding a session. */
  readonly windows: number;
  /** Of those, sessions with a live connection to BaseX. */
  readonly live: number;
}

/**
 * One BaseX session per window, keyed by window id: opened when the window opens, closed when
 * it closes, never shared. The counts are observable for the status bar and for tests.
 */
export class SessionRegistry {
  private readonly windows = new Map<string, WindowSession>();
  private readonly listeners = new Set<(counts: SessionCounts) => void>();

  constructor(private readonly connect: () => Promise<BaseXSession>) {}

  /** Registers a window's session and starts connecting it; `await session.ready()` to wait. */
  open(windowId: string): WindowSession {
    if (this.windows.has(windowId)) throw new Error(`window ${windowId} already has a BaseX session`);
    const session = new WindowSession(windowId, this.connect, () => this.changed());
    this.windows.set(windowId, session);
    session.ready().catch(() => undefined);
    this.changed();
    return session;
  }

  /** The session of an open window. */
  get(windowId: string): WindowSession {
    const session = this.windows.get(windowId);
    if (!session) throw new Error(`window ${windowId} has no BaseX session`);
    return session;
  }

  has(windowId: string): boolean {
    return this.windows.has(windowId);
  }

  /** Releases a window's session; closing an unknown window does nothing. */
  async close(windowId: string): Promise<void> {
    const session = this.windows.get(windowId);
    if (!session) return;
    this.windows.delete(windowId);
    await session.close();
    this.changed();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.windows.keys()].map((id) => this.close(id)));
  }

  get counts(): SessionCounts {
    let live = 0;
    for (const session of this.windows.values()) if (session.isLive) live++;
    return { windows: this.windows.size, live };
  }

  onChange(listener: (counts: SessionCounts) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const counts = this.counts;
    for (const listener of this.listeners) listener(counts);
  }
}
