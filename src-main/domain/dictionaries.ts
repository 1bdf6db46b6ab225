/** Dictionaries (one BaseX database each) as the app lists, imports and exports them. */

/** One dictionary database: its entries, of which `deleted` are tombstones (@dateDeleted). */
export interface DictionarySummary {
  readonly name: string;
  readonly entries: number;
  readonly deleted: number;
  /** Its change log: how many changes it holds and its size on the server as BaseX puts it ("12 MB"); absent before the first change. */
  readonly log?: { readonly changes: number; readonly size: string };
  /** How many backups imports kept of it (`dictionaries restore` brings the newest back); absent for none. */
  readonly backups?: number;
}

export interface ImportResult {
  readonly database: string;
  readonly entries: number;
  readonly deleted: number;
  readonly ranges: boolean;
  /** With ranges: how many ranges (`<range>` elements) its .lift-ranges holds. */
  readonly rangeCount?: number;
  /**
   * Without ranges, when the LIFT header points at a ranges file (`<range href>`): that file's
   * name. Its lists (grammatical info, semantic domains…) did not come along.
   */
  readonly missingRangesFile?: string;
  /** When it replaced a dictionary of that name: the backup kept of it (`dictionaries restore` brings it back). */
  readonly backup?: string;
  /**
   * When the file's entries carry the curation of worksets (annotations an export with curation
   * wrote): how many worksets. Restoring them makes them worksets again.
   */
  readonly curationWorksets?: number;
}

/** A workset restored from the curation a file carried. */
export interface RestoredWorkset {
  readonly id: number;
  readonly name: string;
  readonly total: number;
}

/**
 * Why an import was refused over a dictionary of the same name (a Conflict's details): the
 * dictionary, and how many of its entries were changed since it was last imported.
 */
export interface ImportWouldReplace {
  readonly exists: string;
  readonly changedSinceImport: number;
}

export function isImportWouldReplace(value: unknown): value is ImportWouldReplace {
  return typeof value === 'object' && value !== null && typeof (value as ImportWouldReplace).exists === 'string' && typeof (value as ImportWouldReplace).changedSinceImport === 'number';
}

export interface ExportResult {
  readonly file: string;
  readonly rangesFile?: string;
  readonly entries: number;
  /** Exported with curation: how many worksets' curation the entries carry. */
  readonly curatedWorksets?: number;
  /**
   * Browser host only, for a dictionary with ranges: `file` is a .zip holding these two
   * (`NAME.lift` and `NAME.lift-ranges`), since a download is one file.
   */
  readonly zipped?: { readonly lift: string; readonly ranges: string };
  /** Browser host only: the address the page downloads `file` from (it cannot read local paths). */
  readonly download?: string;
}

/** A value of a range (parts of speech, semantic domains, a trait's values) for the pickers; the id is NFC. */
export interface RangeValue {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
  /** The range's abbreviation of it ("n" for Noun), where it has one. */
  readonly abbreviation?: string;
}

/** Where a custom field declared in the LIFT header lives: FLEx names the class it belongs to. */
export type CustomFieldOwner = 'entry' | 'sense' | 'entry-or-sense' | 'other';

/** A custom field the header declares (`<header><fields><field tag>`). */
export interface CustomFieldDefinition {
  readonly tag: string;
  readonly owner: CustomFieldOwner;
  /** Its description in the header, first form (English where there is one). */
  readonly description: string;
  /** FLEx's WsSelector where the header says it: the field's forms are in the vernacular or analysis writing systems. */
  readonly langs?: 'vernacular' | 'analysis';
}

/** What the query builder offers: writing systems in use and the ranges' values. */
export interface DictionaryVocabulary {
  readonly writingSystems: readonly string[];
  /** The writing systems of the headwords (lexeme forms), the most used first. */
  readonly headwordLangs: readonly string[];
  readonly partsOfSpeech: readonly RangeValue[];
  readonly semanticDomains: readonly RangeValue[];
  /** What a relation's type may be: the dictionary's lexical-relation range, and types used. */
  readonly relationTypes: readonly RangeValue[];
  readonly traitNames: readonly string[];
  readonly customFields: readonly string[];
  /** The values of each trait that has a range of its name (morph-type, usage-type, …), plus values used that it lacks. */
  readonly traitValues: Readonly<Record<string, readonly RangeValue[]>>;
  /** Note types: the note-type range, plus types used that it lacks. */
  readonly noteTypes: readonly RangeValue[];
  readonly customFieldDefinitions: readonly CustomFieldDefinition[];
}
