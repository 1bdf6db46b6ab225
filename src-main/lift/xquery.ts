import { LIFT_DOC } from './database-names.js';

/**
 * Query text shared by the LIFT modules. Every value arrives as a bound external variable; `$db`
 * is written in as a literal by onDatabase (database-query.ts), and the only other text spliced
 * in is the constant document path.
 */

/** `$db`'s entry count and deleted-entry count, or nothing when it is not a dictionary. */
export const COUNT_ENTRIES = `
declare variable $db external;
declare variable $log-db external;
if (db:exists($db)) then
  if (db:exists($db, '${LIFT_DOC}')) then
    let $entries := db:open($db, '${LIFT_DOC}')/lift/entry
    return (count($entries), count($entries[@dateDeleted]),
      if (db:exists($log-db)) then (string((db:open($log-db)/log/@last, 0)[1]), db:info($log-db)/databaseproperties/size/string()) else ())
  else ()
else ()
`;

/**
 * The names of the server's databases, taking no lock: 'ok', then the folders of its database
 * directory, which is all db:list() reads (BaseX's Databases.listDBs: every folder whose name
 * does not start with a dot). db:list() and the LIST command both take a global read lock in
 * BaseX 9.7.2, which waits for every write on the server, in any database. Only an admin sees
 * the directory (and may list files): anyone else gets 'no-access', or a permission error.
 */
export const DATABASE_NAMES = String.raw`
let $path := string(db:system()//dbpath)
return if ($path = '') then 'no-access' else (
  'ok',
  file:list($path)[matches(., '[/\\]$')][not(starts-with(., '.'))] ! replace(., '[/\\]$', '')
)
`;

/** The same through db:list(), for a user who may not see the directory: a global read lock. */
export const DATABASE_NAMES_LOCKED = `db:list()`;

/** The database's last-modified time: export compares it before and after to detect edits. */
export const MODIFIED_AT = `
declare variable $db external;
db:info($db)/databaseproperties/timestamp/string()
`;
