import type { Queryable } from '../basex/queryable.js';
import { WORKSET_OPS, type ChangeRecord } from '../domain/changes.js';
import { isEditField } from '../domain/edits.js';
import { CHANGE_LOG_PROLOG, changeBindings, LOG_RECORDS, withChangeLog, type ChangeMeta } from './change-log.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';
import { LIVE_ENTRY } from './entry-xml.js';
import { FIELD_EDIT_PROLOG, fieldEditBindings, VERSION_FUNCTION } from './field-edit-xquery.js';
import { THREE_WAY_MERGE } from './three-way-merge-xquery.js';

/**
 * Reverts one recorded change: the entry goes back to the change's pre-image where the change
 * touched it, and keeps what was changed since elsewhere (three-way-merge-xquery.ts). One updating
 * query reads the entry, merges, writes it and records the revert, so nothing written between the
 * look and the write can be lost.
 *
 * What the change left (`$a` of the merge) is the pre-image of the entry's next change, or the
 * entry as it is when nothing changed it since — then the pre-image goes back whole, byte for byte.
 */

export type RevertState = 'applied' | 'unchanged' | 'conflict' | 'missing' | 'replaced' | 'compacted';

export interface RevertOutcome {
  readonly state: RevertState;
  /** The entry's version after the revert (applied) or now. */
  readonly version?: string;
  /** The revert's own record (applied), or the import or restore that replaced the dictionary since (replaced). */
  readonly seq?: number;
}

const REVERT = String.raw`declare option db:chop 'false';
${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${CHANGE_LOG_PROLOG}${LIVE_ENTRY}${THREE_WAY_MERGE}
declare variable $seq as xs:integer external;
declare variable $guid as xs:string external;

(: The entry stamped as modified now: the three trees of a merge agree on the stamp, and a merged
   entry keeps its attributes in their order. :)
declare function local:dated($e as element(entry)) as element(entry) {
  copy $c := $e modify local:stamp($c) return $c
};

let $record := ${LOG_RECORDS}[@seq = string($seq)]
(: A deleted entry is a tombstone: only a change that deleted or created the entry (field
   'entry') reverts it, bringing it back or leaving the tombstone; any other change is of an
   entry no longer there. :)
let $e := if ($record/@field = 'entry') then (local:entry($guid), $doc/lift/entry[@guid = $guid])[1] else local:entry($guid)
(: The entry's next change: a workset's curation of it (status, favourite, notes) has the entry's
   guid but no pre-image, and does not touch the entry, so it is passed over. :)
let $next := ${LOG_RECORDS}[@guid = $guid][xs:integer(@seq) > $seq][not(@op = ('${WORKSET_OPS.join("', '")}'))][1]
let $replaced := ${LOG_RECORDS}[@op = ('import', 'restore')][xs:integer(@seq) > $seq][1]
return if ($replaced) then update:output('replaced&#9;&#9;' || $replaced/@seq)
else if (empty($record/pre) or ($next and empty($next/pre))) then update:output('compacted')
else if (empty($e)) then update:output('missing')
else
  let $p := parse-xml($record/pre/string())/entry
  let $a := if ($next) then parse-xml($next/pre/string())/entry else $e
  let $reverted := try {
      if (deep-equal($e, $a)) then $p
      else local:merge(local:dated($a), local:dated($e), local:dated($p))
    } catch local:conflict { () }
  let $version := local:version($e)
  return if (empty($reverted)) then update:output('conflict&#9;' || $version)
  else if (deep-equal($reverted, $e) or deep-equal($reverted, local:dated($e))) then update:output('unchanged&#9;' || $version)
  else let $after := local:version($reverted)
  return (
    update:output('applied&#9;' || $after || '&#9;' || ($log-last + 1)),
    replace node $e with $reverted,
    local:log(local:change($log-last + 1, $e, $version, $after, local:field-values($e), local:field-values($reverted)))
  )`;

/**
 * Reverts change `record` of dictionary `db` (its `guid`), recording the revert with `change`
 * (whose op, field and `reverts` the caller sets). With `force`, parts changed both by the change
 * and since go back to the pre-image too; without, that is a `conflict` and nothing is written.
 */
export async function revertChange(
  session: Queryable,
  db: string,
  record: ChangeRecord,
  change: ChangeMeta,
  force: boolean,
): Promise<RevertOutcome> {
  // The field's values before and after, for the revert's record (none for a whole-entry change).
  const field = isEditField(record.field)
    ? fieldEditBindings({ action: 'set', field: record.field, lang: record.lang || undefined, name: record.name || undefined })
    : { action: 'none', field: '' };
  const [line] = await withChangeLog(session, db, () => session.query(
    onDatabase(db, REVERT),
    { seq: record.seq, guid: record.guid, force, ...field, ...changeBindings(change) },
  ));
  const [state, version, seq] = line.split('\t');
  return { state: state as RevertState, version: version || undefined, seq: seq ? Number(seq) : undefined };
}
