/**
 * The errors a BaseX session can fail with. Each has a `code` callers switch on, so nobody parses
 * messages to tell a query error from a lost connection.
 */

/** The server ran the request and refused it (syntax error, unknown database, …). */
export class BaseXError extends Error {
  readonly code = 'BaseXError';
  constructor(message: string) {
    super(message);
    this.name = 'BaseXError';
  }

  /** The XQuery error code (`err:XPST0003`, `bxerr:BXDB0002`, …) where the message has one. */
  get errorCode(): string | undefined {
    return /\[([\w:-]+)\]/.exec(this.message)?.[1];
  }
}

/** The rights a BaseX user may lack, weakest first. */
export type BaseXRight = 'read' | 'write' | 'create' | 'admin';

/**
 * The server refused a request for want of a right of the session's user: one line in the
 * user's words, never the server's (`[basex:permission] No write permission.`).
 */
export class PermissionError extends Error {
  readonly code = 'Forbidden';
  constructor(
    readonly user: string,
    readonly right: BaseXRight,
  ) {
    super(PERMISSION_MESSAGES[right](user));
    this.name = 'PermissionError';
  }
}

const PERMISSION_MESSAGES: Record<BaseXRight, (user: string) => string> = {
  read: (user) => `BaseX user "${user}" may not read this dictionary on this server: ask its admin for read rights`,
  write: (user) => `read-only on this server: BaseX user "${user}" may browse and search, not change dictionaries`,
  create: (user) => `only a BaseX user with create rights (an admin) can do this: "${user}" may not create or replace dictionaries on this server`,
  admin: (user) => `only an admin of this server can do this: BaseX user "${user}" is not one`,
};

/**
 * The error for a message the server refused a request with: a PermissionError when it names a
 * right (commands say "write permission needed.", queries "[basex:permission] No write permission."),
 * else a BaseXError carrying the message.
 */
export function refusal(message: string, user: string): BaseXError | PermissionError {
  const right = /\b(read|write|create|admin) permission needed\b/i.exec(message)?.[1] ?? /\[basex:permission\] No (read|write|create|admin) permission/i.exec(message)?.[1];
  return right ? new PermissionError(user, right.toLowerCase() as BaseXRight) : new BaseXError(message);
}

/** The server refused the user name or password. */
export class AuthError extends Error {
  readonly code = 'AuthError';
  constructor(user: string, address: string) {
    super(`BaseX at ${address} refused the login of user "${user}": wrong user name or password`);
    this.name = 'AuthError';
  }
}

/** A call took longer than its timeout; the connection was dropped so the server stops it. */
export class TimeoutError extends Error {
  readonly code = 'TimeoutError';
  constructor(what: string, ms: number) {
    super(`BaseX did not answer ${what} within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The connection is gone (refused, reset, closed by either side); the call never completed. */
export class ConnectionError extends Error {
  readonly code = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

export function isConnectionError(error: unknown): error is ConnectionError | TimeoutError {
  return error instanceof ConnectionError || error instanceof TimeoutError;
}
