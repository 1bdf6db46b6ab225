import { describe, expect, it } from 'vitest';
import { querySchema } from '../../src-main/ipc/contract/query.js';
import { quickSearchQuery, QUICK_SEARCH_SCOPES, searchWorksetName } from '../../src-renderer/search/quick-search-query.js';

/** A quick search is a workset query the contract accepts, so "make a workset from this search" holds exactly what it found. */
describe('quick search query', () => {
  it('is a valid workset query for every scope: any of the fields contains the trimmed text', () => {
    for (const scope of QUICK_SEARCH_SCOPES) {
      const query = quickSearchQuery('  kú ', scope);
      expect(querySchema.safeParse(query).success).toBe(true);
      expect(query?.match).toBe('any');
      expect(query?.filters.every((filter) => 'op' in filter && filter.op === 'contains' && filter.value === 'kú')).toBe(true);
    }
    expect(quickSearchQuery('x', 'headword')?.filters).toEqual([{ field: 'headword', op: 'contains', value: 'x' }]);
    expect(quickSearchQuery('x', 'any')?.filters.map((filter) => 'field' in filter && filter.field)).toEqual(['headword', 'lexeme', 'citation', 'gloss', 'definition', 'example', 'translation', 'note', 'pronunciation', 'variant']);
  });

  it('asks nothing for blank text', () => {
    expect(quickSearchQuery('', 'any')).toBeNull();
    expect(quickSearchQuery(' \t ', 'gloss')).toBeNull();
  });

  it('names the workset for what was searched and where, numbering a name already taken', () => {
    expect(searchWorksetName(' water ', 'gloss')).toBe('“water” in gloss');
    expect(searchWorksetName('ma', 'any', 3)).toBe('“ma” in any field (3)');
  });
});
