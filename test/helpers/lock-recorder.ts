import type { Queryable, QueryOptions } from '../../src-main/basex/queryable.js';
import type { BaseXSession, Bindings, CallOptions, Input } from '../../src-main/basex/client-session.js';

/** The databases one query locked, as BaseX's QUERYINFO reports them; `(global)` for all. */
export interface QueryLocks {
  readonly query: string;
  readonly read: readonly string[];
  readonly write: readonly string[];
}

/**
 * A Queryable over a real session that asks for each query's info and keeps the locks it
 * reports. Call `enable()` once: it sets QUERYINFO on the session.
 */
export class LockRecorder implements Queryable {
  private recorded: QueryLocks[] = [];

  constructor(private readonly session: BaseXSession) {}

  async enable(): Promise<void> {
    await this.session.command('SET QUERYINFO true');
  }

  /** The locks of every query since the last call, and forgets them. */
  take(): QueryLocks[] {
    const taken = this.recorded;
    this.recorded = [];
    return taken;
  }

  command(text: string, options?: QueryOptions): Promise<string> {
    return this.session.command(text, options);
  }

  query(xquery: string, bindings?: Bindings, options?: QueryOptions): Promise<string[]> {
    return this.session.query(xquery, bindings, this.recording(xquery, options));
  }

  execute(xquery: string, bindings?: Bindings, options?: QueryOptions): Promise<string> {
    return this.session.execute(xquery, bindings, this.recording(xquery, options));
  }

  create(name: string, input: Input, options?: CallOptions): Promise<string> {
    return this.session.create(name, input, options);
  }

  add(path: string, input: Input, options?: CallOptions): Promise<string> {
    return this.session.add(path, input, options);
  }

  /** Pinned work runs on the recorder itself, so its queries are recorded too. */
  pinned<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    return work(this);
  }

  private recording(xquery: string, options: QueryOptions | undefined): QueryOptions {
    return { ...options, onInfo: (info) => this.recorded.push(parseLocks(xquery, info)) };
  }
}

function parseLocks(query: string, info: string): QueryLocks {
  const line = (label: string): string[] => {
    const value = new RegExp(`^${label} Locking: (.*)$`, 'm').exec(info)?.[1]?.trim();
    if (value === undefined) throw new Error(`no "${label} Locking" in the query info (is QUERYINFO on?): ${info.slice(0, 200)}`);
    return value === '(none)' ? [] : value.split(',').map((name) => name.trim());
  };
  return { query: query.trim().slice(0, 120), read: line('Read'), write: line('Write') };
}
