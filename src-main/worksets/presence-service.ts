import { PermissionError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import type { ChangeAuthor } from '../domain/changes.js';
import type { Presence, PresencePlace } from '../domain/presence.js';
import { PRESENCE_TTL_SECONDS } from '../domain/presence.js';
import { announcePresence, presentOn, withdrawPresence } from '../lift/presence.js';

/** A window re-announces where it is at least this often, well inside the TTL, and otherwise only when it moves. */
const BEAT_MS = (PRESENCE_TTL_SECONDS * 1000) / 3;

/**
 * Who is where: each window says which dictionary, workset and entry it has open (the renderer
 * calls `update` when that changes and every few seconds), and hears who else is there. The
 * server is written only when the window moved or its last word is growing old, so many windows
 * polling cost reads, not writes. A BaseX user with read rights only cannot be announced (it may
 * write nothing): such a window sees the others and is seen by nobody.
 */
export class PresenceService {
  private readonly said = new Map<string, { place: string; at: number }>();

  constructor(
    private readonly author: ChangeAuthor,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records where window `windowId` is; answers the other windows present on its dictionary. */
  async update(session: Queryable, windowId: string, place: PresencePlace): Promise<Presence[]> {
    const key = this.keyOf(windowId);
    const where = JSON.stringify([this.author.who, place.dictionary, place.worksetId ?? null, place.guid ?? null]);
    const last = this.said.get(windowId);
    if (!last || last.place !== where || this.now() - last.at >= BEAT_MS) {
      try {
        await announcePresence(session, {
          key, who: this.author.who, host: this.author.host, dictionary: place.dictionary, worksetId: place.worksetId ?? null, guid: place.guid ?? null,
        });
      } catch (error) {
        if (!(error instanceof PermissionError)) throw error;
      }
      this.said.set(windowId, { place: where, at: this.now() });
    }
    return (await presentOn(session, place.dictionary)).filter((p) => p.key !== key);
  }

  /** The window is closing (its session still open): it is no longer shown anywhere. */
  async leave(windowId: string, session: Queryable): Promise<void> {
    if (!this.said.delete(windowId)) return;
    try {
      await withdrawPresence(session, this.keyOf(windowId));
    } catch (error) {
      if (!(error instanceof PermissionError)) throw error;
    }
  }

  private keyOf(windowId: string): string {
    // A path segment on the server: the instance is hex, a window id may hold anything.
    return `${this.author.instance}-${windowId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }
}
