/** Where a lexicographer is with an entry of a workset: its curation status. */
export const STATUSES = ['pending', 'done', 'review'] as const;
export type Status = (typeof STATUSES)[number];

/** A workset's entries counted per status. */
export interface StatusCounts {
  readonly pending: number;
  readonly done: number;
  readonly review: number;
  readonly total: number;
}
