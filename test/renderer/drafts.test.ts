import { describe, expect, it } from 'vitest';
import type { WorksetQuery } from '../../src-main/domain/query-model.js';
import { draftProblem, describeEdit, emptyDraft, takesLang, toEdit, type BulkDraft } from '../../src-renderer/bulk/bulk-draft.js';
import { childPath, fromQuery, newCondition, newDraft, newGroup, toQuery, withField, type DraftCondition, type DraftQuery } from '../../src-renderer/query-builder/draft.js';
import { conditionIssues, groupIssues } from '../../src-renderer/query-builder/issues.js';

/**
 * The two form stores of the renderer: the query builder's draft (raw inputs → the contract's
 * query) and the bulk form's draft (raw inputs → a FieldEdit). The app validates what they
 * produce; these check that they produce what the user typed, and nothing the field ignores.
 */

const condition = (patch: Partial<DraftCondition>): DraftCondition => ({ ...newCondition(), ...patch });

describe('query builder draft', () => {
  it('starts as one empty "headword contains" condition, sorted by headword, every node with its own id', () => {
    const draft = newDraft();
    expect(toQuery(draft)).toEqual({ match: 'all', filters: [{ field: 'headword', op: 'contains', value: '' }], sort: { by: 'headword', dir: 'asc' } });
    const ids = [draft.root.id, draft.root.children[0].id, newGroup().id, newCondition().id];
    expect(new Set(ids).size).toBe(4);
  });

  it('opens a stored query for editing as it was: toQuery(fromQuery(q)) is q', () => {
    const stored: WorksetQuery = {
      match: 'any',
      sort: { by: 'date-modified', dir: 'desc' },
      filters: [
        { field: 'gloss', op: 'contains', value: 'rain', lang: 'en', case: true },
        { match: 'all', filters: [{ field: 'pos', op: 'in', value: ['Noun', 'Verb'] }, { field: 'definition', op: 'missing' }] },
        { field: 'senses', op: 'gt', value: 2 },
      ],
    };
    expect(toQuery(fromQuery(stored))).toEqual(stored);
    expect(toQuery(fromQuery({ match: 'all', filters: [], sort: { by: 'headword', dir: 'asc' } })).filters).toEqual([]);
  });

  it('turns nested groups into nested filters, keeping only what each field takes', () => {
    const draft: DraftQuery = {
      sort: { by: 'gloss', dir: 'desc' },
      root: {
        kind: 'group',
        id: 1,
        match: 'all',
        children: [
          condition({ field: 'gloss', op: 'starts-with', value: 'little', lang: 'en', name: 'ignored', caseSensitive: true }),
          {
            kind: 'group',
            id: 2,
            match: 'any',
            children: [
              condition({ field: 'pos', op: 'in', value: 'Noun, Verb,, ', lang: 'en' }),
              condition({ field: 'pos', op: 'not-in', value: 'typed', values: ['Picked'] }),
              condition({ field: 'definition', op: 'missing', value: 'leftover', lang: 'en' }),
            ],
          },
          condition({ field: 'trait', op: 'equals', value: 'x', name: '  morph-type  ' }),
          condition({ field: 'relation', op: 'exists', type: ' synonym ' }),
          condition({ field: 'senses', op: 'gt', value: '2' }),
          condition({ field: 'senses', op: 'lt', value: 'two' }),
          condition({ field: 'date-created', op: 'before', value: '2020-01-01', caseSensitive: true }),
        ],
      },
    };
    expect(toQuery(draft)).toEqual({
      match: 'all',
      sort: { by: 'gloss', dir: 'desc' },
      filters: [
        { field: 'gloss', op: 'starts-with', value: 'little', lang: 'en', case: true },
        {
          match: 'any',
          filters: [
            { field: 'pos', op: 'in', value: ['Noun', 'Verb'] },
            { field: 'pos', op: 'not-in', value: ['Picked'] },
            { field: 'definition', op: 'missing', lang: 'en' },
          ],
        },
        { field: 'trait', op: 'equals', value: 'x', name: 'morph-type' },
        { field: 'relation', op: 'exists', type: 'synonym' },
        { field: 'senses', op: 'gt', value: 2 },
        // Not a number: sent as typed, for the app to say what is wrong with it.
        { field: 'senses', op: 'lt', value: 'two' },
        { field: 'date-created', op: 'before', value: '2020-01-01' },
      ],
    });
  });

  it('a new field keeps the op and the text when they still apply, and drops the rest', () => {
    const gloss = condition({ field: 'gloss', op: 'starts-with', value: 'rain', lang: 'en', values: ['a'], caseSensitive: true });
    expect(withField(gloss, 'definition')).toMatchObject({ field: 'definition', op: 'starts-with', value: 'rain', lang: 'en', values: [], caseSensitive: true });
    expect(withField(gloss, 'pos')).toMatchObject({ field: 'pos', op: 'starts-with', value: 'rain', lang: '' });
    // A date takes none of the text ops and none of the text.
    expect(withField(gloss, 'date-modified')).toMatchObject({ field: 'date-modified', op: 'equals', value: '', lang: '', caseSensitive: false });
    expect(withField(condition({ field: 'trait', name: 'x', op: 'exists' }), 'custom')).toMatchObject({ name: 'x', op: 'exists' });
    expect(withField(condition({ field: 'trait', name: 'x' }), 'relation')).toMatchObject({ name: '', type: '' });
    expect(withField(gloss, 'gloss').id).toBe(gloss.id);
  });

  it('names each node by the path validation issues use, and hands each row its issues', () => {
    expect(childPath('', 1)).toBe('filters[1]');
    expect(childPath('filters[1]', 0)).toBe('filters[1].filters[0]');
    const issues = [
      { path: 'filters[1]', message: 'a' },
      { path: 'filters[1].value', message: 'b' },
      { path: 'filters[10].value', message: 'c' },
      { path: 'filters[1].filters', message: 'd' },
      { path: 'sort.by', message: 'e' },
      { path: 'match', message: 'f' },
    ];
    expect(conditionIssues(issues, 'filters[1]').map((i) => i.message)).toEqual(['a', 'b', 'd']);
    expect(groupIssues(issues, 'filters[1]').map((i) => i.message)).toEqual(['a', 'd']);
    expect(groupIssues(issues, '').map((i) => i.message)).toEqual(['e', 'f']);
  });
});

describe('bulk edit draft', () => {
  const draft = (patch: Partial<BulkDraft>): BulkDraft => ({ ...emptyDraft, ...patch });

  it('says what is missing before a preview, in words', () => {
    expect(draftProblem(draft({ field: 'trait' }))).toBe('Name the trait to change.');
    expect(draftProblem(draft({ field: 'custom', name: '  ' }))).toBe('Name the custom field to change.');
    expect(draftProblem(draft({ field: 'gloss' }))).toBe('Pick the writing system to set.');
    expect(draftProblem(draft({ action: 'replace', field: 'gloss' }))).toBe('Give the pattern to replace.');
    expect(draftProblem(draft({ action: 'append', field: 'gloss' }))).toBe('Give the text to append.');
    expect(draftProblem(draft({ field: 'pos', value: 'Noun' }))).toBeNull();
    // Clearing every writing system is a real edit.
    expect(draftProblem(draft({ action: 'clear', field: 'gloss' }))).toBeNull();
  });

  it('keeps only what the action and field use', () => {
    expect(toEdit(draft({ field: 'pos', value: 'Noun', lang: 'en', name: 'x', pattern: 'p' }))).toEqual({ action: 'set', field: 'pos', value: 'Noun' });
    expect(toEdit(draft({ action: 'clear', field: 'gloss', lang: 'en', value: 'leftover' }))).toEqual({ action: 'clear', field: 'gloss', lang: 'en' });
    expect(toEdit(draft({ action: 'replace', field: 'definition', pattern: 'a+', replacement: 'b', flags: 'i', value: 'v' }))).toEqual({
      action: 'replace',
      field: 'definition',
      pattern: 'a+',
      replacement: 'b',
      flags: 'i',
    });
    expect(toEdit(draft({ field: 'trait', name: ' morph ', value: 'stem' }))).toEqual({ action: 'set', field: 'trait', name: 'morph', value: 'stem' });
    expect(takesLang(draft({ field: 'semantic-domain' }))).toBe(false);
  });

  it('describes an operation as the journal and the undo list show it', () => {
    expect(describeEdit({ action: 'append', field: 'gloss', lang: 'en', value: ' (n)' })).toBe('Append “ (n)” to Gloss (en)');
    expect(describeEdit({ action: 'set', field: 'trait', name: 'morph', value: 'stem' })).toBe('Set Trait “morph” to “stem”');
    expect(describeEdit({ action: 'replace', field: 'note', pattern: 'x', replacement: 'y' })).toBe('Replace /x/ with “y” in Note');
    expect(describeEdit({ action: 'clear', field: 'definition' })).toBe('Clear Definition');
  });
});
