import type { BaseXError } from '../basex/errors.js';
import type { ErrorCode } from '../domain/errors.js';

/**
 * A request BaseX refused, in the user's words: the server's own message (`Stopped at ., 3/33:
 * [db:open] Database 'X' was not found.`) names a query position the user never wrote. The known
 * refusals say what is wrong; any other names its error code, for whoever looks into it.
 */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
}

/** `Database 'Lotud__log' was not found.`: the name, with a change log's suffix taken off. */
const MISSING_DATABASE = /Database '([^']+?)(?:__log)?' was not found/;

export function refusalInWords(error: BaseXError): Refusal {
  const missing = MISSING_DATABASE.exec(error.message)?.[1];
  if (missing !== undefined) return { code: 'NotFound', message: `there is no dictionary "${missing}"` };
  if (/\bOut of Main Memory\b/i.test(error.message)) {
    return { code: 'Unavailable', message: 'the dictionary server ran out of memory for this request: give its Java more memory (-Xmx) or ask for fewer entries' };
  }
  const code = error.errorCode;
  return { code: 'Internal', message: `the dictionary server could not do this${code ? ` (BaseX error ${code})` : ''}` };
}
