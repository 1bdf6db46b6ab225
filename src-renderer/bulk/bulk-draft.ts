import type { EditField, FieldEdit } from '../api/contract.js';
import { TEXT_FIELDS } from '../api/contract.js';

/** What the bulk form edits: every input's raw text; `toEdit` keeps what the action and field use. */
export interface BulkDraft {
  readonly action: FieldEdit['action'];
  readonly field: EditField;
  readonly lang: string;
  readonly name: string;
  readonly value: string;
  readonly pattern: string;
  readonly replacement: string;
  readonly flags: string;
  /** Which entries: the rows selected in the work list, or the whole workset. */
  readonly scope: 'selected' | 'workset';
}

/** The fields a bulk edit offers, in the order a lexicographer reaches for them. */
export const BULK_FIELDS: readonly EditField[] = ['pos', 'gloss', 'definition', 'note', 'trait', 'semantic-domain', 'custom', 'lexeme', 'citation'];

export const FIELD_NAMES: Record<EditField, string> = {
  lexeme: 'Lexeme form',
  citation: 'Citation form',
  gloss: 'Gloss',
  definition: 'Definition',
  note: 'Note',
  pos: 'Part of speech',
  trait: 'Trait',
  'semantic-domain': 'Semantic domain',
  custom: 'Custom field',
  example: 'Example',
  translation: 'Translation',
  sense: 'Sense',
  entry: 'Entry',
  pronunciation: 'Pronunciation',
  variant: 'Variant',
  relation: 'Relation',
};

/** The actions a bulk edit offers: adding, deleting and moving parts of entries is done in the entry pane. */
export const BULK_ACTIONS = ['set', 'clear', 'append', 'prepend', 'replace'] as const satisfies readonly FieldEdit['action'][];

export const ACTION_NAMES: Record<FieldEdit['action'], string> = { set: 'Set', clear: 'Clear', append: 'Append', prepend: 'Prepend', replace: 'Replace (regex)', add: 'Add', delete: 'Delete', move: 'Move' };

export const emptyDraft: BulkDraft = { action: 'set', field: 'pos', lang: '', name: '', value: '', pattern: '', replacement: '', flags: '', scope: 'workset' };

export const needsValue = (d: BulkDraft): boolean => ['set', 'append', 'prepend'].includes(d.action);
export const needsName = (d: BulkDraft): boolean => d.field === 'trait' || d.field === 'custom';
export const takesName = (d: BulkDraft): boolean => needsName(d) || d.field === 'note' || d.field === 'semantic-domain';
export const takesLang = (d: BulkDraft): boolean => TEXT_FIELDS.includes(d.field);

/** Why the draft cannot be previewed yet, in words; null when it can. */
export function draftProblem(d: BulkDraft): string | null {
  if (needsName(d) && !d.name.trim()) return `Name the ${d.field === 'trait' ? 'trait' : 'custom field'} to change.`;
  if (d.action === 'set' && takesLang(d) && !d.lang) return 'Pick the writing system to set.';
  if (d.action === 'replace' && !d.pattern) return 'Give the pattern to replace.';
  if (needsValue(d) && d.value === '') return `Give the text to ${d.action}.`;
  return null;
}

export function toEdit(d: BulkDraft): FieldEdit {
  const edit: FieldEdit = { action: d.action, field: d.field };
  if (takesLang(d) && d.lang) edit.lang = d.lang;
  if (takesName(d) && d.name.trim()) edit.name = d.name.trim();
  if (needsValue(d)) edit.value = d.value;
  if (d.action === 'replace') {
    edit.pattern = d.pattern;
    edit.replacement = d.replacement;
    if (d.flags) edit.flags = d.flags;
  }
  return edit;
}

/** "Append “ (n)” to Gloss (en)": an operation as the journal and the undo list show it. */
export function describeEdit(edit: FieldEdit): string {
  const field = `${FIELD_NAMES[edit.field]}${edit.name ? ` “${edit.name}”` : ''}${edit.lang ? ` (${edit.lang})` : ''}`;
  switch (edit.action) {
    case 'set':
      return `Set ${field} to “${edit.value ?? ''}”`;
    case 'clear':
      return `Clear ${field}`;
    case 'append':
      return `Append “${edit.value ?? ''}” to ${field}`;
    case 'prepend':
      return `Prepend “${edit.value ?? ''}” to ${field}`;
    case 'replace':
      return `Replace /${edit.pattern ?? ''}/ with “${edit.replacement ?? ''}” in ${field}`;
    case 'add':
    case 'delete':
    case 'move':
      return `${ACTION_NAMES[edit.action]} ${field}`;
  }
}
