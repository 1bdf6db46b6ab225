import type { Queryable } from '../basex/queryable.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';
import { LIVE_ENTRY } from './entry-xml.js';
import { versionOf } from './field-edit-xquery.js';

/** An entry's cells for a spreadsheet (worksets/sheets/): see EntryCells there. */
export interface SheetEntryCells {
  readonly guid: string;
  readonly version: string;
  readonly headword: Record<string, string>;
  readonly gloss: Record<string, string>;
  readonly definition: Record<string, string>;
  readonly pos: string;
}

/**
 * The lexeme's forms and the first sense's gloss, definition and part of speech of each entry,
 * in the order asked (deleted or missing ones left out), with its version. Values are each form's
 * string value as stored, so a cell left as exported compares equal and changes nothing. The
 * version is hashed here from the serialization, as readEntries does, so it is the one an edit
 * checks against.
 */
export async function sheetCells(session: Queryable, db: string, guids: readonly string[]): Promise<SheetEntryCells[]> {
  if (guids.length === 0) return [];
  const items = await session.query(
    onDatabase(db, `declare option output:indent 'no'; ${LIFT_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     declare function local:forms($forms as element()*) as map(*) {
       map:merge(for $f in $forms return map { string($f/@lang): string($f/text) }, map { 'duplicates': 'use-first' })
     };
     for $g in $guids
     let $e := local:entry($g)
     where $e
     let $s := $e/sense[1]
     return ($g, serialize($e, map { 'method': 'xml', 'indent': 'no' }), serialize(map {
       'headword': local:forms($e/lexical-unit/form),
       'gloss': local:forms($s/gloss),
       'definition': local:forms($s/definition/form),
       'pos': string($s/grammatical-info/@value)
     }, map { 'method': 'json' }))`),
    { guids: [...guids] },
    { idempotent: true },
  );
  const cells: SheetEntryCells[] = [];
  for (let i = 0; i + 2 < items.length; i += 3) {
    const values = JSON.parse(items[i + 2]) as Omit<SheetEntryCells, 'guid' | 'version'>;
    cells.push({ guid: items[i], version: versionOf(items[i + 1]), ...values });
  }
  return cells;
}
