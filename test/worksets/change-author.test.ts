import { hostname, userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { changeAuthor } from '../../src-main/worksets/workset-services.js';

describe('who the change log names', () => {
  it('is the name given, else $WORKSET_BROWSER_USER, else the OS user; with this pid and host', () => {
    expect(changeAuthor('  Ana  ', { WORKSET_BROWSER_USER: 'Ben' })).toEqual({ who: 'Ana', process: process.pid, host: hostname(), instance: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(changeAuthor(undefined, { WORKSET_BROWSER_USER: 'Ben' }).who).toBe('Ben');
    expect(changeAuthor('', { WORKSET_BROWSER_USER: '  ' }).who).toBe(userInfo().username);
  });
});
