import type { Queryable } from '../basex/queryable.js';
import { BaseXError } from '../basex/errors.js';
import { AppError } from '../domain/app-error.js';
import { dictionariesWithLogs } from '../lift/change-log.js';
import {
  dictionaryOfWorkset, getServerWorkset, listServerWorksets, serverMembers, worksetNotFound, type WorksetMeta,
} from '../lift/workset-documents.js';
import { serverIdentity } from '../lift/server-register.js';
import { keysOf } from './query/run.js';
import { snapshotRow } from './sort-keys.js';
import type { SortKeys, Store } from './store/index.js';

/** A workset's copy in this data folder, current with its server. */
export interface CurrentCopy {
  readonly server: string;
  readonly localId: number;
  readonly meta: WorksetMeta;
}

/**
 * Keeps the data folder's copies of a server's worksets current (store/workset-copies.ts): a
 * look at the workset's revision on the server per call, and when it moved, just the members
 * changed since the revision held (or the whole membership, when that changed). So another
 * desktop's curation shows at the next page, and deleting the SQLite file loses nothing.
 */
export class WorksetIndex {
  private readonly identities = new WeakMap<Queryable, Promise<string>>();

  constructor(private readonly store: Store) {}

  /** The server's identity, asked once per session. */
  server(session: Queryable): Promise<string> {
    let identity = this.identities.get(session);
    if (!identity) {
      identity = serverIdentity(session);
      identity.catch(() => this.identities.delete(session));
      this.identities.set(session, identity);
    }
    return identity;
  }

  /**
   * Workset `id`'s copy, brought up to date first. `known` are sort keys the caller already has
   * (a create or a refresh just read them), so they are not read again.
   */
  async current(session: Queryable, id: number, known?: ReadonlyMap<string, SortKeys>): Promise<CurrentCopy> {
    const server = await this.server(session);
    const held = this.store.copies.find(server, id);
    const dictionary = held ? this.store.worksets.get(held.localId).dictionary : await dictionaryOfWorkset(session, id);
    const meta = dictionary === undefined ? undefined : await getServerWorkset(session, dictionary, id);
    if (!meta) {
      if (held) this.store.copies.forget(held.localId);
      throw worksetNotFound(id);
    }
    try {
      return { server, localId: await this.take(session, server, meta, known), meta };
    } catch (error) {
      if (vanished(error, meta.dictionary)) throw new AppError('NotFound', `workset ${id} is of dictionary ${meta.dictionary}, which was just deleted`);
      throw error;
    }
  }

  /** Brings every workset of the server (of one dictionary) up to date, and drops copies of deleted ones. */
  async sync(session: Queryable, dictionary?: string): Promise<string> {
    const server = await this.server(session);
    const dictionaries = dictionary === undefined ? await dictionariesWithLogs(session) : [dictionary];
    const present = new Set<number>();
    for (const db of dictionaries) {
      try {
        for (const meta of await listServerWorksets(session, db)) {
          present.add(meta.id);
          await this.take(session, server, meta);
        }
      } catch (error) {
        // A dictionary deleted while we looked: its worksets went with it.
        if (!vanished(error, db)) throw error;
      }
    }
    for (const copy of this.store.copies.held(server, dictionary)) {
      if (!present.has(copy.serverId)) this.store.copies.forget(copy.localId);
    }
    return server;
  }

  private async take(session: Queryable, server: string, meta: WorksetMeta, known?: ReadonlyMap<string, SortKeys>): Promise<number> {
    const { copies } = this.store;
    const held = copies.find(server, meta.id);
    if (held && held.rev === meta.rev && held.membersRev === meta.membersRev) return held.localId;
    const localId = copies.putMeta(server, meta);
    if (!held || held.membersRev !== meta.membersRev) {
      const members = await serverMembers(session, meta.dictionary, meta.id, -1);
      const keys = new Map(known ?? copies.keysHeld(localId));
      const missing = members.map((m) => m.guid).filter((guid) => !keys.has(guid));
      for (const k of missing.length > 0 ? await keysOf(session, meta.dictionary, missing) : []) {
        keys.set(k.guid, snapshotRow(k).keys);
      }
      copies.mirror(localId, members, keys);
    } else {
      copies.apply(localId, await serverMembers(session, meta.dictionary, meta.id, held.rev));
    }
    // The revisions read before the members: a change landing between is taken in again next time, never missed.
    copies.setRevs(localId, meta.rev, meta.membersRev);
    return localId;
  }
}

/** Whether `error` is BaseX saying the dictionary `db` (or its log) is not there. */
function vanished(error: unknown, db: string): boolean {
  return error instanceof BaseXError && error.message.includes(`'${db}`) && /not found/i.test(error.message);
}
