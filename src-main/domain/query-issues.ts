import type { EntryViewModel } from './entries.js';

/** The answer to "is this query right, and what does it find?" — asked on every keystroke. */

export interface QueryIssue {
  /** Where the problem is, e.g. `filters[2].filters[0].value`; "" for the query as a whole. */
  readonly path: string;
  readonly message: string;
}

export interface Validation {
  readonly ok: boolean;
  readonly issues: readonly QueryIssue[];
  readonly total?: number;
  readonly preview?: readonly EntryViewModel[];
}

/** `filters[2].filters[0].value`: the path of a schema issue as the UI and CLI show it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
