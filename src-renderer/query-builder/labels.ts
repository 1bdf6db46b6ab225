import type { Field, Op } from '../api/contract.js';

/** Words for the query model's names, as a lexicographer would say them. */
export const OP_LABELS: Record<Op, string> = {
  equals: 'is',
  'not-equals': 'is not',
  contains: 'contains',
  'starts-with': 'starts with',
  'ends-with': 'ends with',
  matches: 'matches (regex)',
  in: 'is one of',
  'not-in': 'is none of',
  exists: 'exists',
  missing: 'is missing',
  before: 'before',
  after: 'after',
  gt: 'more than',
  lt: 'fewer than',
};

export const FIELD_LABELS: Record<Field, string> = {
  headword: 'Headword',
  lexeme: 'Lexeme form',
  citation: 'Citation form',
  pos: 'Part of speech',
  gloss: 'Gloss',
  definition: 'Definition',
  example: 'Example',
  translation: 'Translation',
  note: 'Note',
  pronunciation: 'Pronunciation',
  variant: 'Variant',
  'semantic-domain': 'Semantic domain',
  trait: 'Trait',
  relation: 'Relation',
  'morph-type': 'Morph type',
  custom: 'Custom field',
  'date-created': 'Date created',
  'date-modified': 'Date modified',
  senses: 'Number of senses',
  id: 'Entry id',
  guid: 'GUID',
};
