import { LIFT_PROLOG, RANGES_DOC } from './documents.js';

/**
 * The built-in consistency rules as one XQuery over a dictionary's live entries: each rule
 * answers the guids of the entries it flags, in document order. One pass, so a check costs one
 * round trip; every user value (the required writing systems) is the bound `$required`.
 *
 * Values are compared as FLEx means them: range ids NFC (FLEx writes them decomposed while
 * entries are composed), glosses trimmed and NFC (local:exact). A relation's ref names an entry
 * or a sense by its id (SOURCES.md: refs may be empty, which is no relation, or point outside
 * the file, which is what this rule finds); a ref to a deleted entry dangles too.
 *
 * Without required writing systems, `missing-gloss` checks the ones at least half of the glossed
 * senses use, the most used first (Sena: en and pt; Lotud: ms and en), and says so.
 */
export const CONSISTENCY_RULES_XQUERY = String.raw`${LIFT_PROLOG}
declare variable $required as xs:string* external;
declare variable $ranges := if (db:exists($db, '${RANGES_DOC}')) then db:open($db, '${RANGES_DOC}')/lift-ranges else ();
declare variable $entries := $doc/lift/entry[empty(@dateDeleted)];

declare function local:ids-of($range-ids as xs:string*) as map(*) {
  map:merge($ranges/range[@id = $range-ids]/range-element/@id ! map { normalize-unicode(string(.)): true() }, map { 'duplicates': 'use-first' })
};
declare variable $pos-range := exists($ranges/range[@id = 'grammatical-info']);
declare variable $domain-range := exists($ranges/range[@id = ('semantic-domain-ddp4', 'semantic-domain')]);
declare variable $known-pos := local:ids-of('grammatical-info');
declare variable $known-domains := local:ids-of(('semantic-domain-ddp4', 'semantic-domain'));

(: Ids a relation may name: of live entries and of their senses and subsenses, looked up once. :)
declare variable $targets := map:merge(
  for $id in $entries/(@id, .//sense/@id, .//subsense/@id) return map { string($id): true() },
  map { 'duplicates': 'use-first' });

declare variable $glossed := $entries/local:senses(.)[gloss[normalize-space(.)]];
declare variable $gloss-langs := if (exists($required)) then $required else (
  let $half := count($glossed) div 2
  for $lang in distinct-values($glossed/gloss[normalize-space(.)]/@lang)
  let $uses := count($glossed[gloss[@lang = $lang][normalize-space(.)]])
  where $uses >= $half
  order by $uses descending, $lang
  return $lang);

(: A gloss's items: FLEx keeps several glosses of one sense in one form, separated by ';'. :)
declare function local:gloss-items($sense as element(), $lang as xs:string) as xs:string* {
  $sense/gloss[@lang = $lang] ! tokenize(string(.), ';') ! local:exact(.)[. != '']
};

declare function local:guids($flagged as element(entry)*) as array(*) {
  array { $flagged ! string(@guid) }
};

serialize(map {
  'glossLangs': array { $gloss-langs },
  'posRange': $pos-range,
  'domainRange': $domain-range,
  'rules': map {
    'missing-gloss': local:guids($entries[local:senses(.)[some $lang in $gloss-langs satisfies empty(gloss[@lang = $lang][normalize-space(.)])]]),
    'pos-not-in-ranges': local:guids(if (not($pos-range)) then () else
      $entries[local:pos-values(.)[normalize-space(.)][not(map:contains($known-pos, local:exact(.)))]]),
    'domain-not-in-ranges': local:guids(if (not($domain-range)) then () else
      $entries[local:senses(.)/trait[@name = ('semantic-domain-ddp4', 'semantic-domain')]/@value[normalize-space(.)][not(map:contains($known-domains, local:exact(.)))]]),
    'dangling-relation': local:guids($entries[(relation | local:senses(.)/relation)/@ref[normalize-space(.)][not(map:contains($targets, string(.)))]]),
    'empty-sense': local:guids($entries[local:senses(.)[empty(.//text()[normalize-space(.)])]]),
    'duplicate-gloss': local:guids($entries[local:senses(.)[some $lang in distinct-values(gloss/@lang) satisfies
      (let $items := local:gloss-items(., $lang) return count($items) != count(distinct-values($items)))]]),
    'headword-form': local:guids($entries[(lexical-unit | citation)/form/text[
      let $s := string(.) return $s != normalize-space($s) or $s != normalize-unicode($s)]]),
    'missing-headword': local:guids($entries[empty(local:headword-forms(.))])
  }
}, map { 'method': 'json' })`;

/** What the query answers, as JSON. */
export interface RulesAnswer {
  readonly glossLangs: string[];
  readonly posRange: boolean;
  readonly domainRange: boolean;
  readonly rules: Record<string, string[]>;
}
