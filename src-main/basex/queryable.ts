import type { Bindings, CallOptions, Input } from './client-session.js';

export interface QueryOptions extends CallOptions {
  /** A read that may safely run twice (a window's session retries it once on a new connection). */
  readonly idempotent?: boolean;
}

/**
 * What the LIFT and workset code needs of BaseX. Both a plain BaseXSession (CLI, tests) and a
 * window's WindowSession (the app) provide it, so that code never knows which one it has.
 */
export interface Queryable {
  command(text: string, options?: QueryOptions): Promise<string>;
  query(xquery: string, bindings?: Bindings, options?: QueryOptions): Promise<string[]>;
  execute(xquery: string, bindings?: Bindings, options?: QueryOptions): Promise<string>;
  /** Creates (or overwrites) a database from one document, and opens it. */
  create(name: string, input: Input, options?: CallOptions): Promise<string>;
  add(path: string, input: Input, options?: CallOptions): Promise<string>;
  /**
   * Runs `work` on one connection, the work's alone until it ends, for calls that rely on state
   * the connection holds (SET options, the OPEN database). If it drops, every further call on
   * `connection` fails with a ConnectionError: a new connection would have lost that state.
   */
  pinned<T>(work: (connection: Queryable) => Promise<T>): Promise<T>;
}
