/** Candidate duplicate entries, and merging them: what the CLI prints and the Duplicates view shows. */

/** Entries that may be one word entered more than once, how likely (0–1) and why. */
export interface DuplicateGroup {
  readonly guids: readonly string[];
  readonly headwords: readonly string[];
  readonly score: number;
  /** "same headword after folding", "headwords 1 edit apart (kutha/kuta)", "same gloss 'water' and pos Noun". */
  readonly reasons: readonly string[];
}

export interface DuplicateReport {
  readonly groups: readonly DuplicateGroup[];
}

/** One single value the entries of a merge hold differently (or only a merged-away entry holds). */
export interface MergeConflict {
  /** `lexeme:LANG`, `citation:LANG` or `trait:NAME`: what `--choose KEY=GUID` names. */
  readonly key: string;
  readonly values: readonly { readonly guid: string; readonly value: string }[];
  /** The entry whose value the kept entry ends with. */
  readonly chosen: string;
  /** True when nobody chose: the kept entry's value (or the first merged entry's, where it had none). */
  readonly byDefault: boolean;
}

export interface MergeSense {
  /** The entry the sense comes from. */
  readonly from: string;
  readonly gloss: string;
  /** False for a sense whose glosses and definitions an earlier sense already has: it is kept once. */
  readonly kept: boolean;
}

export interface MergeRelation {
  /** The entry holding the relation. */
  readonly guid: string;
  readonly headword: string;
  readonly type: string;
  /** The id it pointed at (a merged-away entry's), re-pointed to the kept entry's. */
  readonly from: string;
}

/** What a merge does, field by field, before it is done: the CLI's --dry-run and the app's preview. */
export interface MergePreview {
  readonly keep: { readonly guid: string; readonly headword: string };
  readonly merged: readonly { readonly guid: string; readonly headword: string }[];
  /** The kept entry's senses as the merge leaves them, then those dropped as already there. */
  readonly senses: readonly MergeSense[];
  readonly conflicts: readonly MergeConflict[];
  readonly relations: readonly MergeRelation[];
  /** Other parts (notes, pronunciations, variants, relations, …) of merged entries the kept one gains. */
  readonly added: readonly string[];
  /** The kept entry's headword after the merge. */
  readonly headword: string;
  /** The versions of the kept and merged entries the preview saw: the merge is refused if one changed since. */
  readonly versions: Readonly<Record<string, string>>;
}

export interface MergeOutcome {
  readonly preview: MergePreview;
  /** The operation that holds the merge's log records: `undo` (or `merge --undo`) puts back every entry. */
  readonly operationId: number;
  /** Every entry the merge wrote: the kept one, the merged-away ones (now tombstones), those re-pointed. */
  readonly touched: readonly string[];
}
