import { checkDatabaseSyntax } from './database-names.js';

/**
 * Every query over a dictionary is written with an external `$db` and sent through `onDatabase`,
 * which writes the database's name into the text as a string literal.
 *
 * Why not bind it like every other value: BaseX 9.7.2 decides a query's locks from its text,
 * before variables are bound, so a query whose database name is a bound `$db` (or a prolog
 * variable, or a function parameter) takes a global lock, and a write in one dictionary held up
 * every window of every other one. Only a literal argument of a `db:` call (`db:open('a', …)`,
 * also in a prolog variable's value) locks just that database; measured with QUERYINFO.
 *
 * That is safe because a database name is checked to be letters, digits and `_ - .` only (the
 * temporary names of imports included): it cannot close the literal. Every user value still
 * reaches the query as a bound external variable.
 */

/** `declare variable $db external;`, typed or not. */
const DECLARATION = /declare\s+variable\s+\$db(?:\s+as\s+xs:string)?\s+external\s*;/g;
/** `$db` as a whole variable name: not the start of `$dbx`, `$db-name` or `$db.2`. */
const REFERENCE = /\$db(?![\p{L}\p{N}\p{M}_.\-·])/gu;
/** The same two for `$log-db`, the dictionary's change log (change-log.ts), which a query may also use. */
const LOG_DECLARATION = /declare\s+variable\s+\$log-db(?:\s+as\s+xs:string)?\s+external\s*;/g;
const LOG_REFERENCE = /\$log-db(?![\p{L}\p{N}\p{M}_.\-·])/gu;

/** The database that holds the change log of dictionary `db`: a database beside it, never exported. */
export function logDatabase(db: string): string {
  return `${db}${LOG_SUFFIX}`;
}
/** Ends the name of a log database; no dictionary may be called so (see database-names.ts). */
export const LOG_SUFFIX = '__log';

/**
 * `xquery` with its `$db` declaration removed and every reference to `$db` made `'db'`; the same
 * for `$log-db` and the name of db's log, when the query declares it.
 */
export function onDatabase(db: string, xquery: string): string {
  const literal = `'${checkDatabaseSyntax(db)}'`;
  const declarations = xquery.match(DECLARATION)?.length ?? 0;
  if (declarations !== 1) throw new Error(`a query over a dictionary declares $db external once, not ${declarations} times`);
  const onDb = xquery.replace(DECLARATION, '').replace(REFERENCE, literal);
  const logDeclarations = onDb.match(LOG_DECLARATION)?.length ?? 0;
  if (logDeclarations > 1) throw new Error(`a query declares $log-db external once, not ${logDeclarations} times`);
  if (logDeclarations === 0) return onDb;
  return onDb.replace(LOG_DECLARATION, '').replace(LOG_REFERENCE, `'${checkDatabaseSyntax(logDatabase(db))}'`);
}
