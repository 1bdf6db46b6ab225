import { CHANGE_LOG_PROLOG } from './change-log.js';
import { LIFT_PROLOG } from './documents.js';
import { LIVE_ENTRY } from './entry-xml.js';
import { FIELD_EDIT_PROLOG, VERSION_FUNCTION } from './field-edit-xquery.js';

/**
 * The XQuery of a merge of duplicate entries: `local:merged()` is the kept entry as the merge
 * leaves it, and both the preview (MERGE_PREVIEW) and the write (MERGE_WRITE) use it, so what
 * the preview shows is what is written.
 *
 * - Senses: the merged-away entries' senses are appended to the kept one's; a sense whose
 *   glosses and definitions (by writing system and text) an earlier sense already has is kept once.
 * - Single values (a lexeme or citation form in one writing system, an entry trait such as
 *   morph-type): the kept entry's, or another entry's when the user chose it (`$choices`,
 *   `KEY=GUID`); one the kept entry lacks comes from the first merged entry that has it.
 * - Other parts (pronunciations, variants, notes, relations, etymologies, fields) the kept entry
 *   does not already have are added; relations between the entries merged are dropped.
 * - Relations anywhere in the dictionary whose @ref is a merged-away entry's id point at the kept one's.
 * - A merged-away entry becomes FLEx's tombstone (local:delete-entry of field-edit-xquery.ts).
 *
 * Every value arrives as an external variable; the query text never changes.
 */
const MERGE_PROLOG = String.raw`${LIFT_PROLOG}${VERSION_FUNCTION}${FIELD_EDIT_PROLOG}${LIVE_ENTRY}
declare variable $keep as xs:string external;
declare variable $merged as xs:string* external;
declare variable $choices as xs:string* external := ();

declare variable $K := local:entry($keep);
declare variable $Ms := for $g in $merged return local:entry($g);
declare variable $ids := $Ms/@id[. != '']/string();
declare variable $kid := string($K/@id);
declare variable $PARTS := ('pronunciation', 'variant', 'note', 'relation', 'etymology', 'field', 'annotation');

declare function local:single-keys($e as element(entry)) as xs:string* {
  ($e/lexical-unit/form/('lexeme:' || @lang), $e/citation/form/('citation:' || @lang), $e/trait/('trait:' || @name))
};

declare function local:single($e as element(entry), $key as xs:string) as element()? {
  let $kind := substring-before($key, ':')
  let $n := substring-after($key, ':')
  return if ($kind = 'lexeme') then $e/lexical-unit/form[@lang = $n][1]
    else if ($kind = 'citation') then $e/citation/form[@lang = $n][1]
    else $e/trait[@name = $n][1]
};

declare function local:single-value($x as element()) as xs:string {
  if ($x/self::trait) then string($x/@value) else local:exact($x/text[1])
};

(: Each single value some entry has and the kept entry ends with from another (or differently
   held): its holders, the distinct values, and the entry chosen. :)
declare function local:choices() as map(*)* {
  for $key in distinct-values(($K, $Ms) ! local:single-keys(.))
  let $holders := ($K, $Ms)[exists(local:single(., $key))]
  let $values := distinct-values($holders ! local:single-value(local:single(., $key)))
  where count($values) gt 1 or not($holders[1] is $K)
  let $asked := ($choices[starts-with(., $key || '=')] ! substring-after(., '='))[1]
  let $chosen := ($holders[@guid = $asked], $holders)[1]
  return map { 'key': $key, 'holders': $holders, 'values': $values, 'chosen': $chosen, 'byDefault': empty($holders[@guid = $asked]) }
};

declare function local:signature($s as element(sense)) as xs:string {
  string-join(sort(($s/gloss, $s/definition/form) ! (string(@lang) || '=' || local:exact(text[1]))), '|')
};

(: The merged-away entries' senses the kept entry gains: not those an earlier sense has already. :)
declare function local:new-senses() as element(sense)* {
  let $had := $K/sense ! local:signature(.)
  let $incoming := for $m in $Ms return $m/sense
  for $s at $i in $incoming
  let $sig := local:signature($s)
  where $sig = '' or not($sig = ($had, subsequence($incoming, 1, $i - 1) ! local:signature(.)))
  return $s
};

(: Other parts of the merged-away entries the kept one gains, by name, in their order. :)
declare function local:new-parts() as element()* {
  let $incoming := for $m in $Ms return $m/*[local-name() = $PARTS]
  for $c at $i in $incoming
  where not($c/self::relation and $c/@ref = ($ids, $kid))
  where not(some $k in ($K/*, subsequence($incoming, 1, $i - 1)) satisfies deep-equal($k, $c))
  return $c
};

declare %updating function local:insert-single($k as element(entry), $key as xs:string, $x as element()) {
  let $kind := substring-before($key, ':')
  return if ($kind = 'lexeme') then
      if ($k/lexical-unit) then insert node $x as last into $k/lexical-unit[1]
      else insert node <lexical-unit>{ $x }</lexical-unit> as first into $k
    else if ($kind = 'citation') then
      if ($k/citation) then insert node $x as last into $k/citation[1]
      else if ($k/lexical-unit) then insert node <citation>{ $x }</citation> after $k/lexical-unit[1]
      else insert node <citation>{ $x }</citation> as first into $k
    else if ($k/trait) then insert node $x after $k/trait[last()]
    else insert node $x as last into $k
};

declare %updating function local:insert-after-kin($k as element(entry), $new as element()*) {
  if (empty($new)) then ()
  else let $kin := $k/*[node-name() = node-name($new[1])][last()]
  return if ($kin) then insert node $new after $kin else insert node $new as last into $k
};

(: The kept entry as the merge leaves it. :)
declare function local:merged() as element(entry) {
  let $choices := local:choices()
  let $senses := local:new-senses()
  let $parts := local:new-parts()
  return copy $k := $K modify (
    for $c in $choices[not(?chosen is $K)]
    let $x := local:single($c?chosen, $c?key)
    let $here := local:single($k, $c?key)
    return if ($here) then replace node $here with $x else local:insert-single($k, $c?key, $x),
    local:insert-after-kin($k, $senses),
    for $name in distinct-values($parts ! local-name(.)) return local:insert-after-kin($k, $parts[local-name() = $name]),
    delete node $k//relation[@ref = $ids],
    local:stamp($k)
  ) return $k
};

(: An entry elsewhere with its relations to the merged-away entries pointing at the kept one. :)
declare function local:repointed($e as element(entry)) as element(entry) {
  copy $c := $e modify (for $r in $c//relation[@ref = $ids] return replace value of node $r/@ref with $kid, local:stamp($c))
  return $c
};

declare function local:tombstone($e as element(entry)) as element(entry) {
  copy $c := $e modify local:delete-entry($c) return $c
};

(: Live entries elsewhere whose relations point at a merged-away entry (none when the kept entry has no id to point at). :)
declare function local:relating() as element(entry)* {
  if ($kid = '' or empty($ids)) then ()
  else ($doc/lift/entry//relation[@ref = $ids])/ancestor::entry[parent::lift][empty(@dateDeleted)][not(@guid = ($keep, $merged))]
};

declare function local:headword($e as element(entry)) as xs:string {
  local:exact(local:headword-forms($e)[1]/text[1])
};

declare function local:missing() as xs:string* {
  ($keep, $merged)[empty(local:entry(.))]
};
`;

/** The merge as JSON (domain/duplicates.ts MergePreview), or `{"missing":[…]}` naming entries not there. */
export const MERGE_PREVIEW = String.raw`${MERGE_PROLOG}
serialize(
  if (exists(local:missing())) then map { 'missing': array { local:missing() } }
  else
    let $after := local:merged()
    let $new := local:new-senses()
    let $incoming := for $m in $Ms return $m/sense
    let $sense := function($s, $kept) { map { 'from': string($s/ancestor::entry[1]/@guid), 'gloss': string-join($s/gloss/text ! local:exact(.), '; '), 'kept': $kept } }
    return map {
      'keep': map { 'guid': $keep, 'headword': local:headword($K) },
      'merged': array { for $m in $Ms return map { 'guid': string($m/@guid), 'headword': local:headword($m) } },
      'senses': array { $K/sense ! $sense(., true()), for $s in $incoming return $sense($s, some $n in $new satisfies $n is $s) },
      'conflicts': array { for $c in local:choices() return map {
        'key': $c?key, 'chosen': string($c?chosen/@guid), 'byDefault': $c?byDefault,
        'values': array { for $h in $c?holders return map { 'guid': string($h/@guid), 'value': local:single-value(local:single($h, $c?key)) } } } },
      'relations': array { for $e in local:relating(), $r in $e//relation[@ref = $ids]
        return map { 'guid': string($e/@guid), 'headword': local:headword($e), 'type': string($r/@type), 'from': string($r/@ref) } },
      'added': array { local:new-parts() ! (local-name(.) || (if (@type) then ' ' || @type else '') || ' from ' || local:headword(ancestor::entry[1])) },
      'headword': local:headword($after),
      'versions': map:merge(($K, $Ms) ! map { string(@guid): local:version(.) })
    },
  map { 'method': 'json' })`;

/**
 * The merge, in one updating query: the kept entry, each merged-away entry (now a tombstone)
 * and each entry re-pointed are written with a change log record each (op `merge`, the
 * operation's id, the pre-image), and the operation's document `bulk/<id>.xml` records them as
 * written, as a bulk batch does (bulk-writes.ts), so the bulk undo puts every one of them back.
 * Refused, writing nothing, when an entry is gone or not at the version the preview saw
 * (`$versions`: `GUID=VERSION`, empty to skip the check).
 */
export const MERGE_WRITE = String.raw`${MERGE_PROLOG}${CHANGE_LOG_PROLOG}
declare variable $versions as xs:string* external := ();
declare variable $path external;
declare variable $id external;
declare variable $op external;
declare variable $store external;
declare variable $who external;
let $missing := local:missing()
let $changed := for $v in $versions let $g := substring-before($v, '=') let $e := local:entry($g)
  where $e and local:version($e) != substring-after($v, '=') return $g
return if (exists($missing)) then update:output('missing&#9;' || string-join($missing, ' '))
else if (exists($changed)) then update:output('changed&#9;' || string-join($changed, ' '))
else
  let $touched := (
    map { 'entry': $K, 'new': local:merged() },
    for $m in $Ms return map { 'entry': $m, 'new': local:tombstone($m) },
    for $e in local:relating() return map { 'entry': $e, 'new': local:repointed($e) })
  let $written := for $t at $k in $touched
    let $xml := local:xml($t?entry)
    return map { 'entry': $t?entry, 'new': $t?new, 'seq': $log-last + $k, 'xml': $xml, 'before': local:xml-version($xml), 'after': local:version($t?new) }
  let $now := string($log-at)
  return (
    for $w in $written return (replace node $w?entry with $w?new, update:output(string($w?entry/@guid) || '&#9;' || $w?after)),
    local:log(for $w in $written return local:record($w?seq, string($w?entry/@guid), $w?xml, $w?before, $w?after, (), ())),
    db:add($log-db, <bulk id="{$id}" dictionary="{$db}" workset="0" op="{$op}" state="done" requested=""
      total="{count($written)}" changed="{count($written)}" skipped="0" created="{$now}" updated="{$now}" error="" store="{$store}" who="{$who}" legacy=""
      complete="true" runner="" pid="" host="" beat="">{
        for $w in $written return <e g="{$w?entry/@guid}" v="{$w?before}" s="a" record="{$w?seq}" after="{$w?after}" why=""/>
      }</bulk>, $path))`;
