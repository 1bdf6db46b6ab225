import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { EntryViewModel } from '../domain/entries.js';
import { querySchema } from '../ipc/contract/query.js';
import type { WorksetQuery } from '../domain/query-model.js';
import type { z } from 'zod';

/** A query as callers write it: the sort may be left to its default. */
export type WorksetQueryInput = z.input<typeof querySchema>;
import type { AssignRequest, AssignResult, RefreshResult, WorksetEntry, WorksetPage, WorksetSummary } from '../domain/worksets.js';
import type { StatusCounts } from '../domain/statuses.js';
import { dictionaryInfo } from '../lift/dictionaries.js';
import { entryViews } from '../lift/entry-view.js';
import type { ChangeMeta } from '../lift/change-log.js';
import {
  assignServerWorkset, createServerWorkset, curateServerWorkset, deleteServerWorkset, refreshServerWorkset, renameServerWorkset, serverMembers,
  type Curation,
} from '../lift/workset-documents.js';
import { STATUSES } from '../domain/statuses.js';
import type { ChangeAuthor } from '../domain/changes.js';
import { changeAuthor } from './change-author.js';
import { matchKeys } from './query/run.js';
import { snapshotRow } from './sort-keys.js';
import type { EntryRow, NavigateDirection, PageFilter, Store, WorksetListing, WorksetRow } from './store/index.js';
import { foldKey, requireOneOf, requireText } from './store/validate.js';
import { WorksetIndex, type CurrentCopy } from './workset-index.js';
import { moveUnmovedWorksets } from './workset-migration.js';
import { assignees, chosenMembers, splitEvenly } from './assignment.js';

/**
 * Worksets: create one from a query (its membership is a snapshot), list, rename, delete,
 * page through, refresh, and curate entries (status, favourite, notes).
 *
 * The dictionary's server holds every workset and its curation (lift/workset-documents.ts); a
 * write goes there with its change log record, then the local copy follows (workset-index.ts).
 * Pages come from the copy in SQLite by position or a stored sort key; only the 50 entries on
 * screen are read from BaseX. Every call takes the caller's own BaseX session; `window` is
 * where a write came from, for the log (`cli` for the command line).
 */
export class WorksetService {
  private readonly index: WorksetIndex;
  private readonly movedOn = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly author: ChangeAuthor = changeAuthor(),
  ) {
    this.index = new WorksetIndex(store);
  }

  async create(session: Queryable, input: { dictionary: string; name: string; description?: string; query: WorksetQueryInput }, window = 'cli'): Promise<{ id: number; name: string; total: number }> {
    await dictionaryInfo(session, input.dictionary);
    const name = requireText(input.name, 'the workset name').trim();
    const query = querySchema.parse(input.query);
    const keys = await matchKeys(session, input.dictionary, query);
    const made = await createServerWorkset(
      session, input.dictionary,
      { name, nameKey: foldKey(name) ?? '', description: input.description ?? '', query: JSON.stringify(query), members: keys.map((k) => k.guid) },
      this.meta(window, 'create'),
    );
    await this.index.current(session, made.id, new Map(keys.map((k) => [k.guid, snapshotRow(k).keys])));
    return { id: made.id, name: made.name, total: keys.length };
  }

  async list(session: Queryable, dictionary?: string): Promise<WorksetSummary[]> {
    const server = await this.ready(session);
    await this.index.sync(session, dictionary);
    const rows = this.store.worksets.listOn(server, dictionary);
    // None listed: say so only of a dictionary that exists.
    if (dictionary !== undefined && rows.length === 0) await dictionaryInfo(session, dictionary);
    return rows.map((row) => this.summary(row));
  }

  async get(session: Queryable, id: number): Promise<WorksetSummary> {
    const { localId } = await this.copy(session, id);
    return this.summary({ ...this.store.worksets.get(localId), counts: this.store.entries.progress(localId) });
  }

  async rename(session: Queryable, id: number, name: string, window = 'cli'): Promise<WorksetSummary> {
    const trimmed = requireText(name, 'the workset name').trim();
    await renameServerWorkset(session, await this.dictionaryOf(session, id), id, trimmed, foldKey(trimmed) ?? '', this.meta(window, 'rename'));
    return this.get(session, id);
  }

  async delete(session: Queryable, id: number, window = 'cli'): Promise<WorksetSummary> {
    const { localId, meta } = await this.copy(session, id);
    const deleted = this.summary({ ...this.store.worksets.get(localId), counts: this.store.entries.progress(localId) });
    await deleteServerWorkset(session, meta.dictionary, id, this.meta(window, 'delete'));
    this.store.copies.forget(localId);
    return deleted;
  }

  async page(session: Queryable, id: number, request: PageFilter & { offset: number; limit: number }): Promise<WorksetPage> {
    const { localId, meta } = await this.copy(session, id);
    const page = this.store.entries.page(localId, request);
    const entries = await this.withViews(session, meta.dictionary, page.rows);
    return { total: page.total, offset: page.offset, entries };
  }

  /** Re-runs the query: members that still match keep their curation; new ones are added. */
  async refresh(session: Queryable, id: number, window = 'cli'): Promise<RefreshResult> {
    const { localId, meta } = await this.copy(session, id);
    const keys = await matchKeys(session, meta.dictionary, queryOf(this.store.worksets.get(localId)));
    const counts = await refreshServerWorkset(session, meta.dictionary, id, keys.map((k) => k.guid), this.meta(window, 'refresh'));
    await this.index.current(session, id, new Map(keys.map((k) => [k.guid, snapshotRow(k).keys])));
    return counts;
  }

  /**
   * Gives the workset a new query and re-runs it: entries that still match keep their status,
   * favourite, notes and assignment; new ones come in pending; the rest leave the work list.
   */
  async setQuery(session: Queryable, id: number, input: WorksetQueryInput, window = 'cli'): Promise<RefreshResult> {
    const query = querySchema.parse(input);
    const { meta } = await this.copy(session, id);
    const keys = await matchKeys(session, meta.dictionary, query);
    const counts = await refreshServerWorkset(session, meta.dictionary, id, keys.map((k) => k.guid), this.meta(window, 'query'), JSON.stringify(query));
    await this.index.current(session, id, new Map(keys.map((k) => [k.guid, snapshotRow(k).keys])));
    return counts;
  }

  /**
   * A new workset named `name` with the same query and the same work list: every member in its
   * place with its status, favourite, notes and assignment (a copy to try a split on, say).
   */
  async duplicate(session: Queryable, id: number, name: string, window = 'cli'): Promise<{ id: number; name: string; total: number }> {
    const trimmed = requireText(name, 'the workset name').trim();
    const { meta } = await this.copy(session, id);
    const members = await serverMembers(session, meta.dictionary, id, -1);
    const made = await createServerWorkset(
      session, meta.dictionary,
      { name: trimmed, nameKey: foldKey(trimmed) ?? '', description: meta.description, query: meta.query, members: members.map(({ position: _, ...member }) => member) },
      this.meta(window, 'create'),
    );
    await this.index.current(session, made.id);
    return { id: made.id, name: made.name, total: members.length };
  }

  async setStatus(session: Queryable, id: number, guid: string, status: EntryRow['status'], window = 'cli'): Promise<WorksetEntry> {
    return this.curate(session, id, guid, { status: requireOneOf(status, STATUSES, 'the status') }, window);
  }

  async setFavourite(session: Queryable, id: number, guid: string, favourite: boolean, window = 'cli'): Promise<WorksetEntry> {
    if (typeof favourite !== 'boolean') throw new AppError('Invalid', 'favourite must be true or false');
    return this.curate(session, id, guid, { favourite }, window);
  }

  async setNotes(session: Queryable, id: number, guid: string, notes: string, window = 'cli'): Promise<WorksetEntry> {
    if (typeof notes !== 'string') throw new AppError('Invalid', 'notes must be text');
    return this.curate(session, id, guid, { notes }, window);
  }

  /**
   * Gives members to people (split evenly, in runs of neighbours, when there are several), or
   * to nobody when `to` is empty: all of them, the next ones not yet assigned, those a query
   * matches, or the ones named. A reassignment is the same call.
   */
  async assign(session: Queryable, id: number, request: AssignRequest, window = 'cli'): Promise<AssignResult> {
    const people = assignees(request.to);
    const { localId, meta } = await this.copy(session, id);
    const chosen = await chosenMembers(session, this.store, localId, meta.dictionary, request.scope);
    const shares = people.length === 0 ? new Map([['', chosen]]) : splitEvenly(chosen, people);
    const given = chosen.length === 0 ? new Map<string, number>() : await assignServerWorkset(session, meta.dictionary, id, shares, this.meta(window, 'assign', 'curate'));
    await this.copy(session, id);
    return {
      assigned: [...shares.keys()].map((who) => ({ who: who === '' ? null : who, count: given.get(who) ?? 0 })),
      total: chosen.length,
    };
  }

  /** The first, previous, next or last entry from `guid` in the order and filter of a page. */
  async navigate(session: Queryable, id: number, direction: NavigateDirection, guid: string | undefined, view: PageFilter): Promise<WorksetEntry | null> {
    const { localId, meta } = await this.copy(session, id);
    const row = this.store.entries.navigate(localId, direction, guid ?? null, view);
    return row ? this.one(session, meta.dictionary, row) : null;
  }

  async progress(session: Queryable, id: number): Promise<StatusCounts> {
    const { localId } = await this.copy(session, id);
    return this.store.entries.progress(localId);
  }

  /** One member's curation as the server has it now; undefined when the entry is not a member. */
  async member(session: Queryable, id: number, guid: string): Promise<EntryRow | undefined> {
    const { localId } = await this.copy(session, id);
    return this.store.entries.guids(localId).includes(guid) ? this.store.entries.get(localId, guid) : undefined;
  }

  /** Every member's guid, in place order. */
  async members(session: Queryable, id: number): Promise<string[]> {
    return this.store.entries.guids((await this.copy(session, id)).localId);
  }

  /** The dictionary workset `id` is of (it never changes: asked of the server once). */
  async dictionaryOf(session: Queryable, id: number): Promise<string> {
    const held = this.store.copies.find(await this.index.server(session), id);
    return held ? this.store.worksets.get(held.localId).dictionary : (await this.copy(session, id)).meta.dictionary;
  }

  /** Workset `id`'s copy in this data folder, current with the server (for bulk operations over it). */
  async copy(session: Queryable, id: number): Promise<CurrentCopy> {
    await this.ready(session);
    return this.index.current(session, id);
  }

  /**
   * Sets one member's status, favourite or notes (checked by the caller) and answers the
   * change-log record it wrote: a spreadsheet import keeps it, to undo the import as a whole.
   */
  async curateRecorded(session: Queryable, id: number, guid: string, curation: Curation, window = 'cli'): Promise<number> {
    const dictionary = await this.dictionaryOf(session, id);
    const seq = await curateServerWorkset(session, dictionary, id, guid, curation, this.meta(window, Object.keys(curation)[0], 'curate'));
    await this.copy(session, id);
    return seq;
  }

  private async curate(session: Queryable, id: number, guid: string, curation: Curation, window: string): Promise<WorksetEntry> {
    // The copy follows after the write: one look at the server, not one before and one after.
    const dictionary = await this.dictionaryOf(session, id);
    const field = Object.keys(curation)[0];
    await curateServerWorkset(session, dictionary, id, guid, curation, this.meta(window, field, 'curate'));
    const { localId } = await this.copy(session, id);
    return this.one(session, dictionary, this.store.entries.get(localId, guid));
  }

  /** The server's identity, once its worksets made before they moved there are on it. */
  private async ready(session: Queryable): Promise<string> {
    const server = await this.index.server(session);
    if (!this.movedOn.has(server)) {
      await moveUnmovedWorksets(session, this.store, server, this.author);
      this.movedOn.add(server);
    }
    return server;
  }

  /** A copy as callers see it: named by the server's id, with progress per person. */
  private summary(row: WorksetListing): WorksetSummary {
    return {
      id: row.serverId ?? row.id,
      dictionary: row.dictionary,
      name: row.name,
      description: row.description,
      query: queryOf(row),
      created: row.created,
      updated: row.updated,
      counts: row.counts,
      lastChange: row.lastChange,
      people: this.store.entries.progressByPerson(row.id),
    };
  }

  private meta(window: string, field: string, op: 'workset' | 'curate' = 'workset'): ChangeMeta {
    return { author: this.author, window, op, field };
  }

  private async one(session: Queryable, dictionary: string, row: EntryRow): Promise<WorksetEntry> {
    const [entry] = await this.withViews(session, dictionary, [row]);
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
      assignedTo: row.assignedTo,
      entry: views.get(row.guid) ?? null,
    }));
  }
}

/** A stored query, checked again: the file may have been written by another version or tool. */
export function queryOf(workset: WorksetRow): WorksetQuery {
  const parsed = querySchema.safeParse(JSON.parse(workset.query));
  if (!parsed.success) throw new AppError('Invalid', `the stored query of workset "${workset.name}" is not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
