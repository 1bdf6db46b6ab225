import type { Field, WorksetQuery } from '../api/contract.js';

/**
 * A quick search is an ordinary workset query (a `contains` on each field searched, any of them
 * matching), so it finds exactly what a workset made from it holds, and the query compiler,
 * its folding (case, NFC, spaces) and its oracle tests cover both.
 */

export const QUICK_SEARCH_SCOPES = ['headword', 'gloss', 'any'] as const;
export type QuickSearchScope = (typeof QUICK_SEARCH_SCOPES)[number];

export const SCOPE_LABELS: Readonly<Record<QuickSearchScope, string>> = {
  headword: 'Headword',
  gloss: 'Gloss',
  any: 'Any field',
};

/** Every text of an entry a person reads: forms, senses, examples, notes. */
const ANY_FIELD: readonly Field[] = ['headword', 'lexeme', 'citation', 'gloss', 'definition', 'example', 'translation', 'note', 'pronunciation', 'variant'];

const FIELDS_OF: Readonly<Record<QuickSearchScope, readonly Field[]>> = {
  headword: ['headword'],
  gloss: ['gloss'],
  any: ANY_FIELD,
};

/** The query a search for `text` runs; null when there is nothing to search for yet. */
export function quickSearchQuery(text: string, scope: QuickSearchScope): WorksetQuery | null {
  const value = text.trim();
  if (value === '') return null;
  return {
    match: 'any',
    filters: FIELDS_OF[scope].map((field) => ({ field, op: 'contains', value })),
    sort: { by: 'headword', dir: 'asc' },
  };
}

/** The name a workset made from the search gets: what was searched, where; `attempt` > 1 when that name is taken. */
export function searchWorksetName(text: string, scope: QuickSearchScope, attempt = 1): string {
  const where = scope === 'any' ? 'any field' : SCOPE_LABELS[scope].toLowerCase();
  const name = `“${text.trim()}” in ${where}`;
  return attempt > 1 ? `${name} (${attempt})` : name;
}
