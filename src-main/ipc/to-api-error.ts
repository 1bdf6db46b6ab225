import { ZodError } from 'zod';
import { ConnectionError, TimeoutError, AuthError, BaseXError } from '../basex/errors.js';
import { isErrorCode, type ApiError } from '../domain/errors.js';
import { refusalInWords } from '../lift/server-refusal.js';

/**
 * Turns anything thrown by a handler into an ApiError. Errors that carry one of our codes keep
 * it (AppError, store and LIFT errors do); lost connections are Unavailable; the rest are
 * Internal with a message that still says what failed.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return { code: 'Invalid', message: `invalid request: ${summary}`, details: { issues } };
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError || error instanceof AuthError) {
    return { code: 'Unavailable', message: `the BaseX server is not reachable (${error.message}); it will be retried on the next action` };
  }
  if (error instanceof BaseXError) return refusalInWords(error);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (isErrorCode(code)) return { code, message: error.message, details: (error as { details?: unknown }).details };
    return { code: 'Internal', message: error.message };
  }
  return { code: 'Internal', message: String(error) };
}
