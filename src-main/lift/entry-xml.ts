import type { Queryable } from '../basex/queryable.js';
import type { FieldEdit } from '../domain/edits.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';
import { CHANGE_LOG_PROLOG, changeBindings, withChangeLog, type ChangeMeta } from './change-log.js';
import { FIELD_EDIT_PROLOG, fieldEditBindings, VERSION_FUNCTION, versionOf } from './field-edit-xquery.js';

/**
 * Entries as XML with their versions, and the writes that change them: an inline edit, a batch
 * of a bulk operation, and the restore of pre-images when a bulk operation is undone. Every
 * write records what it changed in the dictionary's change log (change-log.ts).
 *
 * Every write checks the version the caller saw (a hash of the entry's XML computed in BaseX)
 * inside the same updating query as the change, so a concurrent change is never overwritten.
 */

export interface EntryXml {
  readonly guid: string;
  readonly xml: string;
  /** Hash of the entry's XML: what the caller sends back to prove what it saw. */
  readonly version: string;
}

/** What happened to one entry in a write. */
export type WriteState = 'applied' | 'unchanged' | 'changed' | 'missing';

export interface WriteOutcome {
  readonly guid: string;
  readonly state: WriteState;
  /** The entry's version after the write (or now, when it was not written). */
  readonly version?: string;
  /** The change log's record of an applied write. */
  readonly seq?: number;
}

/**
 * Reading never sees a tombstone: deleted entries have no content to edit. The guid test
 * stands alone in its step so BaseX 9.7 answers it from the attribute index; chained with the
 * other predicates it scans every entry (measured: 8 times slower at 1,500 entries).
 */
export const LIVE_ENTRY = `declare function local:entry($g as xs:string) as element(entry)? {
  let $e := $doc/lift/entry[@guid = $g]
  return $e[empty(@dateDeleted)][1]
};`;

/** Serialization that keeps the entry's own whitespace and adds none. */
const NO_INDENT = `declare option output:indent 'no';`;

/**
 * The XML and version of each entry, in the order asked; missing ones are left out.
 *
 * The version is hashed here from the XML BaseX sends anyway: serializing each entry a second
 * time in BaseX to hash it there made journalling a bulk operation a quarter slower.
 */
export async function readEntries(session: Queryable, db: string, guids: readonly string[]): Promise<EntryXml[]> {
  if (guids.length === 0) return [];
  const items = await session.query(
    onDatabase(db, `${NO_INDENT}${LIFT_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     for $g in $guids
     let $e := local:entry($g)
     where $e
     return ($g, serialize($e, map { 'method': 'xml', 'indent': 'no' }))`),
    { guids: [...guids] },
    { idempotent: true },
  );
  const entries: EntryXml[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) entries.push({ guid: items[i], version: versionOf(items[i + 1]), xml: items[i + 1] });
  return entries;
}

/**
 * Applies one edit to each entry whose version is still the one given; the rest are reported
 * as `changed` (someone else wrote it) or `missing`. One updating query, all or nothing, that
 * also records each entry it changes in the dictionary's change log.
 */
export async function applyEdit(
  session: Queryable,
  db: string,
  edit: FieldEdit,
  expected: readonly { readonly guid: string; readonly version: string }[],
  change: ChangeMeta,
): Promise<WriteOutcome[]> {
  if (expected.length === 0) return [];
  const meta = { ...change, field: edit.field, lang: edit.lang, name: edit.name };
  const lines = await withChangeLog(session, db, () => session.query(
    onDatabase(db, `${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${CHANGE_LOG_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     declare variable $versions as xs:string* external;
     let $outcomes := for $g at $i in $guids
       let $e := local:entry($g)
       return if (empty($e)) then map { 'line': $g || '&#9;missing' }
         else if (local:version($e) != $versions[$i]) then map { 'line': $g || '&#9;changed&#9;' || local:version($e) }
         else let $c := local:edited($e)
           return if ($c is $e) then map { 'line': $g || '&#9;unchanged&#9;' || local:version($e) }
           else let $after := local:version($c)
             return map { 'line': $g || '&#9;applied&#9;' || $after, 'entry': $e, 'copy': $c, 'before': $versions[$i], 'after': $after }
     let $applied := $outcomes[exists(?entry)]
     return (
       update:output('last&#9;' || $log-last),
       for $o in $outcomes return update:output($o?line),
       (: The same updates on the stored entry, not a replace by the copy: BaseX then rewrites
          a few nodes instead of the whole entry and its index keys (3 times faster). :)
       for $o in $applied return (local:apply($o?entry), local:stamp($o?entry)),
       local:log(for $o at $k in $applied
         return local:change($log-last + $k, $o?entry, $o?before, $o?after, local:field-values($o?entry), local:field-values($o?copy)))
     )`),
    { guids: expected.map((e) => e.guid), versions: expected.map((e) => e.version), ...fieldEditBindings(edit), ...changeBindings(meta) },
  ));
  return numbered(lines);
}

/**
 * Pre-images travel as one document, `<pre-images>` around the entries' XML, parsed once as
 * `$pres` in the query: a parse-xml per entry was most of the cost of an undo (measured at
 * 5,000 entries: 1.3 s against 0.5 s). The entries are well-formed XML serialized by BaseX, so
 * putting them side by side is well-formed too, and their own whitespace is kept (CHOP off).
 */
const PRE_IMAGES = `parse-xml($xmls)/pre-images/entry`;

function preImagesDocument(xmls: readonly string[]): string {
  return `<pre-images>${xmls.join('')}</pre-images>`;
}

/**
 * Puts pre-images back (undo). An entry is restored only while it still has the version the
 * operation left; one changed since is reported as `changed` and left alone. Each entry put
 * back is recorded in the change log, in the same query.
 */
export async function restoreEntries(
  session: Queryable,
  db: string,
  restores: readonly { readonly guid: string; readonly xml: string; readonly expectedVersion: string }[],
  change: ChangeMeta,
): Promise<WriteOutcome[]> {
  if (restores.length === 0) return [];
  const lines = await withChangeLog(session, db, () => session.query(
    onDatabase(db, `declare option db:chop 'false';
     ${LIFT_PROLOG}${VERSION_FUNCTION}${CHANGE_LOG_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     declare variable $xmls as xs:string external;
     declare variable $versions as xs:string* external;
     let $pres := ${PRE_IMAGES}
     let $outcomes := for $g at $i in $guids
       let $e := local:entry($g)
       return if (empty($e)) then map { 'line': $g || '&#9;missing' }
         else if (local:version($e) != $versions[$i]) then map { 'line': $g || '&#9;changed&#9;' || local:version($e) }
         else map { 'line': $g || '&#9;applied', 'entry': $e, 'before': $versions[$i], 'pre': $pres[$i] }
     let $restored := $outcomes[exists(?entry)]
     return (
       update:output('last&#9;' || $log-last),
       for $o in $outcomes return update:output($o?line),
       for $o in $restored return replace node $o?entry with $o?pre,
       local:log(for $o at $k in $restored return local:change($log-last + $k, $o?entry, $o?before, local:version($o?pre), (), ()))
     )`),
    {
      guids: restores.map((r) => r.guid),
      xmls: preImagesDocument(restores.map((r) => r.xml)),
      versions: restores.map((r) => r.expectedVersion),
      ...changeBindings(change),
    },
  ));
  return numbered(lines);
}

/**
 * After a crash, tells for each journalled entry whether the edit reached BaseX: `applied` when
 * the entry is its pre-image with the edit applied (dateModified aside), `unchanged` when it is
 * still the pre-image, `changed` when someone else wrote it since.
 */
export async function reconcileEdit(
  session: Queryable,
  db: string,
  edit: FieldEdit,
  rows: readonly { readonly guid: string; readonly preImage: string; readonly previewVersion: string }[],
): Promise<WriteOutcome[]> {
  if (rows.length === 0) return [];
  const lines = await session.query(
    onDatabase(db, `declare option db:chop 'false';
     ${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     declare variable $xmls as xs:string external;
     declare variable $previews as xs:string* external;
     declare function local:undated($e as element(entry)) as element(entry) {
       copy $c := $e modify delete node $c/@dateModified return $c
     };
     let $pres := ${PRE_IMAGES}
     for $g at $i in $guids
     let $e := local:entry($g)
     return if (empty($e)) then $g || '&#9;missing'
       else if (local:version($e) = $previews[$i]) then $g || '&#9;unchanged&#9;' || local:version($e)
       else if (deep-equal(local:undated($e), local:undated(local:edited($pres[$i]))))
         then $g || '&#9;applied&#9;' || local:version($e)
       else $g || '&#9;changed&#9;' || local:version($e)`),
    { guids: rows.map((r) => r.guid), xmls: preImagesDocument(rows.map((r) => r.preImage)), previews: rows.map((r) => r.previewVersion), ...fieldEditBindings(edit) },
    { idempotent: true },
  );
  return lines.map(parseOutcome);
}

/** The values of an edit's field before and after the edit, for a preview. */
export async function previewEdit(
  session: Queryable,
  db: string,
  edit: FieldEdit,
  guids: readonly string[],
): Promise<{ guid: string; before: string[]; after: string[] }[]> {
  if (guids.length === 0) return [];
  const json = await session.execute(
    onDatabase(db, `${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     serialize(array { for $g in $guids let $e := local:entry($g) where $e
       return map { 'guid': $g, 'before': array { local:field-values($e) }, 'after': array { local:field-values(local:edited($e)) } } },
       map { 'method': 'json' })`),
    { guids: [...guids], ...fieldEditBindings(edit) },
    { idempotent: true },
  );
  return JSON.parse(json) as { guid: string; before: string[]; after: string[] }[];
}

/**
 * How many of `guids` an edit would really change (its field's values differ after it), and the
 * first `first` of them in the order given: a preview says up front what a run will do, and lists
 * the entries that change before those that do not.
 */
export async function changingEntries(
  session: Queryable,
  db: string,
  edit: FieldEdit,
  guids: readonly string[],
  first: number,
): Promise<{ count: number; first: string[] }> {
  if (guids.length === 0) return { count: 0, first: [] };
  const [count = '0', ...firstGuids] = await session.query(
    onDatabase(db, `${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${LIVE_ENTRY}
     declare variable $guids as xs:string* external;
     declare variable $first as xs:integer external;
     let $changing := for $g in $guids let $e := local:entry($g)
       where $e and not(deep-equal(local:field-values($e), local:field-values(local:edited($e))))
       return $g
     return (string(count($changing)), subsequence($changing, 1, $first))`),
    { guids: [...guids], first, ...fieldEditBindings(edit) },
    { idempotent: true },
  );
  return { count: Number(count), first: firstGuids };
}

/**
 * Outcomes of a write whose first line is `last<TAB>N`, the log's last record before it: the
 * applied entries' records follow it in the order of the outcomes, as local:log numbers them.
 */
export function numbered(lines: readonly string[]): WriteOutcome[] {
  let seq = Number(lines[0].split('\t')[1]);
  return lines.slice(1).map((line) => {
    const outcome = parseOutcome(line);
    return outcome.state === 'applied' ? { ...outcome, seq: ++seq } : outcome;
  });
}

function parseOutcome(line: string): WriteOutcome {
  const [guid, state, version] = line.split('\t');
  return { guid, state: state as WriteState, version: version || undefined };
}
