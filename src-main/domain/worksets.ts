import type { EntryViewModel } from './entries.js';
import type { WorksetQuery } from './query-model.js';
import type { Status, StatusCounts } from './statuses.js';

/** Worksets: a saved query over one dictionary, its snapshot of entries and their curation. */

/** How a page of a workset is ordered: the snapshot's own order, or a key. */
export const PAGE_SORT_KEYS = ['position', 'headword', 'pos', 'gloss', 'date-created', 'date-modified'] as const;
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
