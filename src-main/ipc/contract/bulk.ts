import type { FieldEdit } from './edit.js';

/** Bulk operations over a workset, as the UI sees them. Shared with the renderer. */

export const BULK_STATES = ['previewed', 'running', 'done', 'cancelled', 'interrupted', 'undone', 'failed'] as const;
export type BulkState = (typeof BULK_STATES)[number];

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
  readonly total: number;
  readonly changed: number;
  readonly skipped: number;
  readonly created: string;
  readonly updated: string;
  readonly error: string | null;
}

export interface BulkPreview {
  readonly operation: BulkOperation;
  /** The first entries with the field before and after. */
  readonly rows: readonly BulkPreviewRow[];
}

/** Entries a run or undo did not touch, and why (changed by someone else, deleted). */
export interface BulkSkip {
  readonly guid: string;
  readonly reason: string;
}

export interface BulkOutcome {
  readonly operation: BulkOperation;
  readonly skipped: readonly BulkSkip[];
}
