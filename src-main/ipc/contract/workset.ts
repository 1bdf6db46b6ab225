import type { EntryViewModel } from './entry.js';
import type { WorksetQuery } from './query.js';

/** Worksets and their work lists as the UI sees them. Shared with the renderer. */

export const STATUSES = ['pending', 'done', 'review'] as const;
export type Status = (typeof STATUSES)[number];

/** How a page of a workset is ordered: the snapshot's own order, or a key. */
export const PAGE_SORT_KEYS = ['position', 'headword', 'pos', 'gloss', 'date-created', 'date-modified'] as const;
export type PageSortKey = (typeof PAGE_SORT_KEYS)[number];

export interface StatusCounts {
  readonly pending: number;
  readonly done: number;
  readonly review: number;
  readonly total: number;
}

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
}

/** One row of a workset: the entry's view and this workset's curation of it. */
export interface WorksetEntry {
  readonly guid: string;
  readonly position: number;
  readonly status: Status;
  readonly favourite: boolean;
  readonly notes: string;
  readonly modified: string | null;
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

/** An entry opened for reading and editing: its view, its XML and the version to edit against. */
export interface EntryDetail {
  readonly view: EntryViewModel;
  readonly xml: string;
  readonly version: string;
}
