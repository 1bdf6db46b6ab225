/**
 * The fields of a LIFT entry a workset query can test, and how each one compares. The filter
 * editor builds its pickers from FIELD_SPECS; the query schema and compiler check against it.
 */

export const FIELDS = [
  'headword', 'lexeme', 'citation', 'pos', 'gloss', 'definition', 'example', 'translation', 'note',
  'pronunciation', 'variant', 'semantic-domain', 'trait', 'relation', 'morph-type', 'custom',
  'date-created', 'date-modified', 'senses', 'id', 'guid',
] as const;
export type Field = (typeof FIELDS)[number];

/** How a field's values compare: as text, as ISO dates, or as a number. */
export type FieldKind = 'text' | 'date' | 'number';

export interface FieldSpec {
  readonly kind: FieldKind;
  /** Values are forms in writing systems, so `lang` may limit the test to one of them. */
  readonly multilingual: boolean;
  /** `name`: trait name, custom field type or note type; `type`: relation type. */
  readonly key?: 'name' | 'type';
  /** Whether that key must be given (a note without `name` means notes of any type). */
  readonly keyRequired?: boolean;
}

export const FIELD_SPECS: Readonly<Record<Field, FieldSpec>> = {
  headword: { kind: 'text', multilingual: true },
  lexeme: { kind: 'text', multilingual: true },
  citation: { kind: 'text', multilingual: true },
  pos: { kind: 'text', multilingual: false },
  gloss: { kind: 'text', multilingual: true },
  definition: { kind: 'text', multilingual: true },
  example: { kind: 'text', multilingual: true },
  translation: { kind: 'text', multilingual: true },
  note: { kind: 'text', multilingual: true, key: 'name', keyRequired: false },
  pronunciation: { kind: 'text', multilingual: true },
  variant: { kind: 'text', multilingual: true },
  'semantic-domain': { kind: 'text', multilingual: false },
  trait: { kind: 'text', multilingual: false, key: 'name', keyRequired: true },
  relation: { kind: 'text', multilingual: false, key: 'type', keyRequired: true },
  'morph-type': { kind: 'text', multilingual: false },
  custom: { kind: 'text', multilingual: true, key: 'name', keyRequired: true },
  'date-created': { kind: 'date', multilingual: false },
  'date-modified': { kind: 'date', multilingual: false },
  senses: { kind: 'number', multilingual: false },
  id: { kind: 'text', multilingual: false },
  guid: { kind: 'text', multilingual: false },
};
