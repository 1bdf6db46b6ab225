import { z } from 'zod';
import { conditionProblems } from '../../domain/condition-rules.js';
import { FIELDS } from '../../domain/fields.js';
import { OPS } from '../../domain/operators.js';
import {
  MATCH_MODES, MAX_DEPTH, SORT_DIRECTIONS,
  HEADWORD_ORDERS, SORT_KEYS, tooDeepGroupPath,
  type Condition, type Filter, type FilterGroup, type Sort, type WorksetQuery,
} from '../../domain/query-model.js';
import type { SameShape } from './same-shape.js';

/**
 * Parses the query model of a workset (domain/query-model.ts). Strict: unknown keys, fields and
 * ops are errors, not ignored, because saved worksets, the CLI and other tools write this JSON.
 */

const fieldEnum = z.enum(FIELDS, { error: (issue) => `unknown field ${JSON.stringify(issue.input)}` });
const opEnum = z.enum(OPS, { error: (issue) => `unknown op ${JSON.stringify(issue.input)}` });
/** The BaseX protocol cannot carry U+0000, and U+0001 separates the items of a bound list. */
const noControl = (s: string): boolean => !s.includes('\u0000') && !s.includes('\u0001');
const CONTROL = 'contains a control character (U+0000 or U+0001)';
const text = z.string().max(10_000, 'value is longer than 10,000 characters').refine(noControl, `value ${CONTROL}`);
const keyText = (what: string) => z.string().min(1, `${what} is empty`).max(200, `${what} is longer than 200 characters`).refine(noControl, `${what} ${CONTROL}`);
const matchEnum = z.enum(MATCH_MODES, { error: 'match must be "all" or "any"' });

export const conditionSchema = z
  .object({
    field: fieldEnum,
    op: opEnum,
    value: z.union([text, z.array(text), z.number()], { error: 'value must be a string, a list of strings or a number' }).optional(),
    lang: z.string().regex(/^\S{1,64}$/, 'lang must be a writing system id without spaces').refine(noControl, `lang ${CONTROL}`).optional(),
    name: keyText('name').optional(),
    type: keyText('type').optional(),
    case: z.boolean().optional(),
  })
  .strict()
  .superRefine((condition, ctx) => {
    for (const [key, message] of conditionProblems(condition)) ctx.addIssue({ code: 'custom', path: [key], message });
  }) satisfies z.ZodType<Condition>;
const _conditionShape: SameShape<z.output<typeof conditionSchema>, Condition> = true;

const groupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({ match: matchEnum, filters: z.array(filterSchema).min(1, 'a group needs at least one filter') }).strict(),
);

/**
 * A condition or a group, told apart by the `filters` key so that errors name the problem in the
 * one shape that was meant (a plain union would only say "invalid input").
 */
export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.unknown().transform((input, ctx): Filter => {
    const isGroupInput = typeof input === 'object' && input !== null && 'filters' in input;
    const result = isGroupInput ? groupSchema.safeParse(input) : conditionSchema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      // Point at the stray key itself, so the UI can mark it.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) ctx.addIssue({ code: 'custom', path: [...issue.path, key], message: `unknown key ${JSON.stringify(key)}` });
      } else {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }
    return z.NEVER;
  }),
);

export const sortSchema = z
  .object({
    by: z.enum(SORT_KEYS, { error: (issue) => `cannot sort by ${JSON.stringify(issue.input)}` }),
    dir: z.enum(SORT_DIRECTIONS, { error: 'dir must be "asc" or "desc"' }).default('asc'),
    order: z.enum(HEADWORD_ORDERS, { error: 'order must be "alphabetical", "reverse" or "length"' }).optional(),
  })
  .strict()
  .refine((sort) => sort.order === undefined || sort.by === 'headword', { message: 'order ("alphabetical", "reverse", "length") sorts headwords only: use it with "by":"headword"', path: ['order'] }) satisfies z.ZodType<Sort>;
const _sortShape: SameShape<z.output<typeof sortSchema>, Sort> = true;

export const querySchema = z
  .object({
    match: matchEnum,
    filters: z.array(filterSchema),
    sort: sortSchema.default({ by: 'headword', dir: 'asc' }),
  })
  .strict()
  .superRefine((query, ctx) => {
    const tooDeep = tooDeepGroupPath(query.filters);
    if (tooDeep) ctx.addIssue({ code: 'custom', path: tooDeep, message: `groups are nested more than ${MAX_DEPTH} deep` });
  }) satisfies z.ZodType<WorksetQuery>;
const _queryShape: SameShape<z.output<typeof querySchema>, WorksetQuery> = true;
