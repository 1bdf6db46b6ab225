/**
 * A change to one field of an entry: what an inline edit in the entry pane sends, and what a
 * bulk operation applies to every entry of a workset.
 */

export const EDIT_ACTIONS = ['set', 'clear', 'append', 'prepend', 'replace'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

/** Fields an edit can change; text fields hold forms per writing system, the rest are values. */
export const EDIT_FIELDS = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'pos', 'trait', 'semantic-domain', 'custom'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export function isEditField(field: string): field is EditField {
  return (EDIT_FIELDS as readonly string[]).includes(field);
}

/** Fields whose values are text in a writing system: `lang` picks which one. */
export const TEXT_FIELDS: readonly EditField[] = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'custom'];
/** Fields that live on senses: `sense` picks one (0-based); without it every sense is changed. */
export const SENSE_FIELDS: readonly EditField[] = ['gloss', 'definition', 'pos', 'semantic-domain'];

export interface FieldEdit {
  action: EditAction;
  field: EditField;
  /** Writing system of a text field; required to set one, optional (= every one) otherwise. */
  lang?: string;
  /** Trait name, custom field type, or note type. */
  name?: string;
  /** One sense by position (0-based); absent means every sense. */
  sense?: number;
  /** The new text for set, append and prepend. */
  value?: string;
  /** XQuery regular expression for replace. */
  pattern?: string;
  replacement?: string;
  /** Regex flags for replace: any of i, m, s, x. */
  flags?: string;
}

/** What is wrong with an edit whose keys each parsed: [key, message] pairs. */
export function fieldEditProblems(edit: FieldEdit): [keyof FieldEdit, string][] {
  const problems: [keyof FieldEdit, string][] = [];
  if ((edit.field === 'trait' || edit.field === 'custom') && !edit.name) problems.push(['name', `the ${edit.field} field needs a name`]);
  if ((edit.action === 'set' || edit.action === 'append' || edit.action === 'prepend') && edit.value === undefined) problems.push(['value', `${edit.action} needs a value`]);
  if (edit.action === 'set' && TEXT_FIELDS.includes(edit.field) && !edit.lang) problems.push(['lang', `setting ${edit.field} needs a writing system (lang)`]);
  if (edit.action === 'replace' && edit.pattern === undefined) problems.push(['pattern', 'replace needs a pattern']);
  if (edit.sense !== undefined && !SENSE_FIELDS.includes(edit.field) && edit.field !== 'note') problems.push(['sense', `${edit.field} is not a sense field`]);
  return problems;
}
