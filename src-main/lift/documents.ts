/**
 * Where a dictionary lives inside its BaseX database. Every module that queries a dictionary
 * opens these paths, so they are named once.
 */
export const LIFT_DOC = 'dictionary.lift';
export const RANGES_DOC = 'dictionary.lift-ranges';

/** XQuery prolog naming the dictionary's entries; binds `$db`. */
export const ENTRIES_PROLOG = `
declare variable $db as xs:string external;
declare variable $doc := db:open($db, '${LIFT_DOC}');
`;
