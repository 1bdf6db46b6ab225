import type { Queryable } from '../basex/queryable.js';
import { checkDatabaseName, isTemporaryName } from './database-names.js';
import { LiftError } from './errors.js';
import { COUNT_ENTRIES, LIST_DICTIONARIES } from './xquery.js';

/** One dictionary database: its entries, of which `deleted` are tombstones (@dateDeleted). */
export interface DictionarySummary {
  readonly name: string;
  readonly entries: number;
  readonly deleted: number;
}

/**
 * Every dictionary on the server, sorted by name.
 *
 * A database is a dictionary iff it holds LIFT_DOC; databases of imports in progress (and of
 * dictionaries being replaced) hold one too but are not listed.
 */
export async function listDictionaries(session: Queryable): Promise<DictionarySummary[]> {
  const fields = await session.query(LIST_DICTIONARIES, {}, { idempotent: true });
  const list: DictionarySummary[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const name = fields[i];
    if (!isTemporaryName(name)) list.push({ name, entries: Number(fields[i + 1]), deleted: Number(fields[i + 2]) });
  }
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One dictionary's summary; NotFound when there is no such database or it is not a dictionary. */
export async function dictionaryInfo(session: Queryable, name: string): Promise<DictionarySummary> {
  checkDatabaseName(name);
  const counts = await countEntries(session, name);
  if (!counts) throw notFound(name);
  return { name, ...counts };
}

/** Entry counts of any database (temporary ones included), or undefined if it is no dictionary. */
export async function countEntries(session: Queryable, database: string): Promise<{ entries: number; deleted: number } | undefined> {
  const counts = await session.query(COUNT_ENTRIES, { db: database }, { idempotent: true });
  if (counts.length !== 2) return undefined;
  return { entries: Number(counts[0]), deleted: Number(counts[1]) };
}

function notFound(name: string): LiftError {
  return new LiftError('NotFound', `there is no dictionary "${name}"`);
}
