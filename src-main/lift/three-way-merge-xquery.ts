/**
 * The XQuery of a revert's three-way merge of an entry's trees: `$a` as the reverted change left
 * the entry, `$c` as it is now, `$p` as it was before the change (its pre-image).
 *
 * A part that is now as the change left it goes back to the pre-image; a part changed since and
 * not by the change keeps its current state; a part both changed is a conflict (error
 * `local:conflict`), or with `$force` the pre-image wins. So reverting an old change undoes just
 * what it did, keeping what others changed since in other fields — without knowing LIFT's fields.
 *
 * Children are matched by a key: their name, the attributes that tell siblings apart (lang, type,
 * name, guid, id, ref) and their place among siblings of the same key. A child only the
 * pre-image has goes back after the child it followed there.
 */
export const THREE_WAY_MERGE = String.raw`
declare variable $force as xs:boolean external := false();

declare function local:key($n as node()) as xs:string {
  typeswitch ($n)
    case element() return string-join((name($n),
      for $at in $n/@*[local-name() = ('lang', 'type', 'name', 'guid', 'id', 'ref')] order by name($at) return name($at) || '=' || string($at)), '|')
    case text() return '#text'
    case comment() return '#comment'
    case processing-instruction() return '#pi'
    default return '#node'
};

declare function local:keyed($parent as element()?) as map(*)* {
  let $nodes := $parent/node()
  let $keys := $nodes ! local:key(.)
  for $n at $i in $nodes
  return map { 'key': $keys[$i] || '#' || count($keys[position() lt $i][. = $keys[$i]]), 'node': $n }
};

declare function local:clash() as empty-sequence() {
  error(xs:QName('local:conflict'), 'changed since')
};

declare function local:same-attribute($x as attribute()?, $y as attribute()?) as xs:boolean {
  exists($x) = exists($y) and string($x) = string($y)
};

declare function local:merge-attributes($a as element(), $c as element(), $p as element()) as attribute()* {
  for $name in distinct-values(($c/@*, $p/@*, $a/@*) ! name(.))
  let $va := $a/@*[name() = $name]
  let $vc := $c/@*[name() = $name]
  let $vp := $p/@*[name() = $name]
  return if (local:same-attribute($vc, $va)) then $vp
    else if (local:same-attribute($vp, $va) or local:same-attribute($vc, $vp)) then $vc
    else if ($force) then $vp
    else local:clash()
};

declare function local:merge-children($a as element(), $c as element(), $p as element()) as node()* {
  let $ka := local:keyed($a)
  let $kc := local:keyed($c)
  let $kp := local:keyed($p)
  let $c-keys := $kc ! ?key
  let $p-keys := $kp ! ?key
  let $part := function($key as xs:string) as node()* {
    local:merge($ka[?key = $key]?node, $kc[?key = $key]?node, $kp[?key = $key]?node)
  }
  let $p-only := for $key at $i in $p-keys where not($key = $c-keys)
    return map { 'key': $key, 'after': (($p-keys[position() lt $i][. = $c-keys])[last()], '')[1] }
  return (
    for $o in $p-only[?after = ''] return $part($o?key),
    for $key in $c-keys return ($part($key), for $o in $p-only[?after = $key] return $part($o?key))
  )
};

declare function local:merge($a as node()?, $c as node()?, $p as node()?) as node()* {
  if (deep-equal($c, $a)) then $p
  else if (deep-equal($p, $a) or deep-equal($c, $p)) then $c
  else if ($a instance of element() and $c instance of element() and $p instance of element()
      and node-name($a) eq node-name($c) and node-name($a) eq node-name($p))
    then element { node-name($c) } { local:merge-attributes($a, $c, $p), local:merge-children($a, $c, $p) }
  else if ($force) then $p
  else local:clash()
};
`;
