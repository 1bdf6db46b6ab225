import { isPartField, partProblems } from './entry-part-edits.js';

/**
 * A change to one field of an entry: what an inline edit in the entry pane sends, and what a
 * bulk operation applies to every entry of a workset.
 */

export const EDIT_ACTIONS = ['set', 'clear', 'append', 'prepend', 'replace', 'add', 'delete', 'move'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

/**
 * Fields an edit can change; text fields hold forms per writing system, the rest are values.
 * `sense`, `example` and `entry` are the entry's parts themselves: added, deleted or moved;
 * `pronunciation`, `variant` and `relation` are parts picked by `index` (entry-part-edits.ts).
 */
export const EDIT_FIELDS = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'pos', 'trait', 'semantic-domain', 'custom', 'example', 'translation', 'sense', 'entry', 'pronunciation', 'variant', 'relation'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** Actions that change an entry's shape (a sense or example added, deleted or moved; the entry deleted). */
export const STRUCTURE_ACTIONS: readonly EditAction[] = ['add', 'delete', 'move'];
/** Fields edited one entry at a time, in the entry pane: a bulk operation over a workset refuses them. */
export const ENTRY_PANE_FIELDS: readonly EditField[] = ['example', 'translation', 'sense', 'entry', 'pronunciation', 'variant', 'relation'];

export function isEditField(field: string): field is EditField {
  return (EDIT_FIELDS as readonly string[]).includes(field);
}

/** Fields whose values are text in a writing system: `lang` picks which one. */
export const TEXT_FIELDS: readonly EditField[] = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'custom', 'example', 'translation'];
/** Fields that live on senses: `sense` picks one (0-based); without it every sense is changed. */
export const SENSE_FIELDS: readonly EditField[] = ['gloss', 'definition', 'pos', 'semantic-domain', 'example', 'translation'];

export interface FieldEdit {
  action: EditAction;
  field: EditField;
  /** Writing system of a text field; required to set one, optional (= every one) otherwise. */
  lang?: string;
  /** Trait name, custom field type, or note type. */
  name?: string;
  /** One sense by position (0-based); absent means every sense. Adding a sense with it adds a subsense to that one. */
  sense?: number;
  /**
   * The entry's own trait or custom field, never its senses' (the entry pane says which element it
   * means; without it a trait or custom field is edited wherever the entry has it, as bulk does).
   */
  onEntry?: boolean;
  /** One example of the sense by position (0-based), for example and translation. */
  example?: number;
  /** One pronunciation, variant or relation by position (0-based) among its owner's. */
  index?: number;
  /** The target of a relation added: an entry's id (or guid), or a sense's id. */
  ref?: string;
  /** Where a moved sense goes: its new position among the senses (0-based). */
  to?: number;
  /** The new text for set, append and prepend (a relation's type, for relations). */
  value?: string;
  /** XQuery regular expression for replace. */
  pattern?: string;
  replacement?: string;
  /** Regex flags for replace: any of i, m, s, x. */
  flags?: string;
}

/** Fields both the entry and its senses have: `sense` or `onEntry` says which one's. */
const OWNED_FIELDS: readonly EditField[] = ['note', 'trait', 'custom'];

/** What is wrong with an edit whose keys each parsed: [key, message] pairs. */
export function fieldEditProblems(edit: FieldEdit): [keyof FieldEdit, string][] {
  if (isPartField(edit.field)) return partProblems(edit);
  const problems: [keyof FieldEdit, string][] = [];
  if ((edit.field === 'trait' || edit.field === 'custom') && !edit.name) problems.push(['name', `the ${edit.field} field needs a name`]);
  if ((edit.action === 'set' || edit.action === 'append' || edit.action === 'prepend') && edit.value === undefined) problems.push(['value', `${edit.action} needs a value`]);
  if (edit.action === 'set' && TEXT_FIELDS.includes(edit.field) && !edit.lang) problems.push(['lang', `setting ${edit.field} needs a writing system (lang)`]);
  if (edit.action === 'replace' && edit.pattern === undefined) problems.push(['pattern', 'replace needs a pattern']);
  if (edit.sense !== undefined && !SENSE_FIELDS.includes(edit.field) && !OWNED_FIELDS.includes(edit.field) && edit.field !== 'sense') problems.push(['sense', `${edit.field} is not a sense field`]);
  if (edit.onEntry && !OWNED_FIELDS.includes(edit.field)) problems.push(['onEntry', `${edit.field} is not something the entry itself has`]);
  if (edit.onEntry && edit.sense !== undefined) problems.push(['onEntry', 'a field is on the entry or on a sense, not both']);
  problems.push(...structureProblems(edit), ...partProblems(edit));
  return problems;
}

/** Values an element may have several of (a sense's semantic domains, FLEx's multi-valued traits): one is added or deleted by its value. */
const VALUE_LISTS: readonly EditField[] = ['trait', 'semantic-domain'];

/** Which parts of an entry may be added, deleted or moved, and what each needs to say which one. */
function structureProblems(edit: FieldEdit): [keyof FieldEdit, string][] {
  const problems: [keyof FieldEdit, string][] = [];
  const structural = STRUCTURE_ACTIONS.includes(edit.action);
  const allowed: Partial<Record<EditField, readonly EditAction[]>> = { sense: ['add', 'delete', 'move'], example: ['add', 'delete'], entry: ['delete'], trait: ['add', 'delete'], 'semantic-domain': ['add', 'delete'] };
  const actions = allowed[edit.field];
  if (structural && !actions?.includes(edit.action)) problems.push(['action', `${edit.action} is not something a ${edit.field} can have done to it`]);
  if ((edit.field === 'sense' || edit.field === 'entry') && !structural) problems.push(['action', `a ${edit.field} is added, deleted or moved, not given text (edit its fields instead)`]);
  if (edit.field === 'sense' && (edit.action === 'delete' || edit.action === 'move') && edit.sense === undefined) problems.push(['sense', `${edit.action} needs the sense (its position)`]);
  if (edit.field === 'sense' && edit.action === 'move' && edit.to === undefined) problems.push(['to', 'moving a sense needs where to (to)']);
  if (edit.field === 'sense' && edit.action === 'add' && edit.value !== undefined && !edit.lang) problems.push(['lang', 'the gloss of a new sense needs a writing system (lang)']);
  if ((edit.field === 'example' || edit.field === 'translation') && edit.sense === undefined) problems.push(['sense', `${edit.field} needs the sense (its position)`]);
  if ((edit.field === 'translation' || (edit.field === 'example' && edit.action !== 'add')) && edit.example === undefined) problems.push(['example', `${edit.field} needs the example (its position)`]);
  if (edit.field === 'example' && edit.action === 'add' && (!edit.lang || edit.value === undefined)) problems.push(['value', 'a new example needs its text and writing system (value and lang)']);
  if (edit.example !== undefined && edit.field !== 'example' && edit.field !== 'translation') problems.push(['example', `${edit.field} is not in an example`]);
  if (VALUE_LISTS.includes(edit.field) && structural && edit.value === undefined) problems.push(['value', `${edit.action} needs the ${edit.field} value (value)`]);
  if (VALUE_LISTS.includes(edit.field) && structural && edit.sense === undefined && !edit.onEntry) problems.push(['sense', `${edit.action} needs where: a sense, or the entry (onEntry)`]);
  if (edit.to !== undefined && !(edit.field === 'sense' && edit.action === 'move')) problems.push(['to', 'only a moved sense has a place to go to']);
  return problems;
}
