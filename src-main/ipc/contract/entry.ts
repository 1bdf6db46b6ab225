import { z } from 'zod';

/**
 * An entry as a list or preview row shows it: the few fields a lexicographer scans, not the
 * whole LIFT entry.
 *
 * Text is whitespace-normalised (trimmed, inner runs made one space) and NFC, but keeps its
 * case. Values come from the entry's senses and their subsenses (at any depth) in document
 * order; empty forms are left out. Shared with the renderer.
 */
export const entryViewModelSchema = z.object({
  guid: z.string(),
  id: z.string(),
  /** First form per writing system of the lexical unit, or of the citation when it has none. */
  headword: z.record(z.string(), z.string()),
  /** Distinct parts of speech (grammatical-info values) in document order. */
  pos: z.array(z.string()),
  /** Glosses per writing system, in sense order. */
  glosses: z.record(z.string(), z.array(z.string())),
  /** Definitions per writing system, in sense order. */
  definitions: z.record(z.string(), z.array(z.string())),
  /** Number of top-level senses. */
  senses: z.number().int().nonnegative(),
  dateCreated: z.string().optional(),
  dateModified: z.string().optional(),
});

export interface EntryViewModel {
  guid: string;
  id: string;
  headword: Record<string, string>;
  pos: string[];
  glosses: Record<string, string[]>;
  definitions: Record<string, string[]>;
  senses: number;
  dateCreated?: string;
  dateModified?: string;
}

// The interface is spelled out for readers of the contract; this keeps it equal to the schema.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameShape: Same<EntryViewModel, z.infer<typeof entryViewModelSchema>> = true;
