import { LIFT_DOC } from './database-names.js';

/**
 * Query text shared by the LIFT modules. Every value arrives as a bound external variable; the
 * only text spliced in is the constant document path.
 */

/** `$db`'s entry count and deleted-entry count, or nothing when it is not a dictionary. */
export const COUNT_ENTRIES = `
declare variable $db external;
if (db:exists($db)) then
  if (db:exists($db, '${LIFT_DOC}')) then
    let $entries := db:open($db, '${LIFT_DOC}')/lift/entry
    return (count($entries), count($entries[@dateDeleted]))
  else ()
else ()
`;

/** Name, entry count and deleted count of every database holding a LIFT document. */
export const LIST_DICTIONARIES = `
for $db in db:list()
where db:exists($db, '${LIFT_DOC}')
let $entries := db:open($db, '${LIFT_DOC}')/lift/entry
return ($db, string(count($entries)), string(count($entries[@dateDeleted])))
`;

/** The database's last-modified time: export compares it before and after to detect edits. */
export const MODIFIED_AT = `
declare variable $db external;
db:info($db)/databaseproperties/timestamp/string()
`;
