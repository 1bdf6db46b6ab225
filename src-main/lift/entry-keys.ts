import { LIFT_PATHS } from './documents.js';

/**
 * An entry's sort keys in XQuery (worksets/query/keys.ts says what each means and how they
 * collate): here, beside the other XQuery, so a write can answer the keys of what it wrote.
 */

/** The sort keys of one entry ("" for a key it has no value for), as matchKeys and keysOf return them. */
export interface MatchKeys {
  guid: string;
  headword: string;
  pos: string;
  gloss: string;
  dateCreated: string;
  dateModified: string;
}

/** `local:sort-key($e, $by)` and `local:keys($e)` (guid then every sort key); need LIFT_PROLOG. */
export const KEY_FUNCTIONS = String.raw`
declare function local:sort-key($e as element(), $by as xs:string) as xs:string {
  switch ($by)
    case 'headword' return local:exact(${LIFT_PATHS.headwordForms('$e')}[1]/text[1])
    case 'pos' return local:exact(${LIFT_PATHS.posValues('$e')}[normalize-space(.)][1])
    case 'gloss' return local:exact((${LIFT_PATHS.senses('$e')}/gloss/text)[normalize-space(.)][1])
    case 'date-created' return normalize-space($e/@dateCreated)
    case 'date-modified' return normalize-space($e/@dateModified)
    default return ''
};

declare function local:keys($e as element()) as xs:string+ {
  string($e/@guid),
  for $by in ('headword', 'pos', 'gloss', 'date-created', 'date-modified') return local:sort-key($e, $by)
};
`;

/** Parses rows of `local:keys` joined by tabs (keys hold no tabs or newlines: whitespace is collapsed). */
export function parseKeyRows(text: string): MatchKeys[] {
  if (text === '') return [];
  return text.split('\n').map((row) => {
    const [guid = '', headword = '', pos = '', gloss = '', dateCreated = '', dateModified = ''] = row.split('\t');
    return { guid, headword, pos, gloss, dateCreated, dateModified };
  });
}


/** A write's output line holding the keys of an entry it wrote (KEYS_LINE_FUNCTION). */
const KEYS_LINE = 'keys\t';

/** `local:keys-line($e)`: the line of `$e`'s keys that `keyLines` reads back. */
export const KEYS_LINE_FUNCTION = String.raw`
declare function local:keys-line($e as element(entry)) as xs:string {
  '${KEYS_LINE.replace('\t', '&#9;')}' || string-join(local:keys($e), '&#9;')
};
`;

/** The keys lines of a write's output, and its other lines. */
export function keyLines(lines: readonly string[]): { keys: MatchKeys[]; rest: string[] } {
  const keyed = lines.filter((line) => line.startsWith(KEYS_LINE));
  return { keys: parseKeyRows(keyed.map((line) => line.slice(KEYS_LINE.length)).join('\n')), rest: lines.filter((line) => !line.startsWith(KEYS_LINE)) };
}
