import type { Queryable } from '../basex/queryable.js';
import type { RelationTarget } from '../domain/entries.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';

/**
 * What relations point at. LIFT's `ref` is the `id` of an entry or of a sense (FLEx: entries'
 * "headword_guid" ids, senses' guids; WeSay: ids such as "ebo"); a guid is taken too. Deleted
 * entries and refs pointing outside the file (Relation refs may, SOURCES.md) are left out.
 */
const TARGETS = `${LIFT_PROLOG}
declare variable $refs as xs:string* external;
let $live := $doc/lift/entry[empty(@dateDeleted)]
for $ref in distinct-values($refs)
let $entry := ($live[@id = $ref], $live[@guid = $ref])[1]
let $sense := if ($entry) then () else ($live/(sense | sense//subsense)[@id = $ref])[1]
let $owner := ($entry, $sense/ancestor::entry)[1]
let $headword := local:headword-forms($owner)[1]
where $owner
return serialize(map {
  'ref': $ref, 'guid': string($owner/@guid), 'headword': local:exact($headword/text), 'lang': string($headword/@lang),
  'gloss': if ($sense) then local:exact(($sense/gloss/text)[1]) else ()
}, map { 'method': 'json' })`;

export async function relationTargets(session: Queryable, db: string, refs: readonly string[]): Promise<RelationTarget[]> {
  if (refs.length === 0) return [];
  const lines = await session.query(onDatabase(db, TARGETS), { refs: [...refs] }, { idempotent: true });
  return lines.map((line) => {
    const { gloss, ...target } = JSON.parse(line) as RelationTarget & { gloss: string | null };
    return gloss === null ? target : { ...target, gloss };
  });
}
