import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE, parseChoice } from '../../src-renderer/workset-view/column-choice.js';
import { sortableColumns } from '../../src-renderer/workset-view/columns.js';

/** The column chooser's stored choice is read defensively, and decides which columns sort. */
describe('column choice', () => {
  it('reads back what it stored, in the columns order, and falls back to the default on anything else', () => {
    expect(parseChoice(JSON.stringify({ shown: ['gloss', 'headword', 'definition'], langs: { gloss: 'ms' } }))).toEqual({ shown: ['headword', 'gloss', 'definition'], langs: { gloss: 'ms' } });
    expect(parseChoice(null)).toEqual(DEFAULT_CHOICE);
    expect(parseChoice('not json')).toEqual(DEFAULT_CHOICE);
    expect(parseChoice(JSON.stringify({ shown: ['nope', 'status'], langs: { gloss: 3, pos: 'en', headword: '' } }))).toEqual({ shown: ['status', 'headword'], langs: {} });
  });

  it('a headword or gloss shown in a chosen writing system does not sort; status and dates do', () => {
    expect(sortableColumns(DEFAULT_CHOICE)).toEqual(['status', 'headword', 'pos', 'gloss', 'date-created', 'date-modified']);
    expect(sortableColumns({ ...DEFAULT_CHOICE, langs: { gloss: 'ms', definition: 'en' } })).toEqual(['status', 'headword', 'pos', 'date-created', 'date-modified']);
  });
});
