import type { Queryable } from '../basex/queryable.js';
import { onDatabase } from './database-query.js';
import { LIFT_DOC } from './documents.js';

/**
 * Curation as LIFT annotations, so that it travels with a file (FLEx round trip, an archive).
 *
 * Each member of a workset carries, on its `<entry>`, annotations named
 * `workset-browser:<workset name>:<what>`:
 * - `status` (value pending, done or review; `who` and `when` of the member's last change) —
 *   every member has one, so it also says who belongs;
 * - `place` (value: its place in the work list), `favourite` (value `true`, only when it is),
 *   `assigned-to` (value: the person, only when someone is) and `notes` (its text in a `<form
 *   lang="und">`, only when there are notes);
 * - `query` (value: the workset's query as JSON; the description, if any, as a form), on the
 *   first member only.
 *
 * LIFT's header has no place for data of another tool (its `<fields>` are FLEx's custom field
 * definitions: a query there would become a field), so the query rides on an entry too; an
 * empty workset therefore does not travel.
 */
export const CURATION_PREFIX = 'workset-browser:';

/** One annotation of ours as read from a dictionary. */
export interface CarriedAnnotation {
  readonly guid: string;
  readonly workset: string;
  readonly what: string;
  readonly value: string;
  readonly who: string;
  readonly when: string;
  /** The first form's text (notes, the description). */
  readonly text: string;
}

/** XQuery functions of the curated export chunk: `local:curated($entry, $members)`. */
const CURATED_FUNCTIONS = String.raw`
declare variable $prefix := '${CURATION_PREFIX}';
declare function local:form($text as xs:string) as element(form)? {
  if ($text = '') then () else <form lang="und"><text>{ $text }</text></form>
};
declare function local:annotations($members as element(m)*) as element(annotation)* {
  for $m in $members
  let $w := $m/..
  order by xs:integer($w/@id)
  let $name := $prefix || $w/@name || ':'
  return (
    <annotation name="{$name}status" value="{$m/@s}">{ $m/@by[. != ''] ! attribute who { . }, $m/@at[. != ''] ! attribute when { . } }</annotation>,
    <annotation name="{$name}place" value="{$m/@p}"/>,
    if ($m/@f = '1') then <annotation name="{$name}favourite" value="true"/> else (),
    if (string($m/@to) != '') then <annotation name="{$name}assigned-to" value="{$m/@to}"/> else (),
    if (string($m) != '') then <annotation name="{$name}notes">{ local:form(string($m)) }</annotation> else (),
    if ($m is $w/m[1]) then <annotation name="{$name}query" value="{$w/@query}">{ local:form(string($w/@description)) }</annotation> else ()
  )
};
(: Our annotations an entry already had (from an imported file) give way to the worksets' own:
   a file never carries one workset's curation twice. New ones follow the last other element,
   each after the same whitespace as that element, so the file keeps its layout. :)
declare function local:curated($entry as element(entry), $members as element(m)*) as element(entry) {
  copy $c := $entry
  modify (
    for $old in $c/annotation[starts-with(@name, $prefix)]
    return (delete node $old, delete node $old/preceding-sibling::node()[1][self::text()][normalize-space() = '']),
    let $last := $c/*[not(self::annotation[starts-with(@name, $prefix)])][last()]
    let $space := string(($last/preceding-sibling::node()[1][self::text()][normalize-space() = ''])[1])
    let $new := for $a in local:annotations($members) return (if ($space = '') then () else text { $space }, $a)
    return if (exists($last)) then insert node $new after $last else insert node $new as last into $c
  )
  return $c
};`;

/**
 * The export chunk (document-writer.ts's CHUNK) with each entry's curation added as annotations:
 * the members of this chunk's entries are looked up once per chunk, through a map.
 */
export const CURATED_CHUNK = String.raw`
declare option output:method 'text';
declare variable $db external;
declare variable $log-db external;
declare variable $pre external;
declare variable $count external;
${CURATED_FUNCTIONS}
let $first := db:open-pre($db, $pre)
let $nodes := ($first, $first/following-sibling::node()[position() < $count])
let $next := $nodes[last()]/following-sibling::node()[1]
let $wanted := map:merge($nodes/self::entry/@guid ! map { string(.): true() })
let $worksets := if (db:exists($log-db)) then db:open($log-db, 'worksets')/workset else ()
let $members := map:merge(
  for $m in $worksets/m[map:contains($wanted, string(@guid))]
  group by $guid := string($m/@guid)
  return map { $guid: $m })
let $out := for $node in $nodes
  return if ($node instance of element(entry) and (map:contains($members, string($node/@guid)) or exists($node/annotation[starts-with(@name, $prefix)])))
    then local:curated($node, $members(string($node/@guid)))
    else $node
return (
  serialize($out, map { 'method': 'xml', 'indent': 'no', 'item-separator': '' }),
  string(head(($next ! db:node-pre(.), -1)))
)
`;

/** How many worksets (with at least one member) the dictionary has on its server: what an export with curation carries. */
export async function worksetsWithMembers(session: Queryable, db: string): Promise<number> {
  const [count] = await session.query(
    onDatabase(db, `declare variable $db external; declare variable $log-db external;
     count(if (db:exists($log-db)) then db:open($log-db, 'worksets')/workset[m] else ())`),
    {},
    { idempotent: true },
  );
  return Number(count ?? 0);
}

const OURS = `db:open($db, '${LIFT_DOC}')/lift/entry/annotation[starts-with(@name, '${CURATION_PREFIX}')]`;

/** The names of the worksets whose curation the dictionary's entries carry (from an imported file). */
export async function carriedWorksetNames(session: Queryable, db: string): Promise<string[]> {
  return session.query(
    onDatabase(db, `declare variable $db external;
     distinct-values(for $a in ${OURS} return replace(substring-after($a/@name, '${CURATION_PREFIX}'), ':[^:]*$', ''))`),
    {},
    { idempotent: true },
  );
}

/** Every annotation of ours in the dictionary, in document order. */
export async function carriedAnnotations(session: Queryable, db: string): Promise<CarriedAnnotation[]> {
  const json = await session.execute(
    onDatabase(db, `declare variable $db external;
     serialize(array { for $a in ${OURS}
       let $name := substring-after($a/@name, '${CURATION_PREFIX}')
       return map {
         'guid': string($a/../@guid), 'workset': replace($name, ':[^:]*$', ''), 'what': replace($name, '^.*:', ''),
         'value': string($a/@value), 'who': string($a/@who), 'when': string($a/@when), 'text': string($a/form[1]/text)
       } }, map { 'method': 'json' })`),
    {},
    { idempotent: true },
  );
  return JSON.parse(json) as CarriedAnnotation[];
}
