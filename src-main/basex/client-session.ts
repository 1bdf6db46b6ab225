import { createHash } from 'node:crypto';
import { connect as connectSocket, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { AuthError, BaseXError, ConnectionError, PermissionError, refusal, TimeoutError } from './errors.js';
import { FrameReader } from './frame-reader.js';
import { encodeRequest, encodeString, escapeInput, Opcode, STATUS_OK, TERMINATOR } from './protocol.js';
import { CallQueue } from './call-queue.js';
import type { Queryable } from './queryable.js';

/** Where a BaseX server listens and whom to log in as. */
export interface BaseXAddress {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

export interface SessionOptions {
  /** Default timeout of every call, from the moment it is queued. */
  readonly timeoutMs?: number;
  /** Timeout of connecting and logging in. */
  readonly connectTimeoutMs?: number;
}

export interface CallOptions {
  readonly timeoutMs?: number;
  /**
   * Receives the server's info on the call (with `SET QUERYINFO true`: the plan, timings and the
   * databases it read- and write-locked). Tests use it to prove which locks a query takes.
   */
  readonly onInfo?: (info: string) => void;
}

/** A value bound to an external XQuery variable; arrays bind a sequence of strings. */
export type Binding = string | number | boolean | readonly string[];
export type Bindings = Readonly<Record<string, Binding>>;

/** Input for CREATE/ADD: text, bytes, or a stream that is sent as it is read. */
export type Input = string | Buffer | Readable;

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** BaseX separates the items of a bound sequence with this byte (see ClientQuery.bind). */
const ITEM_SEPARATOR = '\u0001';

/**
 * One connection to a BaseX server, with a promise API.
 *
 * Calls are queued and run one at a time in order (the protocol has one conversation per socket).
 * A failed call leaves the session usable; a lost connection or a timeout rejects every pending
 * call at once and closes the session for good (the server stops whatever it was running).
 */
export class BaseXSession {
  private readonly queue: CallQueue;
  private closeError: Error | undefined;
  private readonly closeListeners = new Set<(error: Error | undefined) => void>();

  private constructor(
    private readonly socket: Socket,
    private readonly reader: FrameReader,
    readonly address: BaseXAddress,
    private readonly timeoutMs: number,
  ) {
    this.queue = new CallQueue((timeout) =>
      this.destroy(new ConnectionError(`connection to BaseX at ${this.label} dropped: ${timeout.message}`, { cause: timeout })),
    );
    socket.on('close', () => this.destroy(new ConnectionError(`connection to BaseX at ${this.label} closed`)));
    socket.on('error', (error) =>
      this.destroy(new ConnectionError(`connection to BaseX at ${this.label} failed: ${error.message}`, { cause: error })),
    );
  }

  /** Opens a connection and logs in (digest authentication, BaseX 8 and later). */
  static async connect(address: BaseXAddress, options: SessionOptions = {}): Promise<BaseXSession> {
    const connectTimeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const label = `${address.host}:${address.port}`;
    const reader = new FrameReader();
    const socket = connectSocket({ host: address.host, port: address.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    const failed = new Promise<never>((_, reject) => {
      socket.once('error', (error) => reject(new ConnectionError(`cannot connect to BaseX at ${label}: ${error.message}`, { cause: error })));
      socket.once('close', () => reject(new ConnectionError(`BaseX at ${label} closed the connection during login`)));
    });
    failed.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`login at ${label}`, connectTimeout)), connectTimeout);
    });
    try {
      await Promise.race([login(socket, reader, address), failed, timedOut]);
    } catch (error) {
      socket.destroy();
      reader.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      clearTimeout(timer);
    }
    socket.removeAllListeners('error');
    socket.removeAllListeners('close');
    return new BaseXSession(socket, reader, address, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  get isOpen(): boolean {
    return this.closeError === undefined;
  }

  /** The client side of the socket as the server's `SHOW SESSIONS` and `KILL` name it. */
  get clientAddress(): string {
    return `${this.socket.localAddress ?? ''}:${this.socket.localPort ?? ''}`;
  }

  /** Called once when the session closes, with the reason unless it was closed on purpose. */
  onClose(listener: (error: Error | undefined) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Runs a database command (`LIST`, `OPEN db`, `SHOW SESSIONS`…) and returns its result. */
  command(text: string, options?: CallOptions): Promise<string> {
    checkText('command', text);
    return this.call(`command ${firstWord(text)}`, options, async () => {
      this.send(encodeString(text));
      const result = await this.reader.string(true);
      const info = await this.reader.string(false);
      if ((await this.reader.byte()) !== STATUS_OK) throw refusal(info, this.address.user);
      options?.onInfo?.(info);
      return result;
    });
  }

  /** Runs a query and returns each item of its result, serialized. */
  query(xquery: string, bindings: Bindings = {}, options?: CallOptions): Promise<string[]> {
    return this.runQuery(xquery, bindings, options, Opcode.RESULTS, async () => {
      const items: string[] = [];
      while ((await this.reader.byte()) !== 0) items.push(await this.reader.string(true));
      return items;
    });
  }

  /** Runs a query and returns its whole result serialized as one string. */
  execute(xquery: string, bindings: Bindings = {}, options?: CallOptions): Promise<string> {
    return this.runQuery(xquery, bindings, options, Opcode.EXECUTE, () => this.reader.string(true));
  }

  /** Creates (or overwrites) a database from one document. */
  create(name: string, input: Input, options?: CallOptions): Promise<string> {
    return this.sendInput(Opcode.CREATE, name, input, options);
  }

  /** Adds a document at `path` to the database opened with `OPEN`. */
  add(path: string, input: Input, options?: CallOptions): Promise<string> {
    return this.sendInput(Opcode.ADD, path, input, options);
  }

  /** A session never reconnects, so it is pinned already: `work` runs on it. */
  pinned<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    return work(this);
  }

  /** Logs out and closes the connection; pending calls are rejected. */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.destroy(undefined);
    await closed;
  }

  private get label(): string {
    return `${this.address.host}:${this.address.port}`;
  }

  /**
   * QUERY, then BIND…, RESULTS/EXECUTE and CLOSE written at once: the server answers them in
   * order, drops the query itself after an error, and accepts CLOSE of a dropped id.
   */
  private runQuery<T>(
    xquery: string,
    bindings: Bindings,
    options: CallOptions | undefined,
    opcode: number,
    readResult: () => Promise<T>,
  ): Promise<T> {
    checkText('query', xquery);
    const binds = Object.entries(bindings).map(([name, value]) => bindArguments(name, value));
    const onInfo = options?.onInfo;
    return this.call('query', options, async () => {
      this.send(encodeRequest(Opcode.QUERY, xquery));
      const id = await this.reader.string(true);
      await this.expectStatus();
      this.send(
        Buffer.concat([
          ...binds.map((args) => encodeRequest(Opcode.BIND, id, ...args)),
          encodeRequest(opcode, id),
          ...(onInfo ? [encodeRequest(Opcode.INFO, id)] : []),
          encodeRequest(Opcode.CLOSE, id),
        ]),
      );
      // Every answer's status is read, even after an error: `firstError ??= await …` would skip
      // the read once an error is kept, and leave the rest of the answer to the next call.
      let firstError: BaseXError | PermissionError | undefined;
      const keep = (error: BaseXError | PermissionError | undefined): void => {
        firstError ??= error;
      };
      for (let i = 0; i < binds.length; i++) {
        await this.reader.token(true);
        keep(await this.statusError());
      }
      const result = await readResult();
      keep(await this.statusError());
      if (onInfo) {
        const info = await this.reader.string(false);
        keep(await this.statusError());
        if (!firstError) onInfo(info);
      }
      await this.reader.token(true);
      await this.statusError();
      if (firstError) throw firstError;
      return result;
    });
  }

  private sendInput(opcode: number, name: string, input: Input, options?: CallOptions): Promise<string> {
    checkText('name', name);
    return this.call(`input ${name}`, options, async () => {
      this.send(encodeRequest(opcode, name));
      await this.streamInput(input);
      this.send(Buffer.of(TERMINATOR));
      const info = await this.reader.string(false);
      if ((await this.reader.byte()) !== STATUS_OK) throw refusal(info, this.address.user);
      return info;
    });
  }

  private async streamInput(input: Input): Promise<void> {
    if (!(input instanceof Readable)) {
      this.send(escapeInput(typeof input === 'string' ? Buffer.from(input, 'utf8') : input));
      return;
    }
    try {
      for await (const chunk of input) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
        if (!this.socket.write(escapeInput(bytes))) await this.drained();
      }
    } catch (error) {
      // Half an input must never be parsed as a whole one: drop the connection instead.
      const message = error instanceof Error ? error.message : String(error);
      this.destroy(new ConnectionError(`input stream failed: ${message}`, { cause: error }));
      throw error;
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.isOpen) return reject(this.closeError);
      const onDrain = (): void => {
        this.socket.off('close', onClose);
        resolve();
      };
      const onClose = (): void => {
        this.socket.off('drain', onDrain);
        reject(this.closeError ?? new ConnectionError('connection closed while sending input'));
      };
      this.socket.once('drain', onDrain);
      this.socket.once('close', onClose);
    });
  }

  private async expectStatus(): Promise<void> {
    const error = await this.statusError();
    if (error) throw error;
  }

  /** Reads a status byte; an error status is followed by its message. */
  private async statusError(): Promise<BaseXError | PermissionError | undefined> {
    if ((await this.reader.byte()) === STATUS_OK) return undefined;
    return refusal(await this.reader.string(false), this.address.user);
  }

  private send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  private call<T>(what: string, options: CallOptions | undefined, run: () => Promise<T>): Promise<T> {
    if (this.closeError) return Promise.reject(this.closeError);
    return this.queue.push(what, options?.timeoutMs ?? this.timeoutMs, run);
  }

  private destroy(error: Error | undefined): void {
    if (this.closeError) return;
    this.closeError = error ?? new ConnectionError(`session with BaseX at ${this.label} was closed`);
    this.reader.fail(this.closeError);
    this.queue.failAll(this.closeError);
    if (error === undefined) this.socket.end();
    this.socket.destroy();
    for (const listener of this.closeListeners) listener(error);
    this.closeListeners.clear();
  }
}

async function login(socket: Socket, reader: FrameReader, address: BaseXAddress): Promise<void> {
  const challenge = await reader.string(false);
  const colon = challenge.indexOf(':');
  // "realm:nonce" since BaseX 8 (digest); a bare nonce before that (CRAM-MD5).
  const secret = colon >= 0 ? `${address.user}:${challenge.slice(0, colon)}:${address.password}` : address.password;
  const nonce = colon >= 0 ? challenge.slice(colon + 1) : challenge;
  socket.write(Buffer.concat([encodeString(address.user), encodeString(md5(md5(secret) + nonce))]));
  if ((await reader.byte()) !== STATUS_OK) throw new AuthError(address.user, `${address.host}:${address.port}`);
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** BIND arguments: name, value and type. Sequences join their items with the separator byte. */
function bindArguments(name: string, value: Binding): [string, string, string] {
  const bare = name.startsWith('$') ? name.slice(1) : name;
  checkText('variable name', bare);
  if (typeof value === 'string') return [bare, checkText(`value of $${bare}`, value), 'xs:string'];
  if (typeof value === 'boolean') return [bare, String(value), 'xs:boolean'];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`value of $${bare} is not a finite number`);
    return [bare, String(value), Number.isInteger(value) ? 'xs:integer' : 'xs:double'];
  }
  if (value.length === 0) return [bare, '', 'empty-sequence()'];
  for (const item of value) {
    checkText(`value of $${bare}`, item);
    if (item.includes(ITEM_SEPARATOR)) throw new TypeError(`value of $${bare} contains the control character U+0001`);
  }
  return [bare, value.join(ITEM_SEPARATOR), 'xs:string*'];
}

/** Client strings are not escaped by the protocol, so a NUL would end them early. */
function checkText(what: string, text: string): string {
  if (text.includes('\u0000')) throw new TypeError(`${what} contains a NUL character, which BaseX cannot receive`);
  return text;
}

function firstWord(text: string): string {
  return text.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? '';
}
