/**
 * Where a dictionary lives inside its BaseX database, and what its parts are, as XQuery. Every
 * module that queries a dictionary opens these paths and starts from LIFT_PROLOG, so each is
 * said once.
 */
export const LIFT_DOC = 'dictionary.lift';
export const RANGES_DOC = 'dictionary.lift-ranges';

/**
 * What "the senses", "the headword forms" and "the parts of speech" of an entry are, as XQuery
 * over the entry expression `e`. Edits, filters, sort keys and views all read senses through
 * `senses`, so a bulk edit changes exactly the glosses a filter tests and a view shows.
 *
 * The workset query compiler writes these paths out in place instead of calling the prolog's
 * functions: BaseX 9.7.2 evaluates `local:senses($e)/gloss` about twice as slowly as the same
 * path written inline, typed or not, even when told to inline it (measured over 100,000
 * entries: 420 against 190 ms for one part-of-speech filter). The functions below are built
 * from the same text, so both say the same thing.
 *
 * Senses are the entry's senses and their subsenses at any depth, as LIFT nests them. A
 * descendant step from `sense` costs about the same as child steps to a fixed depth (measured
 * over 100,000 entries); descendant-or-self::*[self::sense or self::subsense] must not be
 * used: BaseX 9.7.2 rewrites it to ancestor::sense when an index applies, losing every match.
 */
const sensesOf = (e: string): string => `${e}/(sense | sense//subsense)`;

export const LIFT_PATHS = {
  senses: sensesOf,
  headwordForms: (e: string): string =>
    `(let $lexeme := ${e}/lexical-unit/form[text[normalize-space()]] return if (exists($lexeme)) then $lexeme else ${e}/citation/form[text[normalize-space()]])`,
  posValues: (e: string): string => `(${sensesOf(e)}/grammatical-info/@value, ${e}/grammatical-info/@value)`,
};

/**
 * Prolog of every query over a dictionary: `$db` names the database (onDatabase writes it in
 * as a literal, see database-query.ts), `$doc` is its LIFT document, and the helpers say what
 * a value, the senses, the headword and the parts of speech of an entry are.
 */
export const LIFT_PROLOG = String.raw`
declare variable $db as xs:string external;
declare variable $doc := db:open($db, '${LIFT_DOC}');

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

(: Senses and their subsenses at any depth, in document order: see LIFT_PATHS. :)
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
