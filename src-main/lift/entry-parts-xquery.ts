/**
 * The part of the field-edit prolog (field-edit-xquery.ts) that edits an entry's pronunciations,
 * variants and relations: `$index` picks one among its owner's, `$ref` is a new relation's
 * target. Concatenated into FIELD_EDIT_PROLOG, so it sees that prolog's variables and helpers.
 *
 * A new part goes after the last of its kind, else in LIFT 0.13's order (lexical-unit, citation,
 * pronunciation, variant, sense, note, relation; in a sense: grammatical-info, gloss,
 * definition, relation), so FLEx reads it. What a part holds besides its forms (a variant's
 * morph-type trait and relations, a pronunciation's media) is kept.
 */
export const ENTRY_PARTS_FUNCTIONS = String.raw`
(: Whose parts these are: the entry, or for a relation the sense chosen. :)
declare function local:part-owner($e as element(entry)) as element()? {
  if ($field = 'relation' and $sense ge 0) then $e/sense[$sense + 1] else $e
};

declare function local:parts($owner as element()?) as element()* {
  switch ($field)
    case 'pronunciation' return $owner/pronunciation
    case 'variant' return $owner/variant
    default return $owner/relation
};

(: The log's values: each pronunciation's or variant's forms (in the writing system chosen), or
   each relation of the entry and its senses as "type → target", whichever part was edited, so
   an edit and its revert show the same list. :)
declare function local:part-values($e as element(entry)) as xs:string* {
  if ($field = 'relation') then ($e, $e/descendant::sense, $e/descendant::subsense)/relation ! (@type || ' → ' || @ref)
  else for $p in local:parts($e)
    return string-join($p/form[if ($lang) then @lang = $lang else true()] ! string(text), '; ')
};

declare function local:new-part() as element() {
  let $form := <form lang="{$lang}"><text>{$value}</text></form>
  return switch ($field)
    case 'pronunciation' return <pronunciation>{$form}</pronunciation>
    case 'variant' return <variant>{$form}</variant>
    default return <relation type="{$value}" ref="{$ref}"/>
};

declare %updating function local:insert-part($owner as element(), $new as element()) {
  let $same := local:parts($owner)
  return if ($same) then insert node $new after $same[last()]
    else local:insert($owner, $new, switch ($field)
      case 'pronunciation' return ('lexical-unit', 'citation')
      case 'variant' return ('lexical-unit', 'citation', 'pronunciation')
      default return if ($owner instance of element(entry)) then ('lexical-unit', 'citation', 'pronunciation', 'variant', 'sense', 'note')
        else ('grammatical-info', 'gloss', 'definition'))
};

(: A form set in its writing system: the text of the form it has, else a new form after the
   part's forms (forms come first in a pronunciation or variant). :)
declare %updating function local:set-part-form($part as element()) {
  let $forms := $part/form[@lang = $lang]
  let $new := <form lang="{$lang}"><text>{$value}</text></form>
  return if ($forms) then for $f in $forms return local:set-text($f)
    else if ($part/form) then insert node $new after $part/form[last()]
    else insert node $new as first into $part
};

(: Forms cleared (one writing system's, or all); a part left holding nothing goes too, one with
   anything else (media, a morph-type trait, a relation) stays. :)
declare %updating function local:clear-part-forms($part as element()) {
  let $forms := $part/form[if ($lang) then @lang = $lang else true()]
  return if (every $c in $part/* satisfies exists($forms[. is $c])) then delete node $part else delete node $forms
};

declare %updating function local:edit-part($e as element(entry)) {
  let $owner := local:part-owner($e)
  let $part := local:parts($owner)[$index + 1]
  return switch ($action)
    case 'add' return if ($owner) then local:insert-part($owner, local:new-part()) else ()
    case 'delete' return delete node $part
    case 'set' return
      if (empty($part)) then ()
      else if ($field != 'relation') then local:set-part-form($part)
      else if ($part/@type) then replace value of node $part/@type with $value
      else insert node attribute type { $value } into $part
    case 'clear' return if ($part) then local:clear-part-forms($part) else ()
    default return ()
};
`;
