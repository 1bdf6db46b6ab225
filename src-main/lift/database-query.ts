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

/** `xquery` with its `$db` declaration removed and every reference to `$db` made `'db'`. */
export function onDatabase(db: string, xquery: string): string {
  const literal = `'${checkDatabaseSyntax(db)}'`;
  const declarations = xquery.match(DECLARATION)?.length ?? 0;
  if (declarations !== 1) throw new Error(`a query over a dictionary declares $db external once, not ${declarations} times`);
  return xquery.replace(DECLARATION, '').replace(REFERENCE, literal);
}
