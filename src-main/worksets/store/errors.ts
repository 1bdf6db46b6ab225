import Database from 'better-sqlite3';
import type { ErrorCode } from '../../domain/errors.js';

/** The codes the store fails with: a subset of the domain's ERROR_CODES, so they cross IPC unchanged. */
export type StoreErrorCode = Extract<ErrorCode, 'NotFound' | 'Invalid' | 'Conflict' | 'Unavailable'>;

/**
 * A failure of the workset store the UI can switch on.
 *
 * `toApiError` keeps the `code` and `details` of any error carrying one of those codes,
 * so a StoreError needs no mapping on its way to the renderer.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export const BUSY_MESSAGE =
  'the workset store is busy: another Workset Browser process (the app or a command) is writing to it; try again in a moment';

/**
 * Turns what better-sqlite3 throws into a StoreError where the cause is the environment (busy,
 * disk full, unreadable file) or a constraint, and passes everything else through unchanged:
 * an unknown SQLite error is a bug in this folder and should surface as one.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError || !(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  const details = { sqlite: code };
  const wrap = (storeCode: StoreErrorCode, message: string): StoreError =>
    new StoreError(storeCode, message, details, { cause: error });
  // SQLITE_LOCKED is the same wait inside one process (shared cache); BUSY_SNAPSHOT is a
  // read transaction that tried to write after another connection committed.
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return wrap('Unavailable', BUSY_MESSAGE);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return wrap('Conflict', `the workset store already holds this record (${error.message})`);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return wrap('NotFound', 'the workset or bulk operation this refers to is gone');
  if (code.startsWith('SQLITE_CONSTRAINT')) return wrap('Invalid', `the workset store refused a value (${error.message})`);
  if (code === 'SQLITE_FULL') return wrap('Unavailable', 'the disk holding the workset store is full');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return wrap('Unavailable', 'the workset store cannot be written: check the permissions of the data folder');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return wrap('Unavailable', `the workset store file is damaged or not a workset store (${error.message})`);
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return wrap('Unavailable', `the workset store file cannot be read or written (${error.message})`);
  }
  return error;
}

export function notFound(what: string): StoreError {
  return new StoreError('NotFound', `${what} does not exist (it may have been deleted in another window)`);
}

export function invalid(message: string, details?: unknown): StoreError {
  return new StoreError('Invalid', message, details);
}
