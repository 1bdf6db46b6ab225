import type { Queryable } from '../basex/queryable.js';
import type { DictionaryVocabulary, RangeValue } from '../domain/dictionaries.js';
import { customFieldDefinition, type DeclaredField } from './custom-fields.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG, RANGES_DOC } from './documents.js';

/**
 * What the pickers offer for a dictionary: the writing systems its entries use, parts of speech,
 * semantic domains, trait values and note types from its ranges (plus values used in entries
 * that the ranges lack — WeSay exports have no ranges file), trait names and custom fields.
 *
 * FLEx writes range ids decomposed (NFD) while entries are composed: ids are given NFC.
 */

/** Ranges FLEx writes trait values from, offered even where no entry uses them yet. */
const FLEX_TRAIT_RANGES = ['morph-type', 'do-not-publish-in', 'usage-type', 'domain-type', 'sense-type', 'status', 'anthro-code', 'dialect'];

const VOCABULARY_QUERY = `${LIFT_PROLOG}
declare variable $flex-trait-ranges external;
declare variable $ranges := if (db:exists($db, '${RANGES_DOC}')) then db:open($db, '${RANGES_DOC}')/lift-ranges else ();
declare function local:first-form($forms as element()*) as xs:string? {
  ($forms[@lang = 'en'], $forms)[1]/text ! normalize-space(.)
};
declare function local:values($range-ids as xs:string*, $used as xs:string*) as array(*) {
  let $elements := $ranges/range[@id = $range-ids]/range-element
  let $known := $elements ! normalize-unicode(@id)
  return array {
    for $el in $elements
    let $abbreviation := local:first-form($el/abbrev/form)
    return map:merge((
      map { 'id': normalize-unicode($el/@id), 'label': (local:first-form($el/label/form), normalize-space($el/@id))[1], 'parent': string($el/@parent) },
      if ($abbreviation) then map { 'abbreviation': $abbreviation } else ())),
    for $value in distinct-values($used ! normalize-unicode(normalize-space(.)))[. != ''][not(. = $known)]
    order by $value
    return map { 'id': $value, 'label': $value, 'parent': '' }
  }
};
let $entries := $doc/lift/entry
let $domain-traits := ('semantic-domain-ddp4', 'semantic-domain')
let $trait-names := distinct-values($entries//trait/@name)[not(. = $domain-traits)]
return serialize(map {
  'writingSystems': array { sort(distinct-values($entries//@lang)) },
  (: The headwords' writing systems, the most used first (a new entry's headword is in the first). :)
  'headwordLangs': array {
    for $lang in distinct-values($entries/lexical-unit/form/@lang)
    order by count($entries/lexical-unit/form[@lang = $lang]) descending, $lang
    return $lang
  },
  'partsOfSpeech': local:values('grammatical-info', distinct-values($entries//grammatical-info/@value)),
  'semanticDomains': local:values($domain-traits, distinct-values($entries//trait[@name = $domain-traits]/@value)),
  (: The lexical-relation range, and the types relations already have (WeSay's have no range). :)
  'relationTypes': local:values('lexical-relation', distinct-values($entries//relation/@type)),
  'traitNames': array { sort(distinct-values($entries//trait/@name)) },
  'customFields': array { sort(distinct-values($doc/lift/header/fields/field/@tag)) },
  'traitValues': map:merge(
    for $name in distinct-values(($trait-names, $ranges/range/@id[. = $flex-trait-ranges]))
    return map { $name: local:values($name, distinct-values($entries/(., sense, sense//subsense)/trait[@name = $name]/@value)) }),
  'noteTypes': local:values('note-type', distinct-values($entries/(., sense, sense//subsense)/note/@type)),
  'declaredFields': array {
    for $f in $doc/lift/header/fields/field
    return map { 'tag': string($f/@tag), 'description': string(local:first-form($f/form[@lang != 'qaa-x-spec'])), 'spec': string($f/form[@lang = 'qaa-x-spec']/text) }
  }
}, map { 'method': 'json' })`;

type RawVocabulary = Omit<DictionaryVocabulary, 'customFieldDefinitions'> & { readonly declaredFields: readonly DeclaredField[] };

export async function dictionaryVocabulary(session: Queryable, db: string): Promise<DictionaryVocabulary> {
  const raw = JSON.parse(await session.execute(onDatabase(db, VOCABULARY_QUERY), { 'flex-trait-ranges': FLEX_TRAIT_RANGES }, { idempotent: true })) as RawVocabulary;
  const clean = (values: readonly RangeValue[]): RangeValue[] =>
    values.map((v) => ({ id: v.id, label: v.label, ...(v.parent ? { parent: v.parent } : {}), ...(v.abbreviation ? { abbreviation: v.abbreviation } : {}) }));
  const { declaredFields, ...rest } = raw;
  return {
    ...rest,
    partsOfSpeech: clean(raw.partsOfSpeech),
    semanticDomains: clean(raw.semanticDomains),
    relationTypes: clean(raw.relationTypes),
    traitValues: Object.fromEntries(Object.entries(raw.traitValues).map(([name, values]) => [name, clean(values)])),
    noteTypes: clean(raw.noteTypes),
    customFieldDefinitions: declaredFields.map(customFieldDefinition),
  };
}
