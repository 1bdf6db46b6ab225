import { describe, expect, it } from 'vitest';
import { checkDatabaseName, databaseNameFromFile, isTemporaryName, temporaryName } from '../../src-main/lift/database-names.js';
import { LiftError } from '../../src-main/lift/errors.js';

describe('checkDatabaseName', () => {
  it('accepts letters, digits, - _ and inner dots', () => {
    for (const name of ['Sena', 'Pumi_2019', 'my-dict.v2', 'a']) expect(checkDatabaseName(name)).toBe(name);
  });

  it('rejects what BaseX refuses or a command could misread', () => {
    for (const name of ['', 'two words', '.hidden', 'trailing.', 'a;DROP', 'é', 'a/b', 'x'.repeat(101)]) {
      expect(() => checkDatabaseName(name), name).toThrow(LiftError);
    }
  });

  it('reserves the names of imports in progress', () => {
    expect(() => checkDatabaseName(temporaryName('Sena', 'import'))).toThrow(/reserved/);
  });

  it("reserves the names of change logs and of the server's register of bulk edits", () => {
    expect(() => checkDatabaseName('Sena__log')).toThrow(/change log/);
    expect(() => checkDatabaseName('workset-browser__operations')).toThrow(/bulk edits/);
    expect(checkDatabaseName('operations')).toBe('operations');
  });
});

describe('databaseNameFromFile', () => {
  it('uses the base name, without accents and with other characters as _', () => {
    expect(databaseNameFromFile('/data/Sena.lift')).toBe('Sena');
    expect(databaseNameFromFile('C:/x/Dictionnaire éwé (2024).lift')).toBe('Dictionnaire_ewe_2024');
    expect(databaseNameFromFile('/data/Pumi_2019.lift')).toBe('Pumi_2019');
    expect(databaseNameFromFile('/data/中文.lift')).toBe('dictionary');
  });
});

describe('temporaryName', () => {
  it('is recognised as temporary and differs each time', () => {
    const a = temporaryName('Sena', 'import');
    expect(isTemporaryName(a)).toBe(true);
    expect(isTemporaryName(temporaryName('Sena', 'replaced'))).toBe(true);
    expect(a).not.toBe(temporaryName('Sena', 'import'));
    expect(isTemporaryName('Sena')).toBe(false);
  });
});
