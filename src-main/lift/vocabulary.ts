import type { Queryable } from '../basex/queryable.js';
import type { DictionaryVocabulary, RangeValue } from '../domain/dictionaries.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG, RANGES_DOC } from './documents.js';

/**
 * What the query builder's pickers offer for a dictionary: the writing systems its entries use,
 * parts of speech and semantic domains from its ranges (plus values used in entries that the
 * ranges lack — WeSay exports have no ranges file), trait names and custom fields.
 *
 * FLEx writes range ids decomposed (NFD) while entries are composed: ids are given NFC.
 */
const VOCABULARY_QUERY = `${LIFT_PROLOG}
declare variable $ranges := if (db:exists($db, '${RANGES_DOC}')) then db:open($db, '${RANGES_DOC}')/lift-ranges else ();
declare function local:values($range-ids as xs:string*, $used as xs:string*) as array(*) {
  let $elements := $ranges/range[@id = $range-ids]/range-element
  let $known := $elements ! normalize-unicode(@id)
  return array {
    for $el in $elements
    let $label := ($el/label/form[@lang = 'en'], $el/label/form)[1]/text
    return map { 'id': normalize-unicode($el/@id), 'label': normalize-space(($label, $el/@id)[1]), 'parent': string($el/@parent) },
    for $value in distinct-values($used ! normalize-unicode(normalize-space(.)))[. != ''][not(. = $known)]
    order by $value
    return map { 'id': $value, 'label': $value, 'parent': '' }
  }
};
let $entries := $doc/lift/entry
return serialize(map {
  'writingSystems': array { sort(distinct-values($entries//@lang)) },
  (: The headwords' writing systems, the most used first (a new entry's headword is in the first). :)
  'headwordLangs': array {
    for $lang in distinct-values($entries/lexical-unit/form/@lang)
    order by count($entries/lexical-unit/form[@lang = $lang]) descending, $lang
    return $lang
  },
  'partsOfSpeech': local:values('grammatical-info', distinct-values($entries//grammatical-info/@value)),
  'semanticDomains': local:values(('semantic-domain-ddp4', 'semantic-domain'),
    distinct-values($entries//trait[@name = ('semantic-domain-ddp4', 'semantic-domain')]/@value)),
  (: The lexical-relation range, and the types relations already have (WeSay's have no range). :)
  'relationTypes': local:values('lexical-relation', distinct-values($entries//relation/@type)),
  'traitNames': array { sort(distinct-values($entries//trait/@name)) },
  'customFields': array { sort(distinct-values($doc/lift/header/fields/field/@tag)) }
}, map { 'method': 'json' })`;

export async function dictionaryVocabulary(session: Queryable, db: string): Promise<DictionaryVocabulary> {
  const raw = JSON.parse(await session.execute(onDatabase(db, VOCABULARY_QUERY), {}, { idempotent: true })) as DictionaryVocabulary;
  const clean = (values: readonly RangeValue[]): RangeValue[] =>
    values.map((v) => (v.parent ? { id: v.id, label: v.label, parent: v.parent } : { id: v.id, label: v.label }));
  return { ...raw, partsOfSpeech: clean(raw.partsOfSpeech), semanticDomains: clean(raw.semanticDomains), relationTypes: clean(raw.relationTypes) };
}
