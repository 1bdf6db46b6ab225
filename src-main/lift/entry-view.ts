import type { Queryable } from '../basex/queryable.js';
import type { EntryViewModel } from '../domain/entries.js';
import { onDatabase } from './database-query.js';
import { LIFT_PROLOG } from './documents.js';

/**
 * Entry view models built in XQuery. One JSON string per entry keeps results compact (no XML to
 * re-parse in Node). They read entries through LIFT_PROLOG's helpers, as the workset query
 * compiler does, so a preview row shows exactly the values a filter tested.
 */

/** `local:view($e)`: the EntryViewModel of one entry as a JSON string (needs LIFT_PROLOG). */
export const VIEW_FUNCTIONS = String.raw`
declare function local:by-lang($holders as element()*) as map(*) {
  map:merge(
    for $h in $holders
    let $text := local:exact($h/text[1])
    where $text != ''
    group by $lang := string($h/@lang)
    return map:entry($lang, array { $text })
  )
};

declare function local:view($e as element()) as xs:string {
  serialize(map:merge((
    map {
      'guid': string($e/@guid),
      'id': string($e/@id),
      'headword': map:merge(
        for $form in local:headword-forms($e)
        group by $lang := string($form/@lang)
        return map:entry($lang, local:exact($form[1]/text[1]))
      ),
      'pos': array { distinct-values(local:pos-values($e) ! local:exact(.))[. != ''] },
      'glosses': local:by-lang(local:senses($e)/gloss),
      'definitions': local:by-lang(local:senses($e)/definition/form),
      'senses': count($e/sense),
      (: The writing systems of the forms the sort keys read (entry-keys.ts), so a column shows what it sorts by. :)
      'keyLangs': map:merge((
        (local:headword-forms($e))[1]/@lang ! map { 'headword': string(.) },
        (local:senses($e)/gloss[text[normalize-space(.)]])[1]/@lang ! map { 'gloss': string(.) }
      ))
    },
    $e/@dateCreated[. != ''] ! map { 'dateCreated': string(.) },
    $e/@dateModified[. != ''] ! map { 'dateModified': string(.) }
  )), map { 'method': 'json' })
};
`;

const ENTRY_VIEWS_QUERY = `${LIFT_PROLOG}${VIEW_FUNCTIONS}
declare variable $guids as xs:string* external;
for $e in $doc/lift/entry[@guid = $guids][empty(@dateDeleted)]
return local:view($e)
`;

/** Parses one `local:view` result. */
export function parseEntryView(json: string): EntryViewModel {
  return JSON.parse(json) as EntryViewModel;
}

/**
 * View models of the entries with these guids, in the order given.
 *
 * Guids of entries that do not exist or are deleted (tombstones) are left out, so a workset
 * whose entries were removed elsewhere still shows the rest. The lookup uses the attribute
 * index, so it costs the same in a dictionary of any size.
 */
export async function entryViews(session: Queryable, db: string, guids: readonly string[]): Promise<EntryViewModel[]> {
  if (guids.length === 0) return [];
  const rows = await session.query(onDatabase(db, ENTRY_VIEWS_QUERY), { guids: [...new Set(guids)] }, { idempotent: true });
  const byGuid = new Map<string, EntryViewModel>();
  for (const row of rows) {
    const view = parseEntryView(row);
    if (!byGuid.has(view.guid)) byGuid.set(view.guid, view);
  }
  return guids.flatMap((guid) => byGuid.get(guid) ?? []);
}
