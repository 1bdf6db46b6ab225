import { BaseXError } from '../basex/errors.js';
import type { Queryable } from '../basex/queryable.js';
import { WORKSET_OPS, type ChangeAuthor, type ChangeOp, type ChangeRecord } from '../domain/changes.js';
import { checkDatabaseSyntax, isValidDatabaseName } from './database-names.js';
import { LOG_SUFFIX, logDatabase, onDatabase } from './database-query.js';
import { databaseNames } from './dictionaries.js';

/**
 * A dictionary's change log: the database `<dictionary>__log` on the same server, one document
 * `<log last="N">` holding a `<change>` per write to an entry, with the entry as it was before
 * (`<pre>`, its XML as text). Every desktop connected to the server shares it; export never reads it.
 *
 * Writers include CHANGE_LOG_PROLOG and insert their records with `local:change` in the same
 * updating query as the change, so a write and its record commit together or not at all. The
 * query names the log database as a literal (`$log-db`, see database-query.ts), so BaseX locks
 * just the dictionary and its log, and two writers of one dictionary are serialised by that lock:
 * `@last` read and raised in one query numbers the records without gaps or repeats.
 */

export const LOG_DOC = 'log.xml';

/**
 * The log's records as a path BaseX answers a predicate on `@seq`, `@guid` or `@op` of from its
 * attribute index. Through a prolog variable (`$log/change[…]`) BaseX 9.7 scans every record
 * instead: an undo batch's twenty lookups cost a quarter of a second on a log of 20,000 records.
 * Compare `@seq` with strings: against an integer BaseX scans too (0.6 s at 500,000 records).
 */
export const LOG_RECORDS = `db:open($log-db, '${LOG_DOC}')/log/change`;

/** A predicate on a record: a change to an entry, not to a workset's curation of it. */
const ENTRY_OP = `not(@op = ('${WORKSET_OPS.join("', '")}'))`;

/** What a write records besides the entries themselves. */
export interface ChangeMeta {
  readonly author: ChangeAuthor;
  /** The window the write came from, `cli` for the command line. */
  readonly window: string;
  readonly op: ChangeOp;
  readonly bulk?: number;
  readonly field?: string;
  readonly lang?: string;
  readonly name?: string;
  /** The change a revert reverts. */
  readonly reverts?: number;
  /** The workset a curation or workset change was made in. */
  readonly workset?: number;
}

/**
 * `$log` is the log's root; `$log-last` the last sequence number before this query;
 * `local:change(seq, pre, before, after, was, now)` is the record of one entry's change (`before`
 * is the pre-image's version, which the writer has already checked). current-dateTime()
 * is fixed for a query, so every record of one write has the same time.
 */
export const CHANGE_LOG_PROLOG = String.raw`
declare variable $log-db external;
declare variable $log := db:open($log-db, '${LOG_DOC}')/log;
declare variable $log-last as xs:integer := xs:integer(($log/@last, 0)[1]);
declare variable $log-who as xs:string external;
declare variable $log-window as xs:string external;
declare variable $log-process as xs:string external;
declare variable $log-host as xs:string external;
declare variable $log-instance as xs:string external;
declare variable $log-op as xs:string external;
declare variable $log-bulk as xs:string external := '';
declare variable $log-field as xs:string external := '';
declare variable $log-lang as xs:string external := '';
declare variable $log-name as xs:string external := '';
declare variable $log-reverts as xs:string external := '';
declare variable $log-workset as xs:string external := '';
declare variable $log-at := adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S'));

(: The pre-image is kept as its serialization, one text node: as a copy of the entry's tree it
   cost BaseX a node per element, attribute and text of every entry a bulk run wrote. The
   version before is the one the writer checked, so the entry is not hashed again. :)
declare function local:change($seq as xs:integer, $pre as element(entry), $before as xs:string, $after as xs:string,
    $was as xs:string*, $now as xs:string*) as element(change) {
  local:record($seq, string($pre/@guid), serialize($pre, map { 'method': 'xml', 'indent': 'no' }), $before, $after, $was, $now)
};

(: local:change of an entry the writer has serialized already (local:xml), for its version. :)
declare function local:record($seq as xs:integer, $guid as xs:string, $xml as xs:string, $before as xs:string, $after as xs:string,
    $was as xs:string*, $now as xs:string*) as element(change) {
  <change seq="{$seq}" at="{$log-at}"
      who="{$log-who}" user="{user:current()}" window="{$log-window}" process="{$log-process}" host="{$log-host}" instance="{$log-instance}"
      op="{$log-op}" guid="{$guid}" field="{$log-field}" lang="{$log-lang}" name="{$log-name}" bulk="{$log-bulk}"
      reverts="{$log-reverts}" before="{$before}" after="{$after}">
    <was>{ for $v in $was return <v>{$v}</v> }</was>
    <now>{ for $v in $now return <v>{$v}</v> }</now>
    <pre>{ $xml }</pre>
  </change>
};

(: The record of a change to a workset (curation of its entry $guid, or the workset itself when
   $guid is ''): no pre-image, the entry is not touched; $log-workset names the workset. :)
declare function local:workset-change($seq as xs:integer, $guid as xs:string, $was as xs:string*, $now as xs:string*) as element(change) {
  <change seq="{$seq}" at="{$log-at}"
      who="{$log-who}" user="{user:current()}" window="{$log-window}" process="{$log-process}" host="{$log-host}" instance="{$log-instance}"
      op="{$log-op}" guid="{$guid}" field="{$log-field}" lang="" name="{$log-name}" bulk="" reverts="" before="" after="" workset="{$log-workset}">
    <was>{ for $v in $was return <v>{$v}</v> }</was>
    <now>{ for $v in $now return <v>{$v}</v> }</now>
  </change>
};

(: The record of a change to a whole dictionary (an import that replaced it, a restore): no
   entry, and $log-name names the backup kept or brought back. :)
declare function local:dictionary-change($seq as xs:integer) as element(change) {
  <change seq="{$seq}" at="{$log-at}" who="{$log-who}" user="{user:current()}" window="{$log-window}" process="{$log-process}" host="{$log-host}"
      instance="{$log-instance}" op="{$log-op}" guid="" field="" lang="" name="{$log-name}" bulk="" reverts="" before="" after=""><was/><now/></change>
};

(: Appends the records and raises @last past them, as one pending update list. :)
declare %updating function local:log($changes as element(change)*) {
  if (empty($changes)) then ()
  else (insert node $changes as last into $log, replace value of node $log/@last with $log-last + count($changes))
};
`;

/** Bindings for CHANGE_LOG_PROLOG's external variables. */
export function changeBindings(meta: ChangeMeta): Record<string, string> {
  return {
    'log-who': meta.author.who,
    'log-window': meta.window,
    'log-process': String(meta.author.process),
    'log-host': meta.author.host,
    'log-instance': meta.author.instance,
    'log-op': meta.op,
    'log-bulk': meta.bulk === undefined ? '' : String(meta.bulk),
    'log-field': meta.field ?? '',
    'log-lang': meta.lang ?? '',
    'log-name': meta.name ?? '',
    'log-reverts': meta.reverts === undefined ? '' : String(meta.reverts),
    'log-workset': meta.workset === undefined ? '' : String(meta.workset),
  };
}

/**
 * Only the attributes records are looked up by are indexed: with every attribute in BaseX's
 * updatable index, each value a bulk batch replaced in an operation's document (bulk-members.ts)
 * cost milliseconds, and each record's dozen attributes weighed on every edit.
 */
const LOG_INDEXED = 'seq,guid,op';

const ENSURE_LOG = String.raw`
declare variable $db external;
declare variable $log-db external;
if (not(db:exists($log-db))) then db:create($log-db, <log last="0"/>, '${LOG_DOC}',
  map { 'chop': false(), 'updindex': true(), 'textindex': false(), 'tokenindex': false(), 'attrinclude': '${LOG_INDEXED}' })
(: A log made before the index was narrowed is rebuilt once, with its records as they are. :)
else if (string(db:info($log-db)//attrinclude) = '') then db:optimize($log-db, true(), map { 'attrinclude': '${LOG_INDEXED}' })
else ()`;

/** Creates the dictionary's log if it has none yet (dictionaries imported before the log existed). */
export async function ensureChangeLog(session: Queryable, db: string): Promise<void> {
  await session.query(onDatabase(db, ENSURE_LOG));
}

/**
 * Runs a write that records its changes. A dictionary without a log yet gets one, and the write
 * is sent again: it failed opening the log, before it changed anything.
 */
export async function withChangeLog<T>(session: Queryable, db: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isMissingLog(error, db)) throw error;
    await ensureChangeLog(session, db);
    return write();
  }
}

function isMissingLog(error: unknown, db: string): boolean {
  return error instanceof BaseXError && error.message.includes(`'${logDatabase(db)}'`) && /not found/i.test(error.message);
}

/** A record as JSON, built in XQuery from a `<change>` element bound to `$c`. */
const RECORD_JSON = String.raw`map:merge((if (string($c/@workset)) then map { 'workset': xs:integer($c/@workset) } else (), map {
  'seq': xs:integer($c/@seq), 'at': string($c/@at), 'who': string($c/@who), 'user': string($c/@user),
  'window': string($c/@window), 'process': xs:integer($c/@process), 'host': string($c/@host),
  'instance': string($c/@instance),
  'op': string($c/@op), 'guid': string($c/@guid), 'field': string($c/@field), 'lang': string($c/@lang),
  'name': string($c/@name), 'bulk': if (string($c/@bulk)) then xs:integer($c/@bulk) else (),
  'reverts': if (string($c/@reverts)) then xs:integer($c/@reverts) else (),
  'before': string($c/@before), 'after': string($c/@after),
  'was': array { $c/was/v/string() }, 'now': array { $c/now/v/string() }
}))`;

const READ_PROLOG = String.raw`
declare variable $db external;
declare variable $log-db external;
declare variable $log := if (db:exists($log-db)) then db:open($log-db, '${LOG_DOC}')/log else ();
`;

/** The last sequence number of the dictionary's log (0 when nothing was recorded yet). */
export async function lastChange(session: Queryable, db: string): Promise<number> {
  const [last] = await lastChanges(session, [db]);
  return last;
}

/**
 * The last sequence numbers of several dictionaries' logs in one query (0 for a log not there):
 * a follower's round over every dictionary costs one call. Each log is named as a literal
 * (checked names, see database-query.ts) so the query read-locks just those logs.
 */
export async function lastChanges(session: Queryable, dictionaries: readonly string[]): Promise<number[]> {
  if (dictionaries.length === 0) return [];
  const parts = dictionaries.map((db) => {
    const log = `'${checkDatabaseSyntax(logDatabase(db))}'`;
    return `(if (db:exists(${log})) then string((db:open(${log}, '${LOG_DOC}')/log/@last, 0)[1]) else '0')`;
  });
  return (await session.query(parts.join(',\n'), {}, { idempotent: true })).map(Number);
}

/**
 * Records after `since`, oldest first, at most `limit` of them, looked up by their numbers in the
 * index: by position (record N is the log's N-th child) BaseX walked the records before them, a
 * fifth of a second per call at 500,000 records, and every process's follower makes that call.
 */
export async function changesSince(session: Queryable, db: string, since: number, limit = 1000): Promise<ChangeRecord[]> {
  const json = await session.execute(
    onDatabase(db, `${READ_PROLOG}
     declare variable $since as xs:integer external;
     declare variable $limit as xs:integer external;
     let $to := min((xs:integer(($log/@last, 0)[1]), $since + $limit))
     let $seqs := for $n in $since + 1 to $to return string($n)
     return serialize(array { for $c in (if (exists($seqs)) then ${LOG_RECORDS}[@seq = $seqs] else ()) return ${RECORD_JSON} },
       map { 'method': 'json' })`),
    { since, limit },
    { idempotent: true },
  );
  return JSON.parse(json) as ChangeRecord[];
}

/**
 * How many entries were changed since the dictionary was last imported or restored (since its
 * log began, if it never was): what a replacing import would throw away.
 */
export async function changedSinceImport(session: Queryable, db: string): Promise<number> {
  const [count] = await session.query(
    onDatabase(db, `${READ_PROLOG}
     let $since := max((if ($log) then ${LOG_RECORDS}[@op = ('import', 'restore')]/xs:integer(@seq) else (), 0))
     return count(distinct-values(subsequence($log/change, $since + 1)[@guid != ''][${ENTRY_OP}]/@guid))`),
    {},
    { idempotent: true },
  );
  return Number(count ?? 0);
}

/** Record `seq` of the dictionary's log, if there is one. */
export async function changeRecord(session: Queryable, db: string, seq: number): Promise<ChangeRecord | undefined> {
  const [record] = await changesSince(session, db, seq - 1, 1);
  return record?.seq === seq ? record : undefined;
}

/** Every record of one entry, newest first. */
export async function entryHistory(session: Queryable, db: string, guid: string): Promise<ChangeRecord[]> {
  const json = await session.execute(
    onDatabase(db, `${READ_PROLOG}
     declare variable $guid as xs:string external;
     serialize(array { for $c in reverse(if ($log) then ${LOG_RECORDS}[@guid = $guid][${ENTRY_OP}] else ()) return ${RECORD_JSON} }, map { 'method': 'json' })`),
    { guid },
    { idempotent: true },
  );
  return JSON.parse(json) as ChangeRecord[];
}

/** The entry as it was before change `seq`, as XML; undefined when there is no such record. */
export async function preImageOf(session: Queryable, db: string, seq: number): Promise<string | undefined> {
  const [xml] = await session.query(
    onDatabase(db, `${READ_PROLOG}
     declare variable $seq as xs:integer external;
     if ($log) then ${LOG_RECORDS}[@seq = string($seq)]/pre/string() else ()`),
    { seq },
    { idempotent: true },
  );
  return xml;
}

/**
 * Drops the pre-images of the records written before `before`, keeping who, when and what of
 * each (retention: the log is what grows with every bulk run). Those changes can no longer be
 * reverted. Answers how many records lost their pre-image.
 */
export async function compactLog(session: Queryable, db: string, before: Date): Promise<number> {
  const [count] = await session.query(
    onDatabase(db, `${READ_PROLOG}
     declare variable $before as xs:string external;
     let $old := $log/change[xs:dateTime(@at) lt xs:dateTime($before)]/pre
     return (update:output(count($old)), delete node $old)`),
    { before: before.toISOString() },
  );
  return Number(count ?? 0);
}

/** The dictionaries on the server that have a change log. */
export async function dictionariesWithLogs(session: Queryable): Promise<string[]> {
  return (await databaseNames(session))
    .filter((name) => name.endsWith(LOG_SUFFIX))
    .map((name) => name.slice(0, -LOG_SUFFIX.length))
    .filter((name) => name !== '' && isValidDatabaseName(name));
}
