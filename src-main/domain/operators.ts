import type { FieldKind } from './fields.js';

/** The comparisons a query condition can make, and which of them each kind of field allows. */

export const OPS = [
  'equals', 'not-equals', 'contains', 'starts-with', 'ends-with', 'matches', 'in', 'not-in',
  'exists', 'missing', 'before', 'after', 'gt', 'lt',
] as const;
export type Op = (typeof OPS)[number];

export const OPS_BY_KIND: Readonly<Record<FieldKind, readonly Op[]>> = {
  text: ['equals', 'not-equals', 'contains', 'starts-with', 'ends-with', 'matches', 'in', 'not-in', 'exists', 'missing'],
  date: ['equals', 'not-equals', 'before', 'after', 'exists', 'missing'],
  number: ['equals', 'not-equals', 'gt', 'lt'],
};

/** Ops that test presence only and take no value. */
export const VALUELESS_OPS: readonly Op[] = ['exists', 'missing'];
/** Ops whose value is a list of strings. */
export const LIST_OPS: readonly Op[] = ['in', 'not-in'];
