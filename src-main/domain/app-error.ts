import type { ErrorCode } from './errors.js';

/** An error a service throws on purpose, with a code the UI can switch on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
