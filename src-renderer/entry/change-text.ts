import type { ChangeRecord } from '../api/contract.js';

/** How a recorded change reads in the history panel and the dialogs. */

const FIELD_NAMES: Record<string, string> = {
  lexeme: 'Headword',
  citation: 'Citation form',
  gloss: 'Gloss',
  definition: 'Definition',
  note: 'Note',
  pos: 'Part of speech',
  'semantic-domain': 'Semantic domain',
  example: 'Example',
  translation: 'Translation',
  // What a sense added, deleted or moved changed: the senses (their glosses, in order).
  sense: 'Senses',
  // An entry created or deleted: its headword before and after.
  entry: 'The entry',
  pronunciation: 'Pronunciations',
  variant: 'Variants',
  // Each relation of the entry and its senses, as “type → target”.
  relation: 'Relations',
};

/** "Gloss (en)", "Trait morph-type", or "the whole entry" for an undo that put an entry back. */
export function changedField(change: Pick<ChangeRecord, 'field' | 'lang' | 'name'>): string {
  if (!change.field) return 'the whole entry';
  const name = FIELD_NAMES[change.field] ?? (change.name ? `${change.field === 'trait' ? 'Trait' : 'Field'} ${change.name}` : change.field);
  return change.lang ? `${name} (${change.lang})` : name;
}

/** "edit", "bulk edit 4", "undo of bulk edit 4", "merge of duplicates 5", "revert of change 12". */
export function changeKind(change: Pick<ChangeRecord, 'op' | 'bulk' | 'reverts'>): string {
  switch (change.op) {
    case 'bulk':
      return `bulk edit ${change.bulk ?? ''}`.trim();
    case 'undo':
      return `undo of bulk edit ${change.bulk ?? ''}`.trim();
    case 'merge':
      return `merge of duplicates ${change.bulk ?? ''}`.trim();
    case 'revert':
      return change.reverts === null ? 'revert' : `revert of change ${change.reverts}`;
    default:
      return 'edit';
  }
}

/** Where it came from: "the command line on desk-2", "a window on desk-2". */
export function changeSource(change: Pick<ChangeRecord, 'window' | 'host'>): string {
  return `${change.window === 'cli' ? 'the command line' : 'a window'} on ${change.host}`;
}

/** A field's values as one line, "(empty)" for none. */
export function valuesText(values: readonly string[]): string {
  return values.filter((v) => v.trim() !== '').join(' · ') || '(empty)';
}
