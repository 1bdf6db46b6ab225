import { notFound } from './errors.js';
import {
  ENTRY_COLUMNS, checkFilter, filterSql, orderSql, requireWorkset, segmentOf, segments, toEntryRow,
  type EntryRecord, type FilterSql, type Segment,
} from './entry-sql.js';
import type { Param, Sql } from './sql.js';
import type { EntryRow, EntrySort, NavigateDirection, Page, PageFilter, PageRequest } from './types.js';
import { requirePage, requireText } from './validate.js';

/** Where a query starts: the first rows of a segment, or the rows strictly after a cursor. */
interface Walk {
  readonly segment: Segment;
  /** True to read in the filter's sort direction, false to read backwards. */
  readonly forward: boolean;
  readonly after?: EntryRecord;
}

/**
 * Pages of the work list and steps to the neighbour of the open entry, both in one filter and
 * order (`PageFilter`), in SQL.
 *
 * The order is the sort key (folded text, or ISO date) with empty keys last in both directions,
 * then the snapshot position, which is unique per workset and so makes the order total and
 * paging stable. Every query is a range or ordered scan of one index.
 */
export class EntryPager {
  constructor(private readonly sql: Sql) {}

  /** An offset past the end gives no rows and the right total. */
  page(worksetId: number, request: PageRequest): Page<EntryRow> {
    requirePage(request.offset, request.limit);
    const checked = checkFilter(request);
    const condition = filterSql(checked);
    return this.sql.read(() => {
      requireWorkset(this.sql, worksetId);
      const total = this.count(worksetId, condition);
      if (request.offset >= total || request.limit === 0) return { total, offset: request.offset, rows: [] };
      const records = this.sql.all<EntryRecord>(
        `SELECT ${ENTRY_COLUMNS} FROM workset_entries WHERE workset_id = ?${condition.sql} ORDER BY ${orderSql(checked.sort)} LIMIT ? OFFSET ?`,
        worksetId, ...condition.params, request.limit, request.offset,
      );
      return { total, offset: request.offset, rows: records.map(toEntryRow) };
    });
  }

  /**
   * The entry to open after `from` in the filter's order, or null at either end.
   *
   * `from` need not match the filter: marking the open entry done under a "pending" filter and
   * pressing Next still goes to the entry that followed it. Without `from`, next is the first
   * entry and previous the last.
   */
  navigate(worksetId: number, direction: NavigateDirection, from: string | null, filter: PageFilter = {}): EntryRow | null {
    const checked = checkFilter(filter);
    const condition = filterSql(checked);
    const all = segments(checked.sort);
    return this.sql.read(() => {
      requireWorkset(this.sql, worksetId);
      const cursor = from === null ? undefined : this.cursor(worksetId, from);
      const forward = direction === 'first' || direction === 'next';
      const fromEnd = direction === 'first' || direction === 'last' || cursor === undefined;
      const start = fromEnd ? (forward ? 0 : all.length - 1) : segmentOf(checked.sort, cursor);
      const after = fromEnd ? undefined : cursor;
      for (let i = start; i >= 0 && i < all.length; i += forward ? 1 : -1) {
        const found = this.first(worksetId, condition, checked.sort, { segment: all[i], forward, after: i === start ? after : undefined });
        if (found) return toEntryRow(found);
      }
      return null;
    });
  }

  private first(worksetId: number, condition: FilterSql, sort: EntrySort, walk: Walk): EntryRecord | undefined {
    const ascending = (sort.dir === 'asc') === walk.forward;
    const dir = ascending ? 'ASC' : 'DESC';
    const { where, params } = walk.after ? compare(walk.segment, ascending ? '>' : '<', walk.after) : { where: '', params: [] };
    return this.sql.get<EntryRecord>(
      `SELECT ${ENTRY_COLUMNS} FROM workset_entries WHERE workset_id = ?${walk.segment.where}${where}${condition.sql}
       ORDER BY ${walk.segment.columns.map((column) => `${column} ${dir}`).join(', ')} LIMIT 1`,
      worksetId, ...params, ...condition.params,
    );
  }

  private count(worksetId: number, condition: FilterSql): number {
    const row = this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM workset_entries WHERE workset_id = ?${condition.sql}`,
      worksetId, ...condition.params,
    );
    return row?.n ?? 0;
  }

  private cursor(worksetId: number, guid: string): EntryRecord {
    const record = this.sql.get<EntryRecord>(
      `SELECT ${ENTRY_COLUMNS} FROM workset_entries WHERE workset_id = ? AND guid = ?`,
      worksetId, requireText(guid, 'the entry guid'),
    );
    if (!record) throw notFound(`entry ${guid} in workset ${worksetId}`);
    return record;
  }
}

/** `(columns) op (the cursor's values)`: a row-value comparison SQLite turns into an index range. */
function compare(segment: Segment, op: '<' | '>', cursor: EntryRecord): { where: string; params: Param[] } {
  const columns = segment.columns.join(', ');
  const placeholders = segment.columns.map(() => '?').join(', ');
  return { where: ` AND (${columns}) ${op} (${placeholders})`, params: segment.columns.map((column) => cursor[column]) };
}
