import type { Queryable } from '../basex/queryable.js';
import type { BulkRequest } from '../domain/bulk-states.js';
import type { FieldEdit } from '../domain/edits.js';
import { operationPath } from './bulk-log.js';
import { CHANGE_LOG_PROLOG, changeBindings, LOG_RECORDS, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';
import { KEY_FUNCTIONS, KEYS_LINE_FUNCTION, keyLines, type MatchKeys } from './entry-keys.js';
import { LIFT_PROLOG } from './documents.js';
import { LIVE_ENTRY, numbered, type WriteOutcome } from './entry-xml.js';
import { FIELD_EDIT_PROLOG, fieldEditBindings, VERSION_FUNCTION } from './field-edit-xquery.js';

/**
 * The batches of a bulk operation and of its undo, each one updating query that writes the
 * entries, their change log records and the marks on the operation's own entries (bulk-log.ts)
 * together: a kill between two batches leaves nothing to reconcile, and a batch never lands
 * half. The query picks its entries itself (the next ones not written), so any process can
 * carry on an operation from what the server says alone.
 */

/** A batch's answer: what happened to each entry, or why the runner must stop instead. */
export interface BatchResult {
  readonly outcomes: readonly WriteOutcome[];
  /** The sort keys of the entries written, as they are now: the local index follows them without asking again. */
  readonly keys: readonly MatchKeys[];
  /** A pause or cancel someone asked for (nothing was written), or `lost`: another runner has it now. */
  readonly stop?: BulkRequest | 'lost';
}

function parseBatch(lines: readonly string[]): BatchResult {
  if (lines[0]?.startsWith('stop\t')) return { outcomes: [], keys: [], stop: lines[0].slice('stop\t'.length) as BatchResult['stop'] };
  const { keys, rest } = keyLines(lines);
  return { outcomes: numbered(rest), keys };
}

const APPLY_BATCH = String.raw`${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${CHANGE_LOG_PROLOG}${LIVE_ENTRY}${KEY_FUNCTIONS}${KEYS_LINE_FUNCTION}
declare variable $path external;
declare variable $size as xs:integer external;
declare variable $instance external;
let $b := db:open($log-db, $path)/bulk
return if ($b/@state != 'running' or $b/@runner != $instance) then update:output('stop&#9;lost')
else if (string($b/@requested)) then update:output('stop&#9;' || $b/@requested)
else
  let $members := $b/e[@s = ''][position() le $size]
  (: One lookup in the guid index for the batch: one per entry cost a tenth of a millisecond each. :)
  let $entries := map:merge(for $e in $doc/lift/entry[@guid = $members/@g/string()][empty(@dateDeleted)] return map { string($e/@guid): $e },
    map { 'duplicates': 'use-first' })
  let $outcomes := for $m in $members
    let $g := string($m/@g)
    let $e := $entries($g)
    return if (empty($e)) then map { 'm': $m, 'state': 'missing', 'line': $g || '&#9;missing' }
      else let $xml := local:xml($e) let $now := local:xml-version($xml)
      return if ($now != $m/@v) then map { 'm': $m, 'state': 'changed', 'line': $g || '&#9;changed&#9;' || $now }
      else let $c := local:edited($e)
      return if ($c is $e) then map { 'm': $m, 'state': 'unchanged', 'line': $g || '&#9;unchanged&#9;' || $now }
      else let $after := local:version($c)
      return map { 'm': $m, 'state': 'applied', 'line': $g || '&#9;applied&#9;' || $after, 'entry': $e, 'xml': $xml, 'copy': $c, 'before': $now, 'after': $after }
  let $applied := $outcomes[?state = 'applied']
  let $skipped := $outcomes[?state != 'applied']
  return (
    update:output('last&#9;' || $log-last),
    for $o in $outcomes return update:output($o?line),
    for $o in $applied return update:output(local:keys-line($o?copy)),
    (: The same updates on the stored entry, not a replace by the copy (entry-xml.ts applyEdit). :)
    for $o in $applied return (local:apply($o?entry), local:stamp($o?entry)),
    local:log(for $o at $k in $applied
      return local:record($log-last + $k, string($o?entry/@guid), $o?xml, $o?before, $o?after, local:field-values($o?entry), local:field-values($o?copy))),
    (: Values replaced, never attributes inserted (bulk-members.ts). :)
    for $o at $k in $applied return (replace value of node $o?m/@s with 'a', replace value of node $o?m/@record with $log-last + $k,
      replace value of node $o?m/@after with $o?after),
    for $o in $skipped return (replace value of node $o?m/@s with 's', replace value of node $o?m/@why with $o?state),
    replace value of node $b/@changed with xs:integer($b/@changed) + count($applied),
    replace value of node $b/@skipped with xs:integer($b/@skipped) + count($skipped),
    replace value of node $b/@beat with $log-at,
    replace value of node $b/@updated with $log-at
  )`;

/**
 * Writes the next `size` entries of a running operation not written yet, if `runner` still
 * runs it and nobody asked it to stop. An entry changed since the preview, deleted, or already
 * as the edit makes it is marked skipped with why (`changed`, `missing`, `unchanged`).
 */
export async function applyBulkBatch(
  session: Queryable,
  db: string,
  opId: number,
  edit: FieldEdit,
  size: number,
  runner: string,
  change: ChangeMeta,
): Promise<BatchResult> {
  const meta = { ...change, field: edit.field, lang: edit.lang, name: edit.name };
  const lines = await session.query(onDatabase(db, APPLY_BATCH), {
    path: operationPath(opId), size, instance: runner, ...fieldEditBindings(edit), ...changeBindings(meta),
  });
  return parseBatch(lines);
}

/**
 * The pre-image of an operation's entry: its change log record's (`@record`), or its own `<pre>`
 * for an operation moved from a data folder's SQLite journal; '' once `log compact` dropped it.
 */
const UNDO_BATCH = String.raw`declare option db:chop 'false';
${LIFT_PROLOG}${VERSION_FUNCTION}${CHANGE_LOG_PROLOG}${LIVE_ENTRY}${KEY_FUNCTIONS}${KEYS_LINE_FUNCTION}
declare variable $path external;
declare variable $size as xs:integer external;
let $b := db:open($log-db, $path)/bulk
let $members := $b/e[@s = 'a'][position() le $size]
(: The records by @seq, from the log's attribute index (LOG_RECORDS, change-log.ts). :)
let $records := map:merge(for $c in ${LOG_RECORDS}[@seq = $members[empty(pre)]/@record/string()] return map { string($c/@seq): $c })
let $with := for $m in $members
  let $t := if ($m/pre) then string($m/pre) else string($records(string($m/@record))/pre)
  return map { 'm': $m, 't': $t }
let $compacted := $with[?t = '']
let $with := $with[?t != '']
(: One parse for the batch: a parse-xml per entry was most of an undo's cost (entry-xml.ts). :)
let $pres := if (empty($with)) then () else parse-xml('<pre-images>' || string-join(for $w in $with return $w?t) || '</pre-images>')/pre-images/entry
let $outcomes := (
  for $w in $compacted return map { 'm': $w?m, 'state': 'compacted', 'line': $w?m/@g || '&#9;compacted' },
  for $w at $i in $with
    let $m := $w?m
    let $g := string($m/@g)
    (: The live entry, or the tombstone a merge of duplicates left (merge-xquery.ts) while it is as the merge left it. :)
    let $e := (local:entry($g), $doc/lift/entry[@guid = $g][@dateDeleted][local:version(.) = $m/@after])[1]
    return if (empty($e)) then map { 'm': $m, 'state': 'missing', 'line': $g || '&#9;missing' }
      else let $now := local:version($e)
      return if ($now != $m/@after) then map { 'm': $m, 'state': 'changed', 'line': $g || '&#9;changed&#9;' || $now }
      else map { 'm': $m, 'state': 'applied', 'line': $g || '&#9;applied', 'entry': $e, 'before': $now, 'pre': $pres[$i] }
)
let $restored := $outcomes[?state = 'applied']
return (
  update:output('last&#9;' || $log-last),
  for $o in $outcomes return update:output($o?line),
  for $o in $restored return update:output(local:keys-line($o?pre)),
  for $o in $restored return replace node $o?entry with $o?pre,
  local:log(for $o at $k in $restored return local:change($log-last + $k, $o?entry, $o?before, local:version($o?pre), (), ())),
  for $o in $restored return replace value of node $o?m/@s with 'r',
  for $o in $outcomes[?state != 'applied'] return (replace value of node $o?m/@s with 'k', replace value of node $o?m/@why with $o?state),
  replace value of node $b/@updated with $log-at
)`;

/**
 * Puts back the pre-images of the next `size` entries the operation wrote, each only while the
 * entry is still as the operation left it; the others are kept as they are, marked with why
 * (`changed`, `missing`, `compacted`). Every restore is an `undo` record in the change log.
 */
export async function undoBulkBatch(session: Queryable, db: string, opId: number, size: number, change: ChangeMeta): Promise<Omit<BatchResult, 'stop'>> {
  const { keys, rest } = keyLines(await session.query(onDatabase(db, UNDO_BATCH), { path: operationPath(opId), size, ...changeBindings(change) }));
  return { outcomes: numbered(rest), keys };
}
