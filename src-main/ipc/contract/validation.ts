import type { EntryViewModel } from './entry.js';

/** The answer to "is this query right, and what does it find?" — run on every keystroke. */
export interface QueryIssue {
  /** Where in the query, e.g. `filters[2].filters[0].value`. */
  readonly path: string;
  readonly message: string;
}

export interface Validation {
  readonly ok: boolean;
  readonly issues: readonly QueryIssue[];
  readonly total?: number;
  readonly preview?: readonly EntryViewModel[];
}
