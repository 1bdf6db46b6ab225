import type { Field } from '../../domain/fields.js';
import { LIFT_PATHS } from '../../lift/documents.js';

/**
 * Where each query field lives in a LIFT 0.13 entry, as XQuery over the entry `$e`.
 *
 * One row per field; the kind, writing-system and key rules of each field are in the domain
 * model (FIELD_SPECS, domain/fields.ts). Paths were read off the real FLEx and WeSay exports in shared/lift:
 * sense-level fields include subsenses at any depth (Sena has glosses in them), notes and
 * custom fields live on the entry or its senses, and a relation's target is found by its id,
 * which FLEx writes as an entry id or a sense id and WeSay sometimes as a bare headword.
 */

/** Names of bound variables a field's expression may use (each undefined when not given). */
export interface FieldVars {
  /** Writing system, as `$l1`. */
  readonly lang?: string;
  /** Trait name, custom field type, note type or relation type, as `$k1`. */
  readonly key?: string;
}

/** An expression of the field's raw values (nodes or strings) in entry `$e`. */
type ValuesOf = (vars: FieldVars) => string;

/** Written out in place, not called: see LIFT_PATHS. */
const SENSES = LIFT_PATHS.senses('$e');

const inLang = (vars: FieldVars): string => (vars.lang ? `[@lang = ${vars.lang}]` : '');
const ofType = (vars: FieldVars): string => (vars.key ? `[@type = ${vars.key}]` : '');

/** The trait names FLEx and WeSay (`semantic-domain-ddp4`) and the LIFT standard use. */
const SEMANTIC_DOMAIN_TRAITS = `('semantic-domain-ddp4', 'semantic-domain')`;

export const FIELD_VALUES: Readonly<Record<Field, ValuesOf>> = {
  headword: (v) => `${LIFT_PATHS.headwordForms('$e')}${inLang(v)}/text`,
  lexeme: (v) => `$e/lexical-unit/form${inLang(v)}/text`,
  citation: (v) => `$e/citation/form${inLang(v)}/text`,
  pos: () => LIFT_PATHS.posValues('$e'),
  gloss: (v) => `${SENSES}/gloss${inLang(v)}/text`,
  definition: (v) => `${SENSES}/definition/form${inLang(v)}/text`,
  example: (v) => `${SENSES}/example/form${inLang(v)}/text`,
  translation: (v) => `${SENSES}/example/translation/form${inLang(v)}/text`,
  note: (v) => `($e/note | ${SENSES}/note)${ofType(v)}/form${inLang(v)}/text`,
  pronunciation: (v) => `$e/pronunciation/form${inLang(v)}/text`,
  variant: (v) => `$e/variant/form${inLang(v)}/text`,
  'semantic-domain': () => `${SENSES}/trait[@name = ${SEMANTIC_DOMAIN_TRAITS}]/@value`,
  trait: (v) => `($e/trait | ${SENSES}/trait)[@name = ${required(v.key)}]/@value`,
  relation: (v) => `local:relation-values($e, ${required(v.key)})`,
  'morph-type': () => `$e/trait[@name = 'morph-type']/@value`,
  custom: (v) => `($e/field | ${SENSES}/field)[@type = ${required(v.key)}]/form${inLang(v)}/text`,
  'date-created': () => `$e/@dateCreated`,
  'date-modified': () => `$e/@dateModified`,
  senses: () => `count($e/sense)`,
  id: () => `$e/@id`,
  guid: () => `$e/@guid`,
};

/**
 * Helpers the field expressions call, added to the prolog after the LIFT helpers.
 *
 * A relation's values are its ref and the headword forms of the entry it points at, so "related
 * to X" finds the relation whether X is the target's id or its headword.
 */
export const FIELD_FUNCTIONS = String.raw`
declare function local:relation-values($e as element(), $type as xs:string) as item()* {
  for $ref in ($e/relation | ${SENSES}/relation)[@type = $type]/@ref[normalize-space(.)]
  let $target := local:target(string($ref))
  return ($ref, $target ! local:headword-forms(.)/text)
};

(: Whether the attribute index is there: a database updated without UPDINDEX loses it. :)
declare variable $attribute-index := db:info($db)/indexes/attrindex = 'true';

(: The live entry whose id, or whose sense's id, is $ref. db:attribute is the attribute index,
   spelled out: BaseX 9.7.2 does not rewrite $doc//*[@id = $ref] to it when $ref is a loop
   variable (a scan of the whole dictionary per relation), and rewrites the path after it to
   ancestor::entry, which loses refs to entries. An attribute's ancestors start at its owner. :)
declare function local:target($ref as xs:string) as element()* {
  (if ($attribute-index) then db:attribute($db, $ref, 'id')/ancestor::entry else $entries-by-id($ref))[empty(@dateDeleted)]
};

(: Without the index: every id in an entry, mapped to the entry once per query. :)
declare variable $entries-by-id := map:merge(
  for $e in $doc/lift/entry, $id in $e//@id return map:entry(string($id), $e),
  map { 'duplicates': 'combine' }
);

(: A date or dateTime as an instant in UTC; values without a zone are taken as UTC. :)
declare function local:instant($x as item()) as xs:dateTime? {
  let $s := normalize-space($x)
  let $utc := xs:dayTimeDuration('PT0S')
  return if ($s castable as xs:dateTime) then adjust-dateTime-to-timezone(xs:dateTime($s), $utc)
    else if ($s castable as xs:date) then adjust-dateTime-to-timezone(dateTime(xs:date($s), xs:time('00:00:00')), $utc)
    else ()
};
`;

function required(name: string | undefined): string {
  if (!name) throw new Error('field needs a bound key variable (the schema requires name or type)');
  return name;
}
