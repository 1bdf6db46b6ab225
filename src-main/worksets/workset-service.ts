import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { EntryViewModel } from '../domain/entries.js';
import { querySchema } from '../ipc/contract/query.js';
import type { WorksetQuery } from '../domain/query-model.js';
import type { z } from 'zod';

/** A query as callers write it: the sort may be left to its default. */
export type WorksetQueryInput = z.input<typeof querySchema>;
import type { RefreshResult, WorksetEntry, WorksetPage, WorksetSummary } from '../domain/worksets.js';
import type { StatusCounts } from '../domain/statuses.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { entryViews } from '../lift/entry-view.js';
import { matchKeys, type MatchKeys } from './query/run.js';
import type { EntryRow, NavigateDirection, PageFilter, SnapshotRow, Store, WorksetListing, WorksetRow } from './store/index.js';

/**
 * Worksets: create one from a query (its membership is a snapshot), list, rename, delete,
 * page through, refresh, and curate entries (status, favourite, notes).
 *
 * Pages come from SQLite by position or a stored sort key; only the 50 entries on screen are
 * read from BaseX. Every call takes the caller's own BaseX session.
 */
export class WorksetService {
  constructor(private readonly store: Store) {}

  async create(session: Queryable, input: { dictionary: string; name: string; description?: string; query: WorksetQueryInput }): Promise<{ id: number; name: string; total: number }> {
    await dictionaryInfo(session, input.dictionary);
    if (this.store.worksets.findByName(input.dictionary, input.name)) {
      throw new AppError('Conflict', `a workset named "${input.name}" already exists in ${input.dictionary}: choose another name`);
    }
    const query = querySchema.parse(input.query);
    const rows = (await matchKeys(session, input.dictionary, query)).map(snapshotRow);
    const workset = this.store.transaction(() => {
      const created = this.store.worksets.create({ ...input, query: JSON.stringify(query) });
      this.store.entries.replaceSnapshot(created.id, rows);
      return created;
    });
    return { id: workset.id, name: workset.name, total: rows.length };
  }

  list(dictionary?: string): WorksetSummary[] {
    return this.store.worksets.list(dictionary).map(summary);
  }

  get(id: number): WorksetSummary {
    const row = this.store.worksets.get(id);
    return summary({ ...row, counts: this.store.entries.progress(id) });
  }

  rename(id: number, name: string): WorksetSummary {
    this.store.worksets.rename(id, name);
    return this.get(id);
  }

  delete(id: number): WorksetRow {
    const row = this.store.worksets.get(id);
    this.store.worksets.delete(id);
    return row;
  }

  async page(session: Queryable, id: number, request: PageFilter & { offset: number; limit: number }): Promise<WorksetPage> {
    const workset = this.store.worksets.get(id);
    const page = this.store.entries.page(id, request);
    const entries = await this.withViews(session, workset.dictionary, page.rows);
    return { total: page.total, offset: page.offset, entries };
  }

  /** Re-runs the query: members that still match keep their curation; new ones are added. */
  async refresh(session: Queryable, id: number): Promise<RefreshResult> {
    const workset = this.store.worksets.get(id);
    const rows = (await matchKeys(session, workset.dictionary, queryOf(workset))).map(snapshotRow);
    const counts = this.store.entries.refresh(id, rows);
    return { added: counts.added, removed: counts.removed, total: counts.total };
  }

  async setStatus(session: Queryable, id: number, guid: string, status: EntryRow['status']): Promise<WorksetEntry> {
    return this.one(session, id, this.store.entries.setStatus(id, guid, status));
  }

  async setFavourite(session: Queryable, id: number, guid: string, favourite: boolean): Promise<WorksetEntry> {
    return this.one(session, id, this.store.entries.setFavourite(id, guid, favourite));
  }

  async setNotes(session: Queryable, id: number, guid: string, notes: string): Promise<WorksetEntry> {
    return this.one(session, id, this.store.entries.setNotes(id, guid, notes));
  }

  /** The first, previous, next or last entry from `guid` in the order and filter of a page. */
  async navigate(session: Queryable, id: number, direction: NavigateDirection, guid: string | undefined, view: PageFilter): Promise<WorksetEntry | null> {
    const row = this.store.entries.navigate(id, direction, guid ?? null, view);
    return row ? this.one(session, id, row) : null;
  }

  progress(id: number): StatusCounts {
    this.store.worksets.get(id);
    return this.store.entries.progress(id);
  }

  private async one(session: Queryable, id: number, row: EntryRow): Promise<WorksetEntry> {
    const [entry] = await this.withViews(session, this.store.worksets.get(id).dictionary, [row]);
    return entry;
  }

  private async withViews(session: Queryable, dictionary: string, rows: readonly EntryRow[]): Promise<WorksetEntry[]> {
    const views = new Map<string, EntryViewModel>((await entryViews(session, dictionary, rows.map((r) => r.guid))).map((v) => [v.guid, v]));
    return rows.map((row) => ({
      guid: row.guid,
      position: row.position,
      status: row.status,
      favourite: row.favourite,
      notes: row.notes,
      modified: row.modified,
      entry: views.get(row.guid) ?? null,
    }));
  }
}

export function snapshotRow(keys: MatchKeys): SnapshotRow {
  return {
    guid: keys.guid,
    keys: {
      headword: keys.headword || null,
      pos: keys.pos || null,
      gloss: keys.gloss || null,
      dateCreated: keys.dateCreated || null,
      dateModified: keys.dateModified || null,
    },
  };
}

/** A stored query, checked again: the file may have been written by another version or tool. */
export function queryOf(workset: WorksetRow): WorksetQuery {
  const parsed = querySchema.safeParse(JSON.parse(workset.query));
  if (!parsed.success) throw new AppError('Invalid', `the stored query of workset "${workset.name}" is not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function summary(row: WorksetListing): WorksetSummary {
  return {
    id: row.id,
    dictionary: row.dictionary,
    name: row.name,
    description: row.description,
    query: queryOf(row),
    created: row.created,
    updated: row.updated,
    counts: row.counts,
    lastChange: row.lastChange,
  };
}
