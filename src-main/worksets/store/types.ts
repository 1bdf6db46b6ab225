import type { PageSortKey } from '../../domain/worksets.js';
import type { Status, StatusCounts } from '../../domain/statuses.js';

/**
 * The records of the workset store. Status and sort keys come from the domain
 * model so the store and the UI cannot drift apart; JSON columns (a workset's query) are text the store keeps as given, parsed by the services that own their schemas.
 */

export const JOURNAL_STATES = ['pending', 'applied', 'skipped', 'restored'] as const;
export type JournalState = (typeof JOURNAL_STATES)[number];

/** The largest page `entries.page` returns. */
export const MAX_PAGE_SIZE = 500;

export interface WorksetRow {
  readonly id: number;
  readonly dictionary: string;
  readonly name: string;
  readonly description: string;
  /** The query JSON exactly as given. */
  readonly query: string;
  readonly created: string;
  /** Last change to the workset itself: its name or its membership (snapshot, refresh). */
  readonly updated: string;
  /** When an entry's curation (status, favourite, notes) last changed; null before the first. */
  readonly lastChange: string | null;
  /** The workset's id on its dictionary's server; null for one made before worksets moved there. */
  readonly serverId: number | null;
}

export interface WorksetListing extends WorksetRow {
  readonly counts: StatusCounts;
}

export interface NewWorkset {
  readonly dictionary: string;
  readonly name: string;
  readonly description?: string;
  /** JSON text; refused as Invalid unless it parses. */
  readonly query: string;
}

/** An entry's keys as shown and sorted in the work list; null (or empty) when it has none. */
export interface SortKeys {
  readonly headword: string | null;
  readonly pos: string | null;
  readonly gloss: string | null;
  readonly dateCreated: string | null;
  readonly dateModified: string | null;
}

/** One member of a snapshot, in snapshot order; also a key update after an entry is edited. */
export interface SnapshotRow {
  readonly guid: string;
  readonly keys: SortKeys;
}

export interface EntryRow {
  readonly worksetId: number;
  readonly guid: string;
  /** Place in the snapshot: unique in the workset, kept by a refresh, new members go last. */
  readonly position: number;
  readonly status: Status;
  readonly favourite: boolean;
  readonly notes: string;
  /** When status, favourite or notes last changed; null before the first curation. */
  readonly modified: string | null;
  /** Who the entry is assigned to; null when nobody is. */
  readonly assignedTo: string | null;
  readonly keys: SortKeys;
}

export interface EntrySort {
  readonly by: PageSortKey;
  readonly dir: 'asc' | 'desc';
}

/**
 * Which entries of the work list are shown and in what order: a status and favourite filter and
 * a sort, shared by `page` and `navigate` (the contract's `pageFilter`).
 */
export interface PageFilter {
  /** Only these statuses; absent means all, an empty list matches nothing. */
  readonly status?: readonly Status[];
  readonly favourite?: boolean;
  /** Only the entries assigned to this person (null: to nobody). */
  readonly assignedTo?: string | null;
  /** Default: position ascending. */
  readonly sort?: EntrySort;
}

export interface PageRequest extends PageFilter {
  readonly offset: number;
  /** 0 to MAX_PAGE_SIZE; 0 returns just the total. */
  readonly limit: number;
}

export interface Page<T> {
  readonly total: number;
  readonly offset: number;
  readonly rows: T[];
}

export type NavigateDirection = 'first' | 'previous' | 'next' | 'last';

export interface RefreshCounts {
  readonly added: number;
  readonly removed: number;
  readonly kept: number;
  readonly total: number;
}
