import { STATUSES, type Status } from '../../domain/statuses.js';
import { PAGE_SORT_KEYS, type PageSortKey } from '../../domain/worksets.js';
import { invalid, notFound } from './errors.js';
import type { Param, Sql } from './sql.js';
import type { EntryRow, EntrySort, PageFilter } from './types.js';
import { requireId, requireOneOf } from './validate.js';

/** A workset entry as SQLite returns it. */
export interface EntryRecord {
  workset_id: number;
  guid: string;
  position: number;
  status: Status;
  favourite: number;
  notes: string;
  modified: string | null;
  assigned_to: string | null;
  headword: string | null;
  pos: string | null;
  gloss: string | null;
  date_created: string | null;
  date_modified: string | null;
  headword_sort: string | null;
  pos_sort: string | null;
  gloss_sort: string | null;
}

export const ENTRY_COLUMNS =
  'workset_id, guid, position, status, favourite, notes, modified, assigned_to, headword, pos, gloss, date_created, date_modified, headword_sort, pos_sort, gloss_sort';

export function toEntryRow(record: EntryRecord): EntryRow {
  return {
    worksetId: record.workset_id,
    guid: record.guid,
    position: record.position,
    status: record.status,
    favourite: record.favourite === 1,
    notes: record.notes,
    modified: record.modified,
    assignedTo: record.assigned_to,
    keys: {
      headword: record.headword,
      pos: record.pos,
      gloss: record.gloss,
      dateCreated: record.date_created,
      dateModified: record.date_modified,
    },
  };
}

/** The columns an order compares; each has an index (workset_id, column, position, …). */
export type SortColumn = 'position' | 'headword_sort' | 'pos_sort' | 'gloss_sort' | 'date_created' | 'date_modified' | 'status';

const KEY_COLUMNS: Record<Exclude<PageSortKey, 'position'>, SortColumn> = {
  headword: 'headword_sort',
  pos: 'pos_sort',
  gloss: 'gloss_sort',
  'date-created': 'date_created',
  'date-modified': 'date_modified',
  // Grouped as the words sort (done, pending, review); entries_by_status serves it.
  status: 'status',
};

export const DEFAULT_SORT: EntrySort = { by: 'position', dir: 'asc' };

export type CheckedFilter = PageFilter & { readonly sort: EntrySort };

/** The filter with its sort defaulted and every value checked (the CLI calls without zod). */
export function checkFilter(filter: PageFilter): CheckedFilter {
  const sort = filter.sort ?? DEFAULT_SORT;
  requireOneOf(sort.by, PAGE_SORT_KEYS, 'the sort key');
  requireOneOf(sort.dir, ['asc', 'desc'], 'the sort direction');
  for (const status of filter.status ?? []) requireOneOf(status, STATUSES, 'a status filter');
  if (filter.favourite !== undefined && typeof filter.favourite !== 'boolean') throw invalid('the favourite filter must be true or false');
  if (filter.assignedTo !== undefined && filter.assignedTo !== null && typeof filter.assignedTo !== 'string') throw invalid('the assignee filter must be a name');
  return { ...filter, sort };
}

/** A PageFilter's status, favourite and assignee conditions as SQL. */
export interface FilterSql {
  /** Empty, or " AND …" to append after `workset_id = ?`. */
  readonly sql: string;
  readonly params: Param[];
}

/**
 * The status and favourite filter. Status values are bound, never spliced; only the number of
 * placeholders varies, so a handful of statements cover every filter.
 */
export function filterSql(filter: PageFilter): FilterSql {
  const parts: string[] = [];
  const params: Param[] = [];
  const statuses = filter.status ? [...new Set(filter.status)] : undefined;
  if (statuses && statuses.length === 0) parts.push('0');
  else if (statuses && statuses.length < STATUSES.length) {
    parts.push(`status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (filter.favourite !== undefined) {
    parts.push('favourite = ?');
    params.push(filter.favourite ? 1 : 0);
  }
  if (filter.assignedTo !== undefined) {
    parts.push('assigned_to IS ?');
    params.push(filter.assignedTo);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
}

/**
 * ORDER BY for a page: the key, empties last in both directions, then position.
 *
 * One index serves both directions: ascending, SQLite's "big NULL" scan reads the non-empty keys
 * then the empty ones; descending, the backward scan puts NULLs last by itself.
 */
export function orderSql(sort: EntrySort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  if (sort.by === 'position') return `position ${dir}`;
  return `${KEY_COLUMNS[sort.by]} ${dir} NULLS LAST, position ${dir}`;
}

/**
 * The same order as `orderSql`, as consecutive segments each ordered by a tuple of columns:
 * `navigate` steps through it with row-value comparisons, which SQLite answers from the index
 * in O(log n) where the OR of "bigger key, or same key and later position, or empty" cannot.
 */
export interface Segment {
  /** Empty, or " AND …" selecting this segment's rows. */
  readonly where: string;
  readonly columns: readonly SortColumn[];
}

export function segments(sort: EntrySort): Segment[] {
  if (sort.by === 'position') return [{ where: '', columns: ['position'] }];
  const column = KEY_COLUMNS[sort.by];
  return [
    { where: ` AND ${column} IS NOT NULL`, columns: [column, 'position'] },
    { where: ` AND ${column} IS NULL`, columns: ['position'] },
  ];
}

/** Which segment a row belongs to. */
export function segmentOf(sort: EntrySort, record: EntryRecord): number {
  return sort.by === 'position' || record[KEY_COLUMNS[sort.by]] !== null ? 0 : 1;
}

/** Throws NotFound unless the workset exists, so an empty page is never a deleted workset. */
export function requireWorkset(sql: Sql, worksetId: number): { dictionary: string } {
  const workset = sql.get<{ dictionary: string }>('SELECT dictionary FROM worksets WHERE id = ?', requireId(worksetId, 'the workset id'));
  if (!workset) throw notFound(`workset ${worksetId}`);
  return workset;
}
