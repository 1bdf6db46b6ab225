import type { Queryable } from '../basex/queryable.js';
import { WORKSET_OPS, type ChangeAuthor, type ChangeRecord } from '../domain/changes.js';
import { changesSince, dictionariesWithLogs, lastChanges } from '../lift/change-log.js';
import { updateSortKeys } from './sort-keys.js';
import type { Store } from './store/index.js';

/** A session the follower owns: closed when it stops, or when BaseX drops it. */
export interface FollowerSession extends Queryable {
  close(): Promise<void>;
}

export interface ChangeFollowerOptions {
  readonly store: Store;
  /** This process's services: their own changes are announced when made, not again from the log. */
  readonly author: ChangeAuthor;
  readonly connect: () => Promise<FollowerSession>;
  /** Changes another process or desktop made, after this data folder's sort keys took them in. */
  readonly onChanges: (dictionary: string, changes: readonly ChangeRecord[]) => void;
  /** Time between two looks at the logs (default 250 ms). */
  readonly intervalMs?: number;
  /** Look for logs of new dictionaries every this many rounds (default 4). */
  readonly listEvery?: number;
}

/**
 * Follows the change log of every dictionary on the server, so that a change made anywhere (the
 * CLI, a second app on this data folder, another desktop on the same server) reaches this
 * process's windows and its local index. Each round reads every log's last sequence number in
 * one query and, where one moved, the records since; a log that appears after the start is read
 * from its beginning, so the writes that created it are not missed.
 */
export class ChangeFollower {
  private readonly seen = new Map<string, number>();
  private session: FollowerSession | undefined;
  private timer: NodeJS.Timeout | undefined;
  private rounds = 0;
  private stopped = false;
  private current: Promise<void> = Promise.resolve();
  private baselined = false;

  constructor(private readonly options: ChangeFollowerOptions) {}

  /** Takes every existing log as read up to now, then follows them. */
  async start(): Promise<void> {
    await this.poll();
    this.schedule();
  }

  /**
   * One whole round now, the logs listed anew, for tests and for a caller that knows something
   * changed: once it resolves, every record written before the call has been announced.
   */
  poll(): Promise<void> {
    return this.round(true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
    await this.drop();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.round(false).finally(() => this.schedule()), this.options.intervalMs ?? 250);
    this.timer.unref();
  }

  private round(list: boolean): Promise<void> {
    this.current = this.current.then(() => this.look(list)).catch(() => this.drop());
    return this.current;
  }

  private async look(list: boolean): Promise<void> {
    if (this.stopped) return;
    this.session ??= await this.options.connect();
    const session = this.session;
    if (list || this.rounds++ % (this.options.listEvery ?? 4) === 0) {
      const present = new Set(await dictionariesWithLogs(session));
      for (const dictionary of this.seen.keys()) if (!present.has(dictionary)) this.seen.delete(dictionary);
      // Logs there at the start are history; one made since holds changes to announce.
      const fresh = [...present].filter((dictionary) => !this.seen.has(dictionary));
      const lasts = this.baselined ? fresh.map(() => 0) : await lastChanges(session, fresh);
      fresh.forEach((dictionary, i) => this.seen.set(dictionary, lasts[i]));
      this.baselined = true;
    }
    const followed = [...this.seen.keys()];
    const lasts = await lastChanges(session, followed);
    for (const [i, dictionary] of followed.entries()) {
      const last = lasts[i];
      const seen = this.seen.get(dictionary) ?? 0;
      // A log that went backwards was dropped and made anew (a dictionary deleted and imported again).
      let since = last < seen ? 0 : seen;
      while (since < last && !this.stopped) {
        const changes = await changesSince(session, dictionary, since, 500);
        if (changes.length === 0) break;
        since = changes[changes.length - 1].seq;
        await this.take(session, dictionary, changes);
      }
      this.seen.set(dictionary, last);
    }
  }

  private async take(session: Queryable, dictionary: string, changes: readonly ChangeRecord[]): Promise<void> {
    const foreign = changes.filter((c) => c.instance !== this.options.author.instance);
    if (foreign.length === 0) return;
    // An import or a restore names no entry: the whole dictionary changed (the windows reload it).
    // A workset's curation names an entry it did not change: its local copy follows at the next look.
    const guids = [...new Set(foreign.filter((c) => !WORKSET_OPS.includes(c.op)).map((c) => c.guid).filter((guid) => guid !== ''))];
    if (guids.length > 0) await updateSortKeys(this.options.store, session, dictionary, guids);
    this.options.onChanges(dictionary, foreign);
  }

  /** A failed round (BaseX restarted, the session dropped): start the next on a new session. */
  private async drop(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.close().catch(() => undefined);
  }
}
