import { ConnectionLock } from './connection-lock.js';
import { ConnectionError } from './errors.js';
import type { Queryable, QueryOptions } from './queryable.js';
import type { BaseXSession, Bindings, CallOptions, Input } from './client-session.js';

/**
 * The BaseX session of one window. It is this window's alone; if its connection dies, the next
 * call opens a new one (once per call) and idempotent reads are retried on it. Work that needs
 * one connection throughout runs `pinned`.
 */
export class WindowSession implements Queryable {
  private session: BaseXSession | undefined;
  private connecting: Promise<BaseXSession> | undefined;
  private closed = false;
  /** Single calls share the connection; pinned work has it alone. */
  private readonly lock = new ConnectionLock();

  constructor(
    readonly windowId: string,
    private readonly connect: () => Promise<BaseXSession>,
    private readonly onChange: () => void,
  ) {}

  /** True while a live connection exists. */
  get isLive(): boolean {
    return this.session?.isOpen === true;
  }

  /** The socket's client address as `SHOW SESSIONS` shows it, while live. */
  get clientAddress(): string | undefined {
    return this.isLive ? this.session?.clientAddress : undefined;
  }

  /** The live session, connecting first if there is none. */
  ready(): Promise<BaseXSession> {
    if (this.closed) return Promise.reject(new ConnectionError(`window ${this.windowId} is closed`));
    if (this.session?.isOpen) return Promise.resolve(this.session);
    this.connecting ??= this.connect().then(
      (session) => {
        this.connecting = undefined;
        if (this.closed) {
          void session.close();
          throw new ConnectionError(`window ${this.windowId} closed while connecting`);
        }
        this.session = session;
        session.onClose(() => this.onChange());
        this.onChange();
        return session;
      },
      (error: unknown) => {
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }

  command(text: string, options: QueryOptions = {}): Promise<string> {
    return this.run(options, (session) => session.command(text, options));
  }

  query(xquery: string, bindings: Bindings = {}, options: QueryOptions = {}): Promise<string[]> {
    return this.run(options, (session) => session.query(xquery, bindings, options));
  }

  execute(xquery: string, bindings: Bindings = {}, options: QueryOptions = {}): Promise<string> {
    return this.run(options, (session) => session.execute(xquery, bindings, options));
  }

  create(name: string, input: Input, options: CallOptions = {}): Promise<string> {
    return this.run({}, (session) => session.create(name, input, options));
  }

  add(path: string, input: Input, options: CallOptions = {}): Promise<string> {
    return this.run({}, (session) => session.add(path, input, options));
  }

  /**
   * Runs `work` on the current connection (opening one if there is none), while the window's
   * other calls wait: the work may change the connection's state (SET, OPEN) and rely on it.
   * `connection` is that connection itself, so once it drops every further call on it fails
   * with a ConnectionError instead of reconnecting; calls after `work` ends reconnect as usual.
   * Inside `work`, call `connection`, never this session: its calls wait for `work` to end.
   */
  async pinned<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire(true);
    try {
      return await work(await this.ready());
    } finally {
      release();
    }
  }

  /** Closes the connection for good (the window is gone); a connect in flight is closed too. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.connecting;
    if (pending) await pending.catch(() => undefined);
    await this.session?.close();
    this.session = undefined;
    this.onChange();
  }

  private async run<T>(options: QueryOptions, call: (session: BaseXSession) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire(false);
    try {
      const session = await this.ready();
      try {
        return await call(session);
      } catch (error) {
        if (!(error instanceof ConnectionError) || this.closed) throw error;
        const fresh = await this.ready();
        if (!options.idempotent) throw error;
        return await call(fresh);
      }
    } finally {
      release();
    }
  }
}
