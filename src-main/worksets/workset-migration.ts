import type { Queryable } from '../basex/queryable.js';
import { AppError } from '../domain/app-error.js';
import type { ChangeAuthor } from '../domain/changes.js';
import { databaseNames } from '../lift/dictionaries.js';
import { createServerWorkset, type NewMember } from '../lift/workset-documents.js';
import { foldKey } from './store/validate.js';
import type { Store, WorksetRow } from './store/index.js';

/**
 * Moves the worksets a data folder made before worksets lived on the server (rows of its SQLite
 * file with no server) to the server that holds their dictionary, with every member's place,
 * status, favourite, notes and when they were set. The row then becomes that workset's copy.
 *
 * Once per server and process. A row is claimed first (`moving:<pid>`), so two processes on
 * one data folder never move it twice; a claim whose process is gone is taken over. A name the
 * server's dictionary already has gets " (moved)" after it.
 */
export async function moveUnmovedWorksets(session: Queryable, store: Store, server: string, author: ChangeAuthor): Promise<number> {
  const rows = store.copies.unmoved();
  if (rows.length === 0) return 0;
  const here = new Set(await databaseNames(session));
  let moved = 0;
  for (const row of rows.filter((r) => here.has(r.dictionary))) {
    if (!store.copies.claim(row.id, process.pid, isAlive)) continue;
    try {
      const id = await moveOne(session, store, row, author);
      store.copies.adopt(row.id, server, id);
      moved++;
    } catch (error) {
      store.copies.release(row.id);
      throw error;
    }
  }
  return moved;
}

async function moveOne(session: Queryable, store: Store, row: WorksetRow, author: ChangeAuthor): Promise<number> {
  const members: NewMember[] = store.copies.curation(row.id);
  const meta = { author, window: 'migration', op: 'workset' as const, field: 'create' };
  for (const name of [row.name, `${row.name} (moved)`]) {
    try {
      const made = await createServerWorkset(session, row.dictionary, { name, nameKey: foldKey(name) ?? '', description: row.description, query: row.query, members }, meta);
      return made.id;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'Conflict') || name !== row.name) throw error;
    }
  }
  throw new Error('unreachable');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
