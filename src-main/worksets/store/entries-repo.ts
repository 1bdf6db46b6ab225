import { STATUSES, type Status, type StatusCounts } from '../../domain/statuses.js';
import type { PersonProgress } from '../../domain/worksets.js';
import { invalid, notFound } from './errors.js';
import { ENTRY_COLUMNS, requireWorkset, toEntryRow, type EntryRecord } from './entry-sql.js';
import { EntryPager } from './entry-pager.js';
import type { Param, Sql } from './sql.js';
import type {
  EntryRow, NavigateDirection, Page, PageFilter, PageRequest, RefreshCounts, SnapshotRow, SortKeys,
} from './types.js';
import { blankToNull, foldKey, requireOneOf, requireText } from './validate.js';

const INSERT = `INSERT INTO workset_entries
  (workset_id, guid, position, headword, pos, gloss, date_created, date_modified, headword_sort, pos_sort, gloss_sort)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const SET_KEYS = 'headword = ?, pos = ?, gloss = ?, date_created = ?, date_modified = ?, headword_sort = ?, pos_sort = ?, gloss_sort = ?';

type KeyParams = [string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null];

/**
 * The work list of each workset: which entries it holds, in snapshot order, with their sort
 * keys and curation (status, favourite, notes).
 *
 * Membership is a snapshot taken when the workset is created, so it stays put while people work
 * through it; only `refresh` changes it. Paging and navigation are in EntryPager.
 */
export class EntriesRepo {
  private readonly pager: EntryPager;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => string,
  ) {
    this.pager = new EntryPager(sql);
  }

  /**
   * Replaces the membership with `rows`, in their order, all pending. A guid listed twice is
   * kept once, at its first place.
   *
   * One transaction and one prepared statement; what costs is the eight b-trees (table, guid,
   * position, status and the five sort keys) each row goes into, in random order for most.
   */
  replaceSnapshot(worksetId: number, rows: readonly SnapshotRow[]): { total: number } {
    return this.sql.write(() => {
      requireWorkset(this.sql, worksetId);
      this.sql.run('DELETE FROM workset_entries WHERE workset_id = ?', worksetId);
      const insert = this.sql.prepare(INSERT);
      const seen = new Set<string>();
      for (const row of rows) {
        const guid = checkGuid(row);
        if (seen.has(guid)) continue;
        insert.run(worksetId, guid, seen.size, ...keyParams(row.keys));
        seen.add(guid);
      }
      this.touch(worksetId);
      return { total: seen.size };
    });
  }

  /**
   * Replaces the membership with a new query result, keeping the curation of entries that
   * still match.
   *
   * Kept entries keep their status, notes, favourite and position (the list does not reshuffle
   * under the lexicographer) and get the new sort keys; new ones are appended, pending, in the
   * order given; the rest are removed.
   */
  refresh(worksetId: number, rows: readonly SnapshotRow[]): RefreshCounts {
    return this.sql.write(() => {
      requireWorkset(this.sql, worksetId);
      // The folded sort keys follow from the display keys, so comparing those five is enough.
      const existing = new Map<string, (string | null)[]>();
      const columns = 'guid, headword, pos, gloss, date_created, date_modified';
      for (const record of this.sql.all<EntryRecord>(`SELECT ${columns} FROM workset_entries WHERE workset_id = ?`, worksetId)) {
        existing.set(record.guid, [record.headword, record.pos, record.gloss, record.date_created, record.date_modified]);
      }
      const last = this.sql.get<{ last: number | null }>('SELECT max(position) AS last FROM workset_entries WHERE workset_id = ?', worksetId);
      let next = (last?.last ?? -1) + 1;
      const insert = this.sql.prepare(INSERT);
      const update = this.sql.prepare(`UPDATE workset_entries SET ${SET_KEYS} WHERE workset_id = ? AND guid = ?`);
      const seen = new Set<string>();
      let added = 0;
      for (const row of rows) {
        const guid = checkGuid(row);
        if (seen.has(guid)) continue;
        seen.add(guid);
        const keys = keyParams(row.keys);
        const old = existing.get(guid);
        if (!old) {
          insert.run(worksetId, guid, next++, ...keys);
          added++;
        } else if (old.some((value, index) => value !== keys[index])) {
          update.run(...keys, worksetId, guid);
        }
      }
      const remove = this.sql.prepare('DELETE FROM workset_entries WHERE workset_id = ? AND guid = ?');
      let removed = 0;
      for (const guid of existing.keys()) {
        if (!seen.has(guid)) removed += remove.run(worksetId, guid).changes;
      }
      this.touch(worksetId);
      return { added, removed, kept: seen.size - added, total: seen.size };
    });
  }

  get(worksetId: number, guid: string): EntryRow {
    const record = this.sql.get<EntryRecord>(`SELECT ${ENTRY_COLUMNS} FROM workset_entries WHERE workset_id = ? AND guid = ?`, worksetId, guid);
    if (!record) {
      requireWorkset(this.sql, worksetId);
      throw notFound(`entry ${guid} in workset ${worksetId}`);
    }
    return toEntryRow(record);
  }

  page(worksetId: number, request: PageRequest): Page<EntryRow> {
    return this.pager.page(worksetId, request);
  }

  navigate(worksetId: number, direction: NavigateDirection, from: string | null, filter?: PageFilter): EntryRow | null {
    return this.pager.navigate(worksetId, direction, from, filter);
  }

  setStatus(worksetId: number, guid: string, status: Status): EntryRow {
    return this.curate(worksetId, guid, 'status', requireOneOf(status, STATUSES, 'the status'));
  }

  setFavourite(worksetId: number, guid: string, favourite: boolean): EntryRow {
    if (typeof favourite !== 'boolean') throw invalid('favourite must be true or false');
    return this.curate(worksetId, guid, 'favourite', favourite ? 1 : 0);
  }

  setNotes(worksetId: number, guid: string, notes: string): EntryRow {
    if (typeof notes !== 'string') throw invalid('notes must be text');
    return this.curate(worksetId, guid, 'notes', notes);
  }

  /**
   * New sort keys for edited entries, in every workset of the dictionary that holds them, so the
   * list sorts by what the entry says now. Returns how many workset rows changed.
   */
  updateKeys(dictionary: string, rows: readonly SnapshotRow[]): number {
    return this.sql.write(() => {
      const update = this.sql.prepare(
        `UPDATE workset_entries SET ${SET_KEYS} WHERE guid = ? AND workset_id IN (SELECT id FROM worksets WHERE dictionary = ?)`,
      );
      let changed = 0;
      for (const row of rows) changed += update.run(...keyParams(row.keys), checkGuid(row), dictionary).changes;
      return changed;
    });
  }

  progress(worksetId: number): StatusCounts {
    return this.sql.read(() => {
      requireWorkset(this.sql, worksetId);
      const counts = { pending: 0, done: 0, review: 0 };
      const rows = this.sql.all<{ status: Status; n: number }>(
        'SELECT status, count(*) AS n FROM workset_entries WHERE workset_id = ? GROUP BY status', worksetId,
      );
      for (const row of rows) counts[row.status] = row.n;
      return { ...counts, total: counts.pending + counts.done + counts.review };
    });
  }

  /** Progress per assignee (null: nobody), by name, unassigned last; empty when nobody is assigned. */
  progressByPerson(worksetId: number): PersonProgress[] {
    return this.sql.read(() => {
      const rows = this.sql.all<{ who: string | null; status: Status; n: number }>(
        'SELECT assigned_to AS who, status, count(*) AS n FROM workset_entries WHERE workset_id = ? GROUP BY assigned_to, status', worksetId,
      );
      if (rows.every((r) => r.who === null)) return [];
      const people = new Map<string | null, { pending: number; done: number; review: number }>();
      for (const row of rows) {
        const counts = people.get(row.who) ?? { pending: 0, done: 0, review: 0 };
        counts[row.status] += row.n;
        people.set(row.who, counts);
      }
      return [...people]
        .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
        .map(([who, c]) => ({ who, counts: { ...c, total: c.pending + c.done + c.review } }));
    });
  }

  /** Guids of members assigned to nobody, in place order from position `from` on. */
  unassigned(worksetId: number, from: number, limit: number): string[] {
    return this.sql.column<string>(
      'SELECT guid FROM workset_entries WHERE workset_id = ? AND assigned_to IS NULL AND position >= ? ORDER BY position LIMIT ?', worksetId, from, limit,
    );
  }

  /** Every member's guid in snapshot order, for a bulk operation over the workset. */
  guids(worksetId: number): string[] {
    return this.sql.read(() => {
      requireWorkset(this.sql, worksetId);
      return this.sql.column<string>('SELECT guid FROM workset_entries WHERE workset_id = ? ORDER BY position', worksetId);
    });
  }

  /** Sets one curation column, stamps the entry and the workset's last change. */
  private curate(worksetId: number, guid: string, column: 'status' | 'favourite' | 'notes', value: Param): EntryRow {
    return this.sql.write(() => {
      const stamp = this.now();
      const { changes } = this.sql.run(`UPDATE workset_entries SET ${column} = ?, modified = ? WHERE workset_id = ? AND guid = ?`, value, stamp, worksetId, guid);
      if (changes === 0) {
        requireWorkset(this.sql, worksetId);
        throw notFound(`entry ${guid} in workset ${worksetId}`);
      }
      this.sql.run('UPDATE worksets SET last_change = ? WHERE id = ?', stamp, worksetId);
      return this.get(worksetId, guid);
    });
  }

  private touch(worksetId: number): void {
    this.sql.run('UPDATE worksets SET updated = ? WHERE id = ?', this.now(), worksetId);
  }
}

function checkGuid(row: SnapshotRow): string {
  return requireText(row.guid, 'an entry guid');
}

/** Display values then folded sort values, in the order of INSERT and SET_KEYS. */
export function keyParams(keys: SortKeys): KeyParams {
  if (keys === null || typeof keys !== 'object') throw invalid('every row needs its sort keys');
  return [
    blankToNull(keys.headword), blankToNull(keys.pos), blankToNull(keys.gloss), blankToNull(keys.dateCreated), blankToNull(keys.dateModified),
    foldKey(keys.headword), foldKey(keys.pos), foldKey(keys.gloss),
  ];
}
