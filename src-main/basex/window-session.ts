import { ConnectionError } from './errors.js';
import type { Queryable, QueryOptions } from './queryable.js';
import type { BaseXSession, Bindings, CallOptions, Input } from './session.js';

/**
 * The BaseX session of one window. It is this window's alone; if its connection dies, the next
 * call opens a new one (once per call) and idempotent reads are retried on it.
 */
export class WindowSession implements Queryable {
  private session: BaseXSession | undefined;
  private connecting: Promise<BaseXSession> | undefined;
  private closed = false;

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
    const session = await this.ready();
    try {
      return await call(session);
    } catch (error) {
      if (!(error instanceof ConnectionError) || this.closed) throw error;
      const fresh = await this.ready();
      if (!options.idempotent) throw error;
      return call(fresh);
    }
  }
}
