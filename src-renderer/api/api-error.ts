import type { ApiError, Channel, ErrorCode } from './contract.js';

/**
 * A failed call, thrown by the typed client: the contract's error value as an Error, so hooks
 * can `try/catch` and components can switch on `code` (a Conflict carries the current entry in
 * `details`). The message is the one the app wrote for people.
 */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly channel: Channel;

  constructor(channel: Channel, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
    this.channel = channel;
  }
}

/** Any thrown value as an ApiCallError, so every error state has a code and a message. */
export function asApiCallError(channel: Channel, error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  return new ApiCallError(channel, { code: 'Internal', message: error instanceof Error ? error.message : String(error) });
}
