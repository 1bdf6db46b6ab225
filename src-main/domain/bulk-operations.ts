import type { BulkRequest, BulkState } from './bulk-states.js';
import type { FieldEdit } from './edits.js';

/** Bulk operations over a workset: one field edit applied to every entry, kept on the dictionary's server for undo. */

export interface BulkPreviewRow {
  readonly guid: string;
  readonly headword: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface BulkOperation {
  readonly id: number;
  readonly worksetId: number;
  readonly dictionary: string;
  readonly op: FieldEdit;
  readonly state: BulkState;
  /** A pause or cancel asked of a running operation, not yet acted on (its batch is still writing). */
  readonly requested: BulkRequest | null;
  readonly total: number;
  readonly changed: number;
  readonly skipped: number;
  readonly created: string;
  readonly updated: string;
  readonly error: string | null;
  /** Who previewed it (the change log's name for them). */
  readonly who: string;
  /** For a merge of duplicates: the entry kept and those merged into it (its `op` deletes them; its workset is 0). */
  readonly merge?: BulkMerge;
}

export interface BulkMerge {
  readonly keep: string;
  readonly merged: readonly string[];
}

export interface BulkPreview {
  readonly operation: BulkOperation;
  /** How many of the operation's entries the edit really changes (the others it leaves as they are). */
  readonly changing: number;
  /** The first entries with the field before and after: those that change first, then some that do not. */
  readonly rows: readonly BulkPreviewRow[];
}

/** Entries a run or undo did not touch, and why (changed by someone else, deleted). */
export interface BulkSkip {
  readonly guid: string;
  readonly reason: string;
}

export interface BulkOutcome {
  readonly operation: BulkOperation;
  /** Entries left alone because someone changed or deleted them since the preview (a run), or since the operation (an undo). */
  readonly skipped: readonly BulkSkip[];
  /** Of a run: entries that already had the new value, so nothing was written (counted in the operation's `skipped`). */
  readonly unchanged?: number;
}
