import { randomUUID } from 'node:crypto';
import type { Queryable } from '../basex/queryable.js';
import type { NewEntry } from '../domain/entries.js';
import { CHANGE_LOG_PROLOG, changeBindings, withChangeLog, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';
import { FIELD_EDIT_PROLOG, VERSION_FUNCTION } from './field-edit-xquery.js';

/**
 * Adds an entry to the dictionary, with its change log record, in one updating query. Its
 * pre-image is the entry's tombstone (its guid, id and dates, `dateDeleted`, no content), so
 * undoing the creation is an ordinary revert that leaves the tombstone FLEx expects.
 */
const CREATE = String.raw`${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${CHANGE_LOG_PROLOG}
declare variable $guid as xs:string external;
declare variable $sense-id as xs:string external;
declare variable $headword as xs:string external;
declare variable $gloss-lang as xs:string external := '';
declare variable $gloss as xs:string external := '';

let $now := local:now()
let $id := $headword || '_' || $guid
let $entry := <entry id="{$id}" dateCreated="{$now}" dateModified="{$now}" guid="{$guid}">
    <lexical-unit><form lang="{$lang}"><text>{$headword}</text></form></lexical-unit>{
    if ($gloss != '') then <sense id="{$sense-id}"><gloss lang="{$gloss-lang}"><text>{$gloss}</text></gloss></sense> else ()
  }</entry>
let $tombstone := <entry id="{$id}" dateCreated="{$now}" dateModified="{$now}" guid="{$guid}" dateDeleted="{$now}"/>
let $after := local:version($entry)
return (
  update:output('applied&#9;' || $after || '&#9;' || ($log-last + 1)),
  insert node $entry as last into $doc/lift,
  local:log(local:change($log-last + 1, $tombstone, local:version($tombstone), $after, (), $headword))
)`;

export interface CreatedEntry {
  readonly guid: string;
  readonly version: string;
  readonly seq: number;
}

export async function createEntry(session: Queryable, db: string, entry: NewEntry, change: ChangeMeta): Promise<CreatedEntry> {
  const guid = randomUUID();
  const [line] = await withChangeLog(session, db, () =>
    session.query(onDatabase(db, CREATE), {
      guid,
      'sense-id': randomUUID(),
      lang: entry.lang,
      headword: entry.headword,
      'gloss-lang': entry.gloss?.lang ?? '',
      gloss: entry.gloss?.text ?? '',
      // FIELD_EDIT_PROLOG's own variables, unused here.
      action: 'add',
      field: 'entry',
      ...changeBindings({ ...change, field: 'entry', lang: entry.lang }),
    }),
  );
  const [, version, seq] = line.split('\t');
  return { guid, version, seq: Number(seq) };
}
