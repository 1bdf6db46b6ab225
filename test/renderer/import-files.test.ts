import { describe, expect, it } from 'vitest';
import { chooseImportFiles } from '../../src-renderer/dictionaries/import-files.js';

const file = (name: string) => ({ name });

describe('chooseImportFiles', () => {
  it('takes a .lift alone, or with its .lift-ranges in either order', () => {
    expect(chooseImportFiles([file('Sena.lift')])).toEqual({ ok: true, lift: file('Sena.lift') });
    expect(chooseImportFiles([file('Sena.lift-ranges'), file('Sena.LIFT')])).toEqual({ ok: true, lift: file('Sena.LIFT'), ranges: file('Sena.lift-ranges') });
  });

  it('refuses two .lift files, ranges alone, two ranges files and other files, naming them', () => {
    const problem = (...names: string[]) => {
      const choice = chooseImportFiles(names.map(file));
      return choice.ok ? 'accepted' : choice.problem;
    };
    expect(problem('a.lift', 'b.lift')).toBe('a.lift and b.lift are two dictionaries: import one .lift file at a time, with its .lift-ranges file if it has one');
    expect(problem('Sena.lift-ranges')).toBe('Sena.lift-ranges holds only ranges (lists such as grammatical info and semantic domains), not a dictionary: choose the .lift file together with its .lift-ranges file');
    expect(problem('a.lift', 'a.lift-ranges', 'b.lift-ranges')).toMatch(/^a.lift-ranges and b.lift-ranges are two ranges files: choose a.lift with only the one/);
    expect(problem('a.lift', 'notes.txt')).toMatch(/^notes.txt is not LIFT: /);
    expect(problem()).toMatch(/^no file was chosen/);
  });
});
