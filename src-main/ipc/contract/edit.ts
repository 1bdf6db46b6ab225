import { z } from 'zod';

/**
 * A change to one field of an entry: what an inline edit in the entry pane sends, and what a
 * bulk operation applies to every entry of a workset. Shared with the renderer (zod only).
 */
export const EDIT_ACTIONS = ['set', 'clear', 'append', 'prepend', 'replace'] as const;

/** Fields an edit can change; text fields hold forms per writing system, the rest are values. */
export const EDIT_FIELDS = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'pos', 'trait', 'semantic-domain', 'custom'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** Fields whose values are text in a writing system: `lang` picks which one. */
export const TEXT_FIELDS: readonly EditField[] = ['lexeme', 'citation', 'gloss', 'definition', 'note', 'custom'];
/** Fields that live on senses: `sense` picks one (0-based); without it every sense is changed. */
export const SENSE_FIELDS: readonly EditField[] = ['gloss', 'definition', 'pos', 'semantic-domain'];

const text = z.string().max(100_000, 'value is longer than 100,000 characters');

export const fieldEditSchema = z
  .object({
    action: z.enum(EDIT_ACTIONS),
    field: z.enum(EDIT_FIELDS),
    /** Writing system of a text field; required to set one, optional (= every one) otherwise. */
    lang: z.string().min(1).max(64).optional(),
    /** Trait name, custom field type, or note type. */
    name: z.string().min(1).max(200).optional(),
    /** One sense by position (0-based); absent means every sense. */
    sense: z.number().int().min(0).max(10_000).optional(),
    /** The new text for set, append and prepend. */
    value: text.optional(),
    /** XQuery regular expression for replace. */
    pattern: z.string().min(1).max(10_000).optional(),
    replacement: text.optional(),
    /** Regex flags for replace: any of i, m, s, x. */
    flags: z.string().regex(/^[imsx]*$/, 'flags may only contain i, m, s and x').optional(),
  })
  .strict()
  .superRefine((edit, ctx) => {
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((edit.field === 'trait' || edit.field === 'custom') && !edit.name) issue('name', `the ${edit.field} field needs a name`);
    if (['set', 'append', 'prepend'].includes(edit.action) && edit.value === undefined) issue('value', `${edit.action} needs a value`);
    if (edit.action === 'set' && TEXT_FIELDS.includes(edit.field) && !edit.lang) issue('lang', `setting ${edit.field} needs a writing system (lang)`);
    if (edit.action === 'replace' && edit.pattern === undefined) issue('pattern', 'replace needs a pattern');
    if (edit.sense !== undefined && !SENSE_FIELDS.includes(edit.field) && edit.field !== 'note') {
      issue('sense', `${edit.field} is not a sense field`);
    }
  });

export type FieldEdit = z.infer<typeof fieldEditSchema>;
