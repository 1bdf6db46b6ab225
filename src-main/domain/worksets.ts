import type { EntryViewModel } from './entries.js';
import type { WorksetQuery } from './query-model.js';
import type { Status, StatusCounts } from './statuses.js';

/** Worksets: a saved query over one dictionary, its snapshot of entries and their curation. */

/** How a page of a workset is ordered: the snapshot's own order, or a key. */
export const PAGE_SORT_KEYS = ['position', 'headword', 'pos', 'gloss', 'date-created', 'date-modified', 'status'] as const;
export type PageSortKey = (typeof PAGE_SORT_KEYS)[number];

export interface WorksetSummary {
  readonly id: number;
  readonly dictionary: string;
  readonly name: string;
  readonly description: string;
  readonly query: WorksetQuery;
  readonly created: string;
  readonly updated: string;
  readonly counts: StatusCounts;
  /** When an entry's curation last changed. */
  readonly lastChange: string | null;
  /** Progress per person the entries are assigned to (`who` null: not assigned), by name; empty when none is. */
  readonly people: readonly PersonProgress[];
}

/** How far one person (or nobody, `who` null) is with the entries assigned to them. */
export interface PersonProgress {
  readonly who: string | null;
  readonly counts: StatusCounts;
}

/**
 * Which members an assignment gives out: all of them, the next `count` not yet assigned (in
 * place order, from position `from` on), or those a query matches now. With several people, the
 * chosen members are split evenly among them in place order, each a run of neighbours.
 */
export type AssignScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'unassigned'; readonly count?: number; readonly from?: number }
  | { readonly kind: 'filter'; readonly query: WorksetQuery }
  | { readonly kind: 'guids'; readonly guids: readonly string[] };

/** An assignment: `to` the people (none: the members become unassigned). */
export interface AssignRequest {
  readonly to: readonly string[];
  readonly scope: AssignScope;
}

export interface AssignResult {
  /** How many members each person was given (a reassignment counts for the new person). */
  readonly assigned: readonly { readonly who: string | null; readonly count: number }[];
  /** Members the scope chose. */
  readonly total: number;
}

/** One row of a workset: the entry's view and this workset's curation of it. */
export interface WorksetEntry {
  readonly guid: string;
  readonly position: number;
  readonly status: Status;
  readonly favourite: boolean;
  readonly notes: string;
  readonly modified: string | null;
  /** The person the entry is assigned to; null when nobody is. */
  readonly assignedTo: string | null;
  /** Absent when the entry was deleted from the dictionary since the snapshot. */
  readonly entry: EntryViewModel | null;
}

export interface WorksetPage {
  readonly total: number;
  readonly offset: number;
  readonly entries: readonly WorksetEntry[];
}

export interface RefreshResult {
  readonly added: number;
  readonly removed: number;
  readonly total: number;
}
