import { createHash, randomUUID } from 'node:crypto';
import type { FieldEdit } from '../domain/edits.js';
import { LIFT_PATHS } from './documents.js';
import { ENTRY_PARTS_FUNCTIONS } from './entry-parts-xquery.js';

/**
 * The XQuery that applies a FieldEdit to an entry, shared by inline edits and bulk operations.
 *
 * Every part of the edit arrives as a bound external variable; this text never changes, so no
 * user value can become query syntax. `local:edited($e)` returns the changed copy of an entry
 * (with dateModified stamped), or the entry itself when the edit changes nothing. It edits the
 * senses of LIFT_PATHS, as filters and views read them.
 */

/**
 * The version callers compare for optimistic concurrency: a hash of the entry's XML, the MD5 of
 * its UTF-8 serialization in upper-case hex. `versionOf` computes the same from that XML in Node.
 */
export const VERSION_FUNCTION = String.raw`
declare function local:xml($e as element(entry)) as xs:string {
  serialize($e, map { 'method': 'xml', 'indent': 'no' })
};
(: The version of an entry serialized by local:xml: a writer that also keeps the pre-image
   serializes the entry once for both. :)
declare function local:xml-version($xml as xs:string) as xs:string {
  string(xs:hexBinary(hash:md5($xml)))
};
declare function local:version($e as element(entry)) as xs:string {
  local:xml-version(local:xml($e))
};
`;

/** local:version of an entry whose serialization is `xml`, without asking BaseX to hash it again. */
export function versionOf(xml: string): string {
  return createHash('md5').update(xml, 'utf8').digest('hex').toUpperCase();
}

/** External variables of the prolog, filled from a FieldEdit by `fieldEditBindings`. */
export const FIELD_EDIT_PROLOG = String.raw`
declare variable $action as xs:string external;
declare variable $field as xs:string external;
declare variable $lang as xs:string external := '';
declare variable $name as xs:string external := '';
declare variable $sense as xs:integer external := -1;
declare variable $value as xs:string external := '';
declare variable $pattern as xs:string external := '';
declare variable $replacement as xs:string external := '';
declare variable $flags as xs:string external := '';
declare variable $example as xs:integer external := -1;
declare variable $to as xs:integer external := -1;
declare variable $index as xs:integer external := -1;
declare variable $ref as xs:string external := '';
(: The id of a sense being added, made in Node: the stored entry and the copy get the same one. :)
declare variable $new-id as xs:string external := '';
(: 'true' for the entry's own trait or custom field, never its senses'. :)
declare variable $on-entry as xs:string external := '';

(: FLEx's default name for semantic domain traits. :)
declare variable $domain-trait := if ($name) then $name else 'semantic-domain-ddp4';

declare function local:now() as xs:string {
  format-dateTime(adjust-dateTime-to-timezone(current-dateTime(), xs:dayTimeDuration('PT0S')),
    '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z')
};

(: One top-level sense by position, or every sense and subsense: LIFT_PATHS.senses, the senses
   filters test and views show. :)
declare function local:edited-senses($e as element(entry)) as element()* {
  if ($sense ge 0) then $e/sense[$sense + 1] else ${LIFT_PATHS.senses('$e')}
};

(: The elements a field lives in: the entry, or its senses. A trait or custom field lives where
   the dictionary has it, the entry or any sense, as the query model finds it; where no element
   has it yet, a new one goes on the entry (or on the sense chosen). :)
declare function local:owners($e as element(entry)) as element()* {
  switch ($field)
    case 'gloss' case 'definition' case 'pos' case 'semantic-domain' return local:edited-senses($e)
    case 'note' return if ($sense ge 0) then local:edited-senses($e) else $e
    case 'example' return local:edited-senses($e)
    (: A translation's forms live in a <translation> of the example, so the example owns them. :)
    case 'translation' return local:examples(local:edited-senses($e))
    case 'trait' case 'custom' return
      if ($sense ge 0) then local:edited-senses($e) else if ($on-entry = 'true') then $e else
      let $holding := ($e, local:edited-senses($e))[if ($field = 'trait') then trait[@name = $name] else field[@type = $name]]
      return if (exists($holding)) then $holding else $e
    default return $e
};

(: The example of a sense chosen by position, or all of them. :)
declare function local:examples($senses as element()*) as element()* {
  if ($example ge 0) then $senses/example[$example + 1] else $senses/example
};

(: The containers of forms of a text field inside one owner (glosses have none). :)
declare function local:containers($owner as element()) as element()* {
  switch ($field)
    case 'lexeme' return $owner/lexical-unit
    case 'citation' return $owner/citation
    case 'definition' return $owner/definition
    case 'note' return $owner/note[if ($name) then @type = $name else empty(@type)]
    case 'custom' return $owner/field[@type = $name]
    case 'example' return local:examples($owner)
    case 'translation' return $owner/translation
    default return ()
};

(: Elements with @lang holding a <text>: forms, or glosses. :)
declare function local:holders($owner as element()) as element()* {
  let $all := if ($field = 'gloss') then $owner/gloss else local:containers($owner)/form
  return if ($lang) then $all[@lang = $lang] else $all
};

declare function local:changed($old as xs:string) as xs:string {
  switch ($action)
    case 'set' return $value
    case 'append' return $old || $value
    case 'prepend' return $value || $old
    case 'replace' return replace($old, $pattern, $replacement, $flags)
    default return $old
};

(: The field's values in an entry, as a preview and the change log show them: for a sense added,
   deleted or moved, the glosses of each sense; for an entry deleted, its headword. :)
declare function local:field-values($e as element(entry)) as xs:string* {
  if ($field = 'sense') then $e/sense ! string-join(gloss/text, '; ')
  else if ($field = 'entry') then $e/lexical-unit/form/text/string()
  else if ($field = ('pronunciation', 'variant', 'relation')) then local:part-values($e)
  else for $o in local:owners($e)
  return if ($field = 'pos') then $o/grammatical-info/@value/string()
    else if ($field = 'trait') then $o/trait[@name = $name]/@value/string()
    else if ($field = 'semantic-domain') then $o/trait[@name = $domain-trait]/@value/string()
    else local:holders($o)/string(text)
};

(: A new container for a text field, holding one form. :)
declare function local:new-container() as element() {
  let $form := <form lang="{$lang}"><text>{$value}</text></form>
  return switch ($field)
    case 'lexeme' return <lexical-unit>{$form}</lexical-unit>
    case 'citation' return <citation>{$form}</citation>
    case 'definition' return <definition>{$form}</definition>
    case 'note' return if ($name) then <note type="{$name}">{$form}</note> else <note>{$form}</note>
    case 'gloss' return <gloss lang="{$lang}"><text>{$value}</text></gloss>
    case 'example' return <example>{$form}</example>
    case 'translation' return <translation>{$form}</translation>
    default return <field type="{$name}">{$form}</field>
};

(: Where a new child goes: after the last of the preceding kinds, else first (LIFT order). :)
declare %updating function local:insert($owner as element(), $new as element(), $after as xs:string*) {
  let $anchor := $owner/*[local-name() = $after][last()]
  return if ($anchor) then insert node $new after $anchor
    else if ($owner/sense and $owner instance of element(entry)) then insert node $new before $owner/sense[1]
    else insert node $new as first into $owner
};

declare %updating function local:set-text($holder as element()) {
  if ($holder/text) then replace value of node $holder/text with local:changed(string($holder/text))
  else insert node <text>{local:changed('')}</text> into $holder
};

declare %updating function local:edit-text($owner as element()) {
  let $holders := local:holders($owner)
  return switch ($action)
    case 'clear' return (
      for $c in (if ($field = ('gloss', 'example')) then () else local:containers($owner))
      (: A container left without forms goes too; an example keeps its translations (deleting it is its own edit). :)
      return if (every $f in $c/form satisfies exists($holders[. is $f])) then delete node $c
        else delete node $holders[.. is $c],
      if ($field = ('gloss', 'example')) then delete node $holders else ()
    )
    case 'set' return local:set-or-create($owner, $holders)
    default return
      let $filled := $holders[normalize-space(string(text))]
      (: Appending to a field an owner lacks (in one writing system) creates it with the value. :)
      return if (empty($filled) and $lang and $action = ('append', 'prepend')) then local:set-or-create($owner, $holders)
        else for $h in $filled return local:set-text($h)
};

(: The field set to $value: in the forms it has, else a new form in its container, else a new container. :)
declare %updating function local:set-or-create($owner as element(), $holders as element()*) {
  if ($holders) then for $h in $holders return local:set-text($h)
  else if ($field != 'gloss' and local:containers($owner)) then
    insert node <form lang="{$lang}"><text>{$value}</text></form> as last into local:containers($owner)[1]
  else local:insert($owner, local:new-container(), switch ($field)
    case 'citation' return 'lexical-unit'
    case 'gloss' return ('grammatical-info', 'gloss')
    case 'definition' return ('grammatical-info', 'gloss')
    case 'example' return ('grammatical-info', 'gloss', 'definition', 'relation', 'note', 'example')
    case 'translation' return ('form', 'translation')
    default return ('lexical-unit', 'citation', 'trait', 'note', 'field'))
};

declare function local:with-value($holders as element()*) as element()* {
  $holders[normalize-unicode(@value) = normalize-unicode($value)]
};

declare %updating function local:edit-value($owner as element()) {
  let $holders := switch ($field)
    case 'pos' return $owner/grammatical-info
    case 'trait' return $owner/trait[@name = $name]
    default return $owner/trait[@name = $domain-trait]
  let $new := switch ($field)
    case 'pos' return <grammatical-info value="{$value}"/>
    case 'trait' return <trait name="{$name}" value="{$value}"/>
    default return <trait name="{$domain-trait}" value="{$value}"/>
  return switch ($action)
    case 'clear' return delete node $holders
    case 'set' return
      if ($field = 'semantic-domain' or empty($holders)) then (
        delete node $holders,
        local:insert($owner, $new, ('grammatical-info', 'gloss', 'definition', 'lexical-unit', 'citation', 'trait')))
      else (replace value of node $holders[1]/@value with $value, delete node $holders[position() > 1])
    (: One value of a list added or deleted; values compare after NFC (FLEx's ranges are NFD). :)
    case 'add' return
      if (local:with-value($holders)) then ()
      else if (empty($holders)) then local:insert($owner, $new, ('grammatical-info', 'gloss', 'definition', 'lexical-unit', 'citation', 'trait'))
      else insert node $new after $holders[last()]
    case 'delete' return delete node local:with-value($holders)
    case 'append' case 'prepend' return
      if ($field = 'semantic-domain') then
        if (local:with-value($holders)) then ()
        else if (empty($holders)) then local:insert($owner, $new, ('grammatical-info', 'gloss', 'definition'))
        else if ($action = 'append') then insert node $new after $holders[last()]
        else insert node $new before $holders[1]
      else for $h in $holders[normalize-space(@value)] return replace value of node $h/@value with local:changed($h/@value)
    default return
      for $h in $holders[normalize-space(@value)] return replace value of node $h/@value with local:changed($h/@value)
};

(: A sense added (at the end, or as the last subsense of the sense chosen), deleted, or moved to
   another place among the senses. :)
declare %updating function local:edit-sense($e as element(entry)) {
  let $s := $e/sense[$sense + 1]
  return switch ($action)
    case 'add' return
      let $gloss := if ($value != '' and $lang) then <gloss lang="{$lang}"><text>{$value}</text></gloss> else ()
      return if ($sense lt 0) then local:insert($e, <sense id="{$new-id}">{$gloss}</sense>, ('lexical-unit', 'citation', 'pronunciation', 'variant', 'sense'))
        else if ($s) then insert node <subsense id="{$new-id}">{$gloss}</subsense> as last into $s
        else ()
    case 'delete' return delete node $s
    case 'move' return
      let $target := $e/sense[$to + 1]
      return if (empty($s) or empty($target) or $s is $target) then ()
        else (delete node $s, if ($to gt $sense) then insert node $s after $target else insert node $s before $target)
    default return ()
};

(: An example added to the sense, after its last example (or its glosses and definition), or deleted. :)
declare %updating function local:edit-example($sense as element()) {
  if ($action = 'add') then local:insert($sense, local:new-container(), ('grammatical-info', 'gloss', 'definition', 'relation', 'note', 'example'))
  else delete node local:examples($sense)
};

(: The tombstone FLEx leaves: the entry's attributes, dateDeleted last, no content. Attributes
   are put back whole so dateDeleted follows them (an inserted attribute would come first). :)
declare %updating function local:delete-entry($e as element(entry)) {
  delete node ($e/node(), $e/@*),
  insert node ($e/@*[not(name() = 'dateDeleted')] ! (if (name() = 'dateModified') then attribute dateModified { local:now() } else .),
    if ($e/@dateModified) then () else attribute dateModified { local:now() }, attribute dateDeleted { local:now() }) into $e
};

declare %updating function local:apply($e as element(entry)) {
  if ($field = 'entry') then local:delete-entry($e)
  else if ($field = 'sense') then local:edit-sense($e)
  else if ($field = ('pronunciation', 'variant', 'relation')) then local:edit-part($e)
  else for $owner in local:owners($e)
  return if ($field = 'example' and $action = ('add', 'delete')) then local:edit-example($owner)
    else if ($field = ('pos', 'trait', 'semantic-domain')) then local:edit-value($owner) else local:edit-text($owner)
};

${ENTRY_PARTS_FUNCTIONS}
declare %updating function local:stamp($e as element(entry)) {
  if ($e/@dateModified) then replace value of node $e/@dateModified with local:now()
  else insert node attribute dateModified { local:now() } into $e
};

(: The entry as the edit leaves it: a changed copy with dateModified stamped, or the entry itself
   when the edit changes nothing. current-dateTime() is fixed for a whole query, so applying
   local:apply and local:stamp to the stored entry in the same query gives exactly this copy.
   One copy, edited and stamped at once, compared by its children: an edit never touches the
   entry's own attributes, and a second copy for the stamp made bulk runs a third slower. :)
declare function local:edited($e as element(entry)) as element(entry) {
  let $changed := copy $c := $e modify (local:apply($c), local:stamp($c)) return $c
  return if (deep-equal($e/node(), $changed/node())) then $e else $changed
};
`;

/** Bindings for the prolog's external variables. */
export function fieldEditBindings(edit: FieldEdit): Record<string, string | number> {
  return {
    example: edit.example ?? -1,
    to: edit.to ?? -1,
    index: edit.index ?? -1,
    ref: edit.ref ?? '',
    'new-id': edit.field === 'sense' && edit.action === 'add' ? randomUUID() : '',
    action: edit.action,
    field: edit.field,
    lang: edit.lang ?? '',
    name: edit.name ?? '',
    sense: edit.sense ?? -1,
    'on-entry': edit.onEntry ? 'true' : '',
    value: edit.value ?? '',
    pattern: edit.pattern ?? '',
    replacement: edit.replacement ?? '',
    flags: edit.flags ?? '',
  };
}
