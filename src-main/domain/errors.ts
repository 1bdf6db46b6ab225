/**
 * Errors as values the UI can switch on. Every failure that reaches a window becomes one of
 * these codes; the message says what failed and what to do.
 */
export const ERROR_CODES = ['Conflict', 'NotFound', 'Invalid', 'Unavailable', 'Cancelled', 'Forbidden', 'Internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra data for the UI: the current entry on a Conflict, the bad filter's path on Invalid. */
  readonly details?: unknown;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
