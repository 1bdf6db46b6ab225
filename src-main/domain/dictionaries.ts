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

/** A value of a range (parts of speech, semantic domains) for the pickers. */
export interface RangeValue {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
}

/** What the query builder offers: writing systems in use and the ranges' values. */
export interface DictionaryVocabulary {
  readonly writingSystems: readonly string[];
  /** The writing systems of the headwords (lexeme forms), the most used first. */
  readonly headwordLangs: readonly string[];
  readonly partsOfSpeech: readonly RangeValue[];
  readonly semanticDomains: readonly RangeValue[];
  readonly traitNames: readonly string[];
  readonly customFields: readonly string[];
}
