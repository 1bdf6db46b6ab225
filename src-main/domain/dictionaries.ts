/** Dictionaries (one BaseX database each) as the app lists, imports and exports them. */

/** One dictionary database: its entries, of which `deleted` are tombstones (@dateDeleted). */
export interface DictionarySummary {
  readonly name: string;
  readonly entries: number;
  readonly deleted: number;
}

export interface ImportResult {
  readonly database: string;
  readonly entries: number;
  readonly deleted: number;
  readonly ranges: boolean;
}

export interface ExportResult {
  readonly file: string;
  readonly rangesFile?: string;
  readonly entries: number;
  /** Browser host only: the address the page downloads `file` from (it cannot read local paths). */
  readonly download?: string;
  /** Browser host only: the same for `rangesFile`. */
  readonly rangesDownload?: string;
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
  readonly partsOfSpeech: readonly RangeValue[];
  readonly semanticDomains: readonly RangeValue[];
  readonly traitNames: readonly string[];
  readonly customFields: readonly string[];
}
