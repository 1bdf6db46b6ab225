import type { Queryable } from '../basex/queryable.js';
import type { EntryViewModel } from '../ipc/contract/entry.js';

/**
 * Entry view models built in XQuery, and the LIFT reading helpers they share with the workset
 * query compiler.
 *
 * One JSON string per entry keeps results compact (no XML to re-parse in Node). The helpers
 * define once what "the headword", "the senses" and "the text of a form" mean, so a preview row
 * shows exactly the values a filter tested.
 */

/**
 * What "the senses", "the headword forms" and "the parts of speech" of an entry are, as XQuery
 * over the entry expression `e`.
 *
 * The workset query compiler writes these paths out in place instead of calling the prolog's
 * functions: BaseX 9.7.2 evaluates `local:senses($e)/gloss` about twice as slowly as the same
 * path written inline, typed or not, even when told to inline it (measured over 100,000
 * entries: 420 against 190 ms for one part-of-speech filter). The functions below are built
 * from the same text, so both say the same thing.
 *
 * Senses go two levels down through child steps only: a descendant step (sense//subsense)
 * scans every sense's whole subtree and made queries four times slower; and
 * descendant-or-self::*[self::sense or self::subsense] is rewritten by BaseX 9.7.2 to
 * ancestor::sense when an index applies, losing every match.
 */
const sensesOf = (e: string): string => `${e}/(sense | sense/subsense | sense/subsense/subsense)`;

export const LIFT_PATHS = {
  senses: sensesOf,
  headwordForms: (e: string): string =>
    `(let $lexeme := ${e}/lexical-unit/form[text[normalize-space()]] return if (exists($lexeme)) then $lexeme else ${e}/citation/form[text[normalize-space()]])`,
  posValues: (e: string): string => `(${sensesOf(e)}/grammatical-info/@value, ${e}/grammatical-info/@value)`,
};

/**
 * Prolog of every query over a dictionary: `$db` is bound by the caller, `$doc` is its document.
 *
 * Binding the name (instead of splicing it) still lets BaseX open the database at compile time
 * and rewrite `@guid = $x` and `@id = $x` to attribute index lookups.
 */
export const LIFT_PROLOG = String.raw`
declare variable $db as xs:string external;
declare variable $doc := db:open($db, 'dictionary.lift');

(: A value as a lexicographer reads it: string value (spans included), whitespace-normalised
   (trimmed, inner runs of spaces and line breaks made one space) and NFC. normalize-space is
   also a third cheaper than a trimming regex over 100,000 entries. :)
declare function local:exact($x as item()?) as xs:string {
  normalize-unicode(normalize-space(string($x)))
};

(: The same, case-folded, for case-insensitive comparison and sort keys. :)
declare function local:folded($x as item()?) as xs:string {
  normalize-unicode(lower-case(normalize-space(string($x))))
};

(: Senses and their subsenses, two levels down, in document order: see LIFT_PATHS. :)
declare function local:senses($e as element()) as element()* {
  ${LIFT_PATHS.senses('$e')}
};

(: Non-empty lexical-unit forms; where an entry has none, its non-empty citation forms. :)
declare function local:headword-forms($e as element()) as element()* {
  ${LIFT_PATHS.headwordForms('$e')}
};

(: Parts of speech: of every sense in document order, then of the entry itself. :)
declare function local:pos-values($e as element()) as attribute()* {
  ${LIFT_PATHS.posValues('$e')}
};
`;

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
      'senses': count($e/sense)
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
  const rows = await session.query(ENTRY_VIEWS_QUERY, { db, guids: [...new Set(guids)] }, { idempotent: true });
  const byGuid = new Map<string, EntryViewModel>();
  for (const row of rows) {
    const view = parseEntryView(row);
    if (!byGuid.has(view.guid)) byGuid.set(view.guid, view);
  }
  return guids.flatMap((guid) => byGuid.get(guid) ?? []);
}
