import { describe, expect, it } from 'vitest';
import { BaseXError } from '../../src-main/basex/errors.js';
import { toApiError } from '../../src-main/ipc/to-api-error.js';
import { refusalInWords } from '../../src-main/lift/server-refusal.js';

describe('refusalInWords', () => {
  it('names a missing dictionary, also when the server named its change log', () => {
    expect(refusalInWords(new BaseXError("Stopped at ., 3/33:\n[db:open] Database 'NoSuchDb' was not found."))).toEqual({ code: 'NotFound', message: 'there is no dictionary "NoSuchDb"' });
    expect(refusalInWords(new BaseXError("Stopped at ., 1/9:\n[db:open] Database 'Lotud__log' was not found.")).message).toBe('there is no dictionary "Lotud"');
  });

  it('never passes on the server\'s query position: other refusals name only their code', () => {
    const refusal = refusalInWords(new BaseXError('Stopped at ., 12/4:\n[XPTY0004] Item expected, sequence found: (1, 2).'));
    expect(refusal).toEqual({ code: 'Internal', message: 'the dictionary server could not do this (BaseX error XPTY0004)' });
    expect(toApiError(new BaseXError('Stopped at ., 12/4:\n[XPTY0004] Item expected'))).toEqual(refusal);
  });
});
