import type { Queryable } from '../basex/queryable.js';
import { BaseXError } from '../basex/errors.js';
import type { DictionarySummary } from '../domain/dictionaries.js';
import { backupTime, checkDatabaseName, isTemporaryName, isValidDatabaseName } from './database-names.js';
import { onDatabase } from './database-query.js';
import { LiftError } from './errors.js';
import { COUNT_ENTRIES, DATABASE_NAMES, DATABASE_NAMES_LOCKED } from './xquery.js';

/**
 * Every dictionary on the server, sorted by name.
 *
 * A database is a dictionary iff it holds LIFT_DOC; databases of imports in progress (and of
 * dictionaries being replaced) hold one too but are not listed. Each database is counted in a
 * query of its own that names it, so the list waits only for writes in a dictionary it counts,
 * one at a time, and never locks the server as a whole (see DATABASE_NAMES). A database whose
 * name the app could not write into a command is no dictionary of ours and is left out.
 */
export async function listDictionaries(session: Queryable): Promise<DictionarySummary[]> {
  const list: DictionarySummary[] = [];
  const names = await databaseNames(session);
  for (const name of names) {
    if (isTemporaryName(name) || !isValidDatabaseName(name)) continue;
    const counts = await countEntries(session, name);
    const backups = names.filter((other) => backupTime(name, other) !== undefined).length;
    if (counts) list.push({ name, ...counts, ...(backups > 0 ? { backups } : {}) });
  }
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every database on the server, dictionaries or not, without a global lock where the user may see the directory. */
export async function databaseNames(session: Queryable): Promise<string[]> {
  try {
    const [answer, ...names] = await session.query(DATABASE_NAMES, {}, { idempotent: true });
    if (answer === 'ok') return names;
  } catch (error) {
    if (!(error instanceof BaseXError) || error.errorCode !== 'basex:permission') throw error;
  }
  return session.query(DATABASE_NAMES_LOCKED, {}, { idempotent: true });
}

/** One dictionary's summary; NotFound when there is no such database or it is not a dictionary. */
export async function dictionaryInfo(session: Queryable, name: string): Promise<DictionarySummary> {
  checkDatabaseName(name);
  const counts = await countEntries(session, name);
  if (!counts) throw notFound(name);
  return { name, ...counts };
}

/**
 * Entry counts of any database (temporary ones included), or undefined if it is no dictionary;
 * with its change log's count and size when it has one.
 */
export async function countEntries(session: Queryable, database: string): Promise<Omit<DictionarySummary, 'name'> | undefined> {
  const counts = await session.query(onDatabase(database, COUNT_ENTRIES), {}, { idempotent: true });
  if (counts.length !== 2 && counts.length !== 4) return undefined;
  const log = counts.length === 4 ? { log: { changes: Number(counts[2]), size: counts[3] } } : {};
  return { entries: Number(counts[0]), deleted: Number(counts[1]), ...log };
}

function notFound(name: string): LiftError {
  return new LiftError('NotFound', `there is no dictionary "${name}"`);
}
