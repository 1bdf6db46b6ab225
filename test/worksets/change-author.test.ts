import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPersonName } from '../../src-main/worksets/person-name.js';
import { changeAuthor, openWorksetServices } from '../../src-main/worksets/workset-services.js';

describe('who the change log names', () => {
  it('is the name given, else the one set in the app, else $WORKSET_BROWSER_USER, else the OS user; with this pid and host', () => {
    expect(changeAuthor('  Ana  ', { WORKSET_BROWSER_USER: 'Ben' }, 'Cai')).toEqual({ who: 'Ana', process: process.pid, host: hostname(), instance: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(changeAuthor(undefined, { WORKSET_BROWSER_USER: 'Ben' }, 'Cai').who).toBe('Cai');
    expect(changeAuthor(undefined, { WORKSET_BROWSER_USER: 'Ben' }).who).toBe('Ben');
    expect(changeAuthor('', { WORKSET_BROWSER_USER: '  ' }, ' ').who).toBe(userInfo().username);
  });

  it('follows the name set in the app from the next write on, and keeps it in the data folder for the next run', () => {
    const folder = mkdtempSync(join(tmpdir(), 'wb-person-'));
    try {
      const services = openWorksetServices(folder);
      const before = services.author.who;
      services.setPersonName('  Dina Dlamini ');
      expect(services.author.who).toBe('Dina Dlamini');
      expect(services.author.instance).toBeTruthy();
      services.close();
      expect(before).not.toBe('Dina Dlamini');
      const again = openWorksetServices(folder);
      expect(again.author.who).toBe('Dina Dlamini');
      again.close();
      // A damaged file names nobody, and is no error.
      writeFileSync(join(folder, 'person.json'), '{not json');
      expect(readPersonName(folder)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
