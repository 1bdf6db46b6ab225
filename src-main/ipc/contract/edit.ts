import { z } from 'zod';
import { EDIT_ACTIONS, EDIT_FIELDS, fieldEditProblems, type FieldEdit } from '../../domain/edits.js';
import type { SameShape } from './same-shape.js';

/** Parses a FieldEdit (domain/edits.ts) from a window or the CLI: an inline edit or a bulk operation's. */

const text = z.string().max(100_000, 'value is longer than 100,000 characters');

export const fieldEditSchema = z
  .object({
    action: z.enum(EDIT_ACTIONS),
    field: z.enum(EDIT_FIELDS),
    lang: z.string().min(1).max(64).optional(),
    name: z.string().min(1).max(200).optional(),
    sense: z.number().int().min(0).max(10_000).optional(),
    onEntry: z.boolean().optional(),
    example: z.number().int().min(0).max(10_000).optional(),
    to: z.number().int().min(0).max(10_000).optional(),
    index: z.number().int().min(0).max(10_000).optional(),
    ref: z.string().min(1).max(1_000).optional(),
    value: text.optional(),
    pattern: z.string().min(1).max(10_000).optional(),
    replacement: text.optional(),
    flags: z.string().regex(/^[imsx]*$/, 'flags may only contain i, m, s and x').optional(),
  })
  .strict()
  .superRefine((edit, ctx) => {
    for (const [key, message] of fieldEditProblems(edit)) ctx.addIssue({ code: 'custom', path: [key], message });
  }) satisfies z.ZodType<FieldEdit>;

const _fieldEditShape: SameShape<z.output<typeof fieldEditSchema>, FieldEdit> = true;
