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
