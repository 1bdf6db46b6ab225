import { STATUSES } from '../../domain/statuses.js';
import type { MovedMember, ServerMember, WorksetMeta } from '../../lift/workset-documents.js';
import { requireWorkset } from './entry-sql.js';
import { keyParams } from './entries-repo.js';
import type { Sql } from './sql.js';
import type { SortKeys, WorksetRow } from './types.js';
import { foldKey, requireOneOf } from './validate.js';

/** Which copy of a server's workset this file holds, and at which revisions. */
export interface HeldCopy {
  readonly localId: number;
  readonly serverId: number;
  readonly rev: number;
  readonly membersRev: number;
}

/** A row being moved to its server holds `moving:<pid>` as its server. */
const CLAIM = 'moving:';

const HELD_COLUMNS = 'id AS localId, server_id AS serverId, rev, members_rev AS membersRev';

const NO_KEYS: SortKeys = { headword: null, pos: null, gloss: null, dateCreated: null, dateModified: null };

/**
 * The local copies of the worksets a server keeps (lift/workset-documents.ts): each row of
 * `worksets` with a server is one, its members in `workset_entries` with their sort keys, so a
 * page in any order is an index scan here. A copy is only ever written from what the server
 * answered; what this file holds of them can be deleted and is rebuilt.
 */
export class WorksetCopies {
  constructor(private readonly sql: Sql) {}

  find(server: string, serverId: number): HeldCopy | null {
    return this.sql.get<HeldCopy>(
      `SELECT ${HELD_COLUMNS} FROM worksets WHERE server = ? AND server_id = ?`, server, serverId,
    ) ?? null;
  }

  /** Every copy of the server's worksets (of one dictionary) held here. */
  held(server: string, dictionary?: string): HeldCopy[] {
    return dictionary === undefined
      ? this.sql.all<HeldCopy>(`SELECT ${HELD_COLUMNS} FROM worksets WHERE server = ?`, server)
      : this.sql.all<HeldCopy>(`SELECT ${HELD_COLUMNS} FROM worksets WHERE server = ? AND dictionary = ?`, server, dictionary);
  }

  /** Writes the workset's name, query and stamps as the server has them; answers the local id. */
  putMeta(server: string, meta: WorksetMeta): number {
    return this.sql.write(() => {
      const held = this.find(server, meta.id);
      const values = [meta.dictionary, meta.name, foldKey(meta.name) ?? '', meta.description, meta.query, meta.created, meta.updated, meta.lastChange];
      if (held) {
        this.sql.run(
          'UPDATE worksets SET dictionary = ?, name = ?, name_key = ?, description = ?, query = ?, created = ?, updated = ?, last_change = ? WHERE id = ?',
          ...values, held.localId,
        );
        return held.localId;
      }
      const { lastInsertRowid } = this.sql.run(
        `INSERT INTO worksets (dictionary, name, name_key, description, query, created, updated, last_change, server, server_id, rev, members_rev)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1, -1)`,
        ...values, server, meta.id,
      );
      return Number(lastInsertRowid);
    });
  }

  setRevs(localId: number, rev: number, membersRev: number): void {
    this.sql.run('UPDATE worksets SET rev = ?, members_rev = ? WHERE id = ?', rev, membersRev, localId);
  }

  /**
   * A workset made before worksets moved, now the copy of the server's `serverId`. Its revisions
   * are unknown, so the next look takes the server's whole list (the keys held are kept).
   */
  adopt(localId: number, server: string, serverId: number): void {
    this.sql.run('UPDATE worksets SET server = ?, server_id = ?, rev = -1, members_rev = -1 WHERE id = ?', server, serverId, localId);
  }

  forget(localId: number): void {
    this.sql.run('DELETE FROM worksets WHERE id = ?', localId);
  }

  /** Worksets this file holds that no server has yet (made before they moved, or being moved), by id. */
  unmoved(): WorksetRow[] {
    return this.sql.all<WorksetRow>(
      `SELECT id, dictionary, name, description, query, created, updated, last_change AS lastChange, server_id AS serverId
       FROM worksets WHERE server IS NULL OR server LIKE '${CLAIM}%' ORDER BY id`,
    );
  }

  /**
   * Claims an unmoved workset for process `pid` to move: true if it was unclaimed, or claimed
   * by a process that is gone (`alive` says).
   */
  claim(localId: number, pid: number, alive: (pid: number) => boolean): boolean {
    return this.sql.write(() => {
      const row = this.sql.get<{ server: string | null }>('SELECT server FROM worksets WHERE id = ?', localId);
      if (!row) return false;
      const claimant = row.server?.startsWith(CLAIM) ? Number(row.server.slice(CLAIM.length)) : undefined;
      if (row.server !== null && (claimant === undefined || claimant === pid || alive(claimant))) return false;
      return this.sql.run('UPDATE worksets SET server = ? WHERE id = ? AND server IS ?', `${CLAIM}${pid}`, localId, row.server).changes === 1;
    });
  }

  release(localId: number): void {
    this.sql.run(`UPDATE worksets SET server = NULL WHERE id = ? AND server LIKE '${CLAIM}%'`, localId);
  }

  /** Every member's curation, in place order (what moving a workset to its server takes along). */
  curation(localId: number): MovedMember[] {
    return this.sql
      .all<Omit<MovedMember, 'favourite'> & { favourite: number }>(
        'SELECT guid, status, favourite, notes, modified, assigned_to AS assignedTo FROM workset_entries WHERE workset_id = ? ORDER BY position', localId,
      )
      .map((r) => ({ ...r, favourite: r.favourite === 1 }));
  }

  /** The sort keys the copy holds, by guid, so a new membership fetches only the keys it lacks. */
  keysHeld(localId: number): Map<string, SortKeys> {
    const rows = this.sql.all<{ guid: string; headword: string | null; pos: string | null; gloss: string | null; date_created: string | null; date_modified: string | null }>(
      'SELECT guid, headword, pos, gloss, date_created, date_modified FROM workset_entries WHERE workset_id = ?', localId,
    );
    return new Map(rows.map((r) => [r.guid, { headword: r.headword, pos: r.pos, gloss: r.gloss, dateCreated: r.date_created, dateModified: r.date_modified }]));
  }

  /** Replaces the copy's members with the server's whole list, each with its keys. */
  mirror(localId: number, members: readonly ServerMember[], keys: ReadonlyMap<string, SortKeys>): void {
    this.sql.write(() => {
      requireWorkset(this.sql, localId);
      this.sql.run('DELETE FROM workset_entries WHERE workset_id = ?', localId);
      const insert = this.sql.prepare(
        `INSERT INTO workset_entries (workset_id, guid, position, status, favourite, notes, modified, assigned_to,
           headword, pos, gloss, date_created, date_modified, headword_sort, pos_sort, gloss_sort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const m of members) {
        insert.run(localId, m.guid, m.position, requireOneOf(m.status, STATUSES, 'the status'), m.favourite ? 1 : 0, m.notes, m.modified, m.assignedTo,
          ...keyParams(keys.get(m.guid) ?? NO_KEYS));
      }
    });
  }

  /** Takes in the curation of members that changed on the server. */
  apply(localId: number, members: readonly ServerMember[]): void {
    this.sql.write(() => {
      const update = this.sql.prepare('UPDATE workset_entries SET status = ?, favourite = ?, notes = ?, modified = ?, assigned_to = ? WHERE workset_id = ? AND guid = ?');
      for (const m of members) update.run(requireOneOf(m.status, STATUSES, 'the status'), m.favourite ? 1 : 0, m.notes, m.modified, m.assignedTo, localId, m.guid);
    });
  }
}
