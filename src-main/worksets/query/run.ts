import type { Queryable } from '../../basex/queryable.js';
import type { WorksetQuery } from '../../domain/query-model.js';
import { onDatabase } from '../../lift/database-query.js';
import { compileQuery, LIVE_ENTRIES, type CompiledQuery } from './compile.js';
import { KEY_FUNCTIONS, parseKeyRows, type MatchKeys } from '../../lift/entry-keys.js';
import { orderClauses } from './keys.js';
import { readCollation } from '../../lift/collation-setting.js';
import { sortByCollation } from './collated-order.js';

/**
 * Runs workset queries against a dictionary database: every match's sort keys in order, and the
 * current keys of given entries.
 *
 * Reads only, so every call is marked idempotent (a window's session may retry it once on a new
 * connection). Results come back as one string of tab-separated rows, not XML.
 */

export type { MatchKeys } from '../../lift/entry-keys.js';
export { compareMatchKeys } from './keys.js';

const READ = { idempotent: true } as const;

/** The FLWOR over live entries that match: `for $e in … where TEST`. */
export function matchingEntries(compiled: CompiledQuery): string {
  return `for $e in ${LIVE_ENTRIES}\n  where ${compiled.test}`;
}

/** Every match's keys, sorted by the query's sort (blank keys last), then guid. */
export async function matchKeys(session: Queryable, db: string, query: WorksetQuery): Promise<MatchKeys[]> {
  const compiled = compileQuery(query);
  const xquery = `${compiled.prolog}\n${KEY_FUNCTIONS}\nstring-join(${matchingEntries(compiled)}
  ${orderClauses(query.sort, true)}
  return string-join($keys, '&#9;'), '&#10;')`;
  // Sorted by the server, so a work list is in exactly the order of its preview.
  const rows = parseKeyRows(await session.execute(onDatabase(db, xquery), compiled.bindings, READ));
  // A headword order by collation is Node's: BaseX 9.7 collates by code point or Java's locales, not ICU with a dictionary's letters.
  return query.sort.order === undefined ? rows : sortByCollation(rows, query.sort, await readCollation(session, db));
}

const KEYS_OF_QUERY = `${compileQuery({ match: 'all', filters: [] }).prolog}
${KEY_FUNCTIONS}
declare variable $guids as xs:string* external;
string-join($doc/lift/entry[@guid = $guids][empty(@dateDeleted)] ! string-join(local:keys(.), '&#9;'), '&#10;')`;

/**
 * Current keys of the given entries, in the order given, to re-place edited entries in a sorted
 * work list. Missing and deleted entries are left out.
 */
export async function keysOf(session: Queryable, db: string, guids: readonly string[]): Promise<MatchKeys[]> {
  if (guids.length === 0) return [];
  const rows = parseKeyRows(await session.execute(onDatabase(db, KEYS_OF_QUERY), { guids: [...new Set(guids)] }, READ));
  const byGuid = new Map(rows.map((keys) => [keys.guid, keys]));
  return guids.flatMap((guid) => byGuid.get(guid) ?? []);
}
