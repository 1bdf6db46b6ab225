/**
 * Why a LIFT import, export or dictionary operation was refused.
 *
 * The `code` is what the CLI and the UI switch on (domain/errors.ts ERROR_CODES); `line` and
 * `column` point into the user's file when the problem is in it, so an editor can jump there.
 */
export type LiftErrorCode = 'Invalid' | 'NotFound' | 'Conflict';

export interface LiftErrorOptions {
  readonly line?: number;
  readonly column?: number;
  readonly cause?: unknown;
  /** What the UI needs to offer a way on (an import refused over an existing dictionary: its name and changes). */
  readonly details?: unknown;
}

export class LiftError extends Error {
  readonly code: LiftErrorCode;
  readonly line?: number;
  readonly column?: number;
  readonly details?: unknown;

  constructor(code: LiftErrorCode, message: string, options: LiftErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LiftError';
    this.code = code;
    if (options.line !== undefined) this.line = options.line;
    if (options.column !== undefined) this.column = options.column;
    if (options.details !== undefined) this.details = options.details;
  }
}

/** A BaseX refusal because another session holds the database open (DROP/ALTER DB). */
export function isOpenedElsewhere(error: unknown): boolean {
  return error instanceof Error && /is currently opened by another process/i.test(error.message);
}
